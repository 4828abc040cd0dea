import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/load-config.ts';
import { resolveJwtSecret } from '../../auth/local-secret.ts';
import { CLEARANCES, ROLES, type Clearance, type Role } from '../../auth/roles.ts';
import { signToken } from '../../auth/sign-token.ts';

const USAGE = `usage: npm run token -- --role analyst [--role supervisor] [--agency police] [--sub alice]
                        [--clearance minors,victims] [--hours 8]
Prints an HS256 bearer token signed with AUTH_JWT_SECRET, or with the local secret in DATA_DIR/auth-secret.
An ingest token writes only its agency's sources: --role ingest --agency border-guard for source border-guard.`;

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      agency: { type: 'string', default: 'police' },
      sub: { type: 'string' },
      clearance: { type: 'string', multiple: true },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const roles = list(values.role);
  const clearance = list(values.clearance);
  const hours = Number(values.hours);
  const unknownRole = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  const unknownClearance = clearance.find((c) => !(CLEARANCES as readonly string[]).includes(c));
  if (!roles.length || unknownRole || unknownClearance || !(hours > 0 && hours <= 24 * 30)) {
    const problem = !roles.length
      ? 'give at least one --role'
      : unknownRole
        ? `unknown role "${unknownRole}" (${ROLES.join(' | ')})`
        : unknownClearance
          ? `unknown clearance "${unknownClearance}" (${CLEARANCES.join(' | ')})`
          : '--hours must be between 0 and 720';
    console.error(`token: ${problem}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const secret = resolveJwtSecret(loadConfig());
  const token = await signToken(secret, {
    sub: values.sub ?? `dev-${roles[0]}`,
    roles: roles as Role[],
    agency: values.agency,
    clearance: clearance as Clearance[],
    hours,
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(`token: ${error instanceof ConfigError ? error.message : String(error)}`);
  process.exit(1);
});
