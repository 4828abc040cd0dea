import type { GraphQLSchema } from 'graphql';
import type { Services } from '../../../src/graphql/services.ts';
import type { AuditEntry } from '../../../src/audit/audit-event.ts';
import type { Role } from '../../../src/auth/roles.ts';
import { signToken } from '../../../src/auth/sign-token.ts';
import { createTokenVerifier } from '../../../src/auth/verify-token.ts';
import { createGraphQLHandler } from '../../../src/graphql/create-yoga.ts';
import { DEFAULT_WORK_LIMITS } from '../../../src/linkchart/work-budget.ts';
import { ProtectionReader, type ProtectedEntity } from '../../../src/protection/protection-reader.ts';

/**
 * The real schema, resolvers, plugins and error map, served in-process through yoga.fetch,
 * over stub capabilities: each test gives the few methods it needs, and any other call fails
 * as a bug would (masked "Unexpected error."). No database, no port.
 */
const SECRET = 'in-process-tests-secret-of-at-least-32-characters';

export type StubServices = { [K in keyof Services]?: Record<string, unknown> };

/** Who is protected, as the stub says; the protection decision itself (ProtectionView) is the real one. */
class StubProtectionReader extends ProtectionReader {
  constructor(private readonly protectedEntities: ProtectedEntity[]) {
    super(undefined as never);
  }
  override async protectedAmong(ids: readonly string[]): Promise<ProtectedEntity[]> {
    return this.protectedEntities.filter((entity) => ids.includes(entity.id));
  }
}

function stubOf(name: string, methods: Record<string, unknown> = {}): unknown {
  return new Proxy(methods, {
    get(target, property) {
      if (property in target) return target[property as string];
      if (typeof property === 'symbol' || property === 'then') return undefined;
      return () => {
        throw new Error(`${name}.${property} is not stubbed in this test`);
      };
    },
  });
}

export interface InProcessOptions {
  services?: StubServices;
  protectedEntities?: ProtectedEntity[];
  rateLimit?: { perSecond: number; burst: number };
  production?: boolean;
  /** The schema served; by default the real one (createGraphQLSchema()). */
  schema?: GraphQLSchema;
}

export function inProcessYoga(options: InProcessOptions = {}) {
  const audit: AuditEntry[] = [];
  const logged: unknown[] = [];
  const given = options.services ?? {};
  const services = {
    db: stubOf('db'),
    entities: stubOf('entities', { forViewer: () => stubOf('entities', given.entities), ...given.entities }),
    ingest: stubOf('ingest', given.ingest),
    linkCharts: stubOf('linkCharts', given.linkCharts),
    rings: stubOf('rings', given.rings),
    resolution: stubOf('resolution', given.resolution),
    changes: stubOf('changes', given.changes),
    changeSignal: stubOf('changeSignal', given.changeSignal),
    alerts: stubOf('alerts', given.alerts),
    webhooks: stubOf('webhooks', given.webhooks),
    alertEvents: stubOf('alertEvents', given.alertEvents),
    sourceOwnership: stubOf('sourceOwnership', { decide: () => ({ allowed: true }), ...given.sourceOwnership }),
    audit: stubOf('audit', {
      append: async (entry: AuditEntry) => {
        audit.push(entry);
        return entry;
      },
      ...given.audit,
    }),
  } as unknown as Services;
  const logger = {
    info: () => undefined,
    debug: () => undefined,
    warn: () => undefined,
    error: (...args: unknown[]) => logged.push(args[0]),
  };
  const yoga = createGraphQLHandler({
    services,
    production: options.production ?? false,
    logger: logger as never,
    security: {
      verifyToken: createTokenVerifier({ secret: SECRET }),
      pseudonymKey: Buffer.from('in-process pseudonym key'),
      rateLimit: options.rateLimit ?? { perSecond: 1_000, burst: 1_000 },
      work: DEFAULT_WORK_LIMITS,
      corsOrigins: [],
    },
    protectionReader: new StubProtectionReader(options.protectedEntities ?? []),
    ...(options.schema ? { schema: options.schema } : {}),
  });

  interface Call {
    query: string;
    variables?: Record<string, unknown>;
    roles?: Role[];
    /** Null: no Authorization header at all. */
    token?: string | null;
    purpose?: string | null;
    headers?: Record<string, string>;
    sub?: string;
  }

  async function request(call: Call) {
    const token =
      call.token === undefined
        ? await signToken(SECRET, { sub: call.sub ?? 'alice', roles: call.roles ?? ['admin'], agency: 'police' })
        : call.token;
    const response = await yoga.fetch('http://in-process/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(call.purpose === null ? {} : { 'x-purpose': call.purpose ?? 'case 12/2026' }),
        ...call.headers,
      },
      body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
    };
    return {
      status: response.status,
      headers: response.headers,
      body,
      codes: body.errors?.map((e) => e.extensions?.['code']) ?? [],
    };
  }

  return { yoga, request, audit, logged };
}
