import { ConfigError, loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../app/open-database.ts';
import { AuditTrail } from '../../audit/audit-trail.ts';
import { verifyChain } from '../../audit/verify-chain.ts';

/**
 * `npm run audit:verify`: walks the audit trail and prints OK or the first broken record;
 * exit code 1 when broken, 2 when it could not check. With NEO4J_URI unset it opens the
 * embedded Neo4j in DATA_DIR, which needs the service stopped (the store is locked while it runs).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const { db, close } = await openDatabase(config, undefined, { heap: '512m', pageCache: '256m' });
  try {
    const verdict = await verifyChain(new AuditTrail(db));
    if (verdict.ok) {
      console.log(`audit trail OK: ${verdict.records} records, chain intact`);
      return 0;
    }
    console.log(
      `audit trail BROKEN at seq ${verdict.seq} (id ${verdict.id}): ${verdict.problem}; ${verdict.records} records before it verified`,
    );
    return 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError ? error.message : (error as Error).message;
    console.error(`audit:verify: could not check the trail: ${message}`);
    process.exit(2);
  },
);
