// npm run resolve -- [--auto-merge | --dry-run] [--min-score 0.9] [--json]
// Computes duplicate candidates among person entities on the configured database (NEO4J_URI, or
// the embedded one under DATA_DIR while the service is stopped), merges automatically the people
// who share a document number of the same kind when --auto-merge (or RESOLUTION_AUTO_MERGE=true),
// and prints a report: pairs by score band, merges done.
import { parseArgs } from 'node:util';
import { openDatabase } from '../../app/open-database.ts';
import { loadConfig } from '../../config/load-config.ts';
import { formatResolutionReport } from '../../resolution/format-report.ts';
import { autoMergeFromEnv } from '../../resolution/resolution-config.ts';
import { ResolutionService } from '../../resolution/resolution-service.ts';

const { values } = parseArgs({
  options: {
    'auto-merge': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'min-score': { type: 'string', default: '0.7' },
    json: { type: 'boolean', default: false },
  },
});
const minScore = Number(values['min-score']);
if (!(minScore >= 0 && minScore <= 1)) {
  process.stderr.write(`ringwatch: --min-score must be between 0 and 1\n`);
  process.exit(2);
}
const autoMerge = values['dry-run'] ? false : values['auto-merge'] || autoMergeFromEnv();

const { db, close } = await openDatabase(loadConfig(), (line) => process.stderr.write(`${line}\n`));
try {
  const report = await new ResolutionService(db).resolveDuplicates({ autoMerge, minScore, by: 'cli:resolve' });
  process.stdout.write(`${formatResolutionReport(report)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await close();
}
