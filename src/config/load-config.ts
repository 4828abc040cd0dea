import { z } from 'zod';
import { defaultAlertOptions, type AlertOptions } from '../alerts/alert-options.ts';
import { defaultFeedRetention, type FeedRetentionOptions } from '../changes/feed-retention.ts';
import { TEXT_LIMITS } from '../ingest/check-values.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveWhole = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be above 0');

/**
 * CORS_ORIGINS: origins a browser page may call the API from, separated by commas. Each an
 * exact origin (scheme, host, optional port; no path, no wildcard): with credentials allowed,
 * a wildcard or a reflected Origin would let any site read an investigator's answers.
 */
/**
 * MAP_TILE_URL: an agency's own raster tile server for the workspace's map, as a URL with
 * {z}, {x} and {y} (Web Mercator tiles of 256 pixels). Unset, the map draws the boundaries
 * that ship with the service and needs no network.
 */
const mapTileUrl = z.string().superRefine((value, ctx) => {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value.replace(/\{[xyz]\}/g, '0'));
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || !['{z}', '{x}', '{y}'].every((part) => value.includes(part))) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an http(s) URL with {z}, {x} and {y}, such as https://tiles.agency.example/{z}/{x}/{y}.png',
    });
  }
});

const corsOrigins = z.string().transform((value, ctx) => {
  const origins = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    const exact = parsed && /^https?:$/.test(parsed.protocol) && parsed.origin === origin.replace(/\/$/, '');
    if (!exact || origin.includes('*')) {
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin such as https://explorer.example.org (scheme and host, no path or wildcard)`,
      });
      return z.NEVER;
    }
  }
  return origins.map((origin) => new URL(origin).origin);
});

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
  NEO4J_BOLT_PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(0),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  DATA_DIR: z.string().min(1).default('./.data'),
  SEED_DEMO: booleanFlag.default(true),
  AUTH_JWT_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: positiveWhole.default(24 * 3600),
  AUTH_CLOCK_LEEWAY_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(300, 'must be at most 300')
    .default(5),
  CORS_ORIGINS: corsOrigins.optional(),
  MAP_TILE_URL: mapTileUrl.optional(),
  WORK_BUDGET_PER_REQUEST: positiveWhole.default(125_000),
  WORK_LIMIT_PER_SECOND: positiveWhole.default(250_000),
  WORK_LIMIT_BURST: positiveWhole.default(500_000),
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
  NEO4J_START_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(10, 'must be at least 10')
    .max(3600, 'must be at most 3600')
    .default(120),
  DETECTION_LEASE_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(3, 'must be at least 3')
    .max(3600, 'must be at most 3600')
    .default(30),
  DETECTION_FULL_READ_SHARE: z.coerce
    .number({ message: 'must be a number' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .default(0.2),
  SOURCE_AGENCIES: sourceAgencies.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  ALERTS_ENABLED: booleanFlag.default(true),
  ALERTS_POLL_MS: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(10)
    .max(60_000)
    .default(defaultAlertOptions.pollMs),
  ALERTS_NO_RETURN_DAYS: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .default(defaultAlertOptions.noReturnDays),
  ALERTS_NO_RETURN_CHECK_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .min(1, 'must be at least 1')
    .default(defaultAlertOptions.noReturnCheckMs / 1000),
  ALERTS_MINOR_EXIT_WINDOW_MINUTES: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .default(defaultAlertOptions.minorExitWindowMs / 60_000),
  // Fractions of a day are allowed (0.5 keeps twelve hours); a record stays while any consumer still needs it.
  CHANGE_FEED_RETENTION_DAYS: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .max(36_500)
    .default(defaultFeedRetention.retentionMs / 86_400_000),
  WEBHOOK_ATTEMPTS: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(50)
    .default(defaultAlertOptions.webhookAttempts),
  WEBHOOK_BACKOFF_MS: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .default(defaultAlertOptions.webhookBackoffMs),
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
    /** The embedded Neo4j's Bolt port on loopback; 0 picks a free one. Fixed, a second instance can be pointed at it. */
    boltPort: number;
    /** How long the embedded Neo4j may take to start, and each restart's first attempt. */
    startTimeoutMs: number;
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
    /** The longest a token may be valid: exp - iat, or exp - now when it has no iat. */
    maxTokenLifetimeSeconds: number;
    /** How far the clocks of the identity provider and this service may disagree on exp, nbf and iat. */
    clockLeewaySeconds: number;
  };
  /** Origins allowed to call the API from a browser; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** The workspace map's tile server ({z}/{x}/{y}); null: the shipped boundaries alone. */
  mapTileUrl: string | null;
  /** Chart, path and export work (src/linkchart/work-budget.ts): per request, and per caller. */
  work: { perRequest: number; perCallerPerSecond: number; perCallerBurst: number };
  /**
   * The sources that belong to an agency of another name (source -> agency); every other
   * source belongs to the agency of its own name (src/auth/source-ownership.ts).
   */
  sourceAgencies: ReadonlyMap<string, string>;
  /** Per-token (sub) request rate: a token bucket refilled at perSecond, holding at most burst. */
  rateLimit: { perSecond: number; burst: number };
  /** The lease of the database lock a ring detection holds: how long a dead instance blocks detection at most. */
  detectionLeaseMs: number;
  /** Above this share of the kept evidence graph changed since the last run, detection reads it in full. */
  detectionFullReadShare: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  production: boolean;
  alerts: AlertOptions;
  /** What the change feed keeps (CHANGE_FEED_RETENTION_DAYS) and how it is pruned. */
  changeFeed: FeedRetentionOptions;
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
      boltPort: e.NEO4J_BOLT_PORT,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_SECONDS * 1000,
    },
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO,
    auth: {
      jwtSecret: e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      maxTokenLifetimeSeconds: e.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
      clockLeewaySeconds: e.AUTH_CLOCK_LEEWAY_SECONDS,
    },
    corsOrigins: e.CORS_ORIGINS ?? [],
    mapTileUrl: e.MAP_TILE_URL ?? null,
    work: {
      perRequest: e.WORK_BUDGET_PER_REQUEST,
      perCallerPerSecond: e.WORK_LIMIT_PER_SECOND,
      perCallerBurst: e.WORK_LIMIT_BURST,
    },
    sourceAgencies: e.SOURCE_AGENCIES ?? new Map(),
    rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
    detectionLeaseMs: e.DETECTION_LEASE_SECONDS * 1000,
    detectionFullReadShare: e.DETECTION_FULL_READ_SHARE,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    alerts: {
      enabled: e.ALERTS_ENABLED,
      pollMs: e.ALERTS_POLL_MS,
      noReturnDays: e.ALERTS_NO_RETURN_DAYS,
      noReturnCheckMs: e.ALERTS_NO_RETURN_CHECK_SECONDS * 1000,
      minorExitWindowMs: e.ALERTS_MINOR_EXIT_WINDOW_MINUTES * 60_000,
      webhookAttempts: e.WEBHOOK_ATTEMPTS,
      webhookBackoffMs: e.WEBHOOK_BACKOFF_MS,
    },
    changeFeed: { ...defaultFeedRetention, retentionMs: e.CHANGE_FEED_RETENTION_DAYS * 86_400_000 },
  };
}
