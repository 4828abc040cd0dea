import { z } from 'zod';
import { TEXT_LIMITS } from '../ingest/check-values.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A source or agency name as SOURCE_AGENCIES may name it: letters, digits, '.', '_' and '-'. */
const SOURCE_OR_AGENCY = new RegExp(`^[\\p{L}\\p{N}._-]{1,${TEXT_LIMITS.source}}$`, 'u');

/**
 * SOURCE_AGENCIES: `source:agency` pairs separated by commas (`police-hcm:police,telecom-vn:telecom`),
 * the sources that do not belong to the agency of their own name. A source named twice is refused:
 * each source belongs to exactly one agency.
 */
const sourceAgencies = z.string().transform((value, ctx) => {
  const agencies = new Map<string, string>();
  for (const entry of value.split(',').filter((part) => part.trim())) {
    const pair = entry.split(':').map((part) => part.trim());
    const [source, agency] = pair;
    if (pair.length !== 2 || !SOURCE_OR_AGENCY.test(source!) || !SOURCE_OR_AGENCY.test(agency!)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry.trim()}" is not source:agency (names of letters, digits, ".", "_" and "-"; e.g. police-hcm:police,telecom-vn:telecom)`,
      });
      return z.NEVER;
    }
    if (agencies.has(source!)) {
      ctx.addIssue({ code: 'custom', message: `source ${source} is mapped twice: a source belongs to one agency` });
      return z.NEVER;
    }
    agencies.set(source!, agency!);
  }
  return agencies as ReadonlyMap<string, string>;
});

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  DATA_DIR: z.string().min(1).default('./.data'),
  SEED_DEMO: booleanFlag.default(true),
  AUTH_JWT_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  RATE_LIMIT_PER_SECOND: z.coerce.number({ message: 'must be a number' }).positive('must be above 0').default(50),
  RATE_LIMIT_BURST: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).default(200),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'must be a size such as 512m or 2g')
    .default('2g'),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/i, 'must be a size such as 512m or 2g')
    .default('2g'),
  SOURCE_AGENCIES: sourceAgencies.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

/** The password of the embedded Neo4j when NEO4J_PASSWORD is not set; it listens on loopback only. */
export const LOCAL_NEO4J_DEFAULT_PASSWORD = 'ringwatch-local';

export interface Config {
  port: number;
  host: string;
  neo4j: {
    /** Unset: the service starts its own embedded Neo4j under dataDir. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string;
    heap: string;
    pageCache: string;
  };
  dataDir: string;
  seedDemo: boolean;
  auth: {
    /** HS256 secret; unset in development: generated once into DATA_DIR/auth-secret (src/auth/local-secret.ts). */
    jwtSecret: string | undefined;
    /** An identity provider's key set; its tokens are verified with the asymmetric algorithms it publishes. */
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  /**
   * The sources that belong to an agency of another name (source -> agency); every other
   * source belongs to the agency of its own name (src/auth/source-ownership.ts).
   */
  sourceAgencies: ReadonlyMap<string, string>;
  /** Per-token (sub) request rate: a token bucket refilled at perSecond, holding at most burst. */
  rateLimit: { perSecond: number; burst: number };
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  production: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment; an invalid value throws a ConfigError whose message names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) {
    throw new ConfigError('invalid configuration: NEO4J_PASSWORD must be set when NEO4J_URI is set');
  }
  if (e.NODE_ENV === 'production' && !e.AUTH_JWT_SECRET) {
    // Tokens and the pseudonyms of protected people depend on it; a generated one would differ per machine.
    throw new ConfigError('invalid configuration: AUTH_JWT_SECRET must be set when NODE_ENV=production');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_URI ? e.NEO4J_USER : 'neo4j',
      password: e.NEO4J_PASSWORD ?? LOCAL_NEO4J_DEFAULT_PASSWORD,
      database: e.NEO4J_DATABASE,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
    },
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO,
    auth: {
      jwtSecret: e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
    },
    sourceAgencies: e.SOURCE_AGENCIES ?? new Map(),
    rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
  };
}
