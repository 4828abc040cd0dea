import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { Services } from './services.ts';
import type { GraphQLContext } from './context.ts';
import type { Logger } from '../shared/logger.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { ProtectionReader } from '../protection/protection-reader.ts';
import type { WorkLimits } from '../linkchart/work-budget.ts';
import { applyArgumentDefaults } from './argument-defaults.ts';
import { createMaskError } from './errors.ts';
import { useAuditTrail } from './plugins/use-audit-trail.ts';
import { useAuthentication } from './plugins/use-authentication.ts';
import { useAuthorization } from './plugins/use-authorization.ts';
import { useHttpSemantics } from './plugins/use-http-semantics.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { useRateLimit } from './plugins/use-rate-limit.ts';
import { useWorkBudget } from './plugins/use-work-budget.ts';
import { createRequestContextFactory, type RequestContext } from './request-context.ts';
import { alertResolvers } from './resolvers/alert-resolvers.ts';
import { auditResolvers } from './resolvers/audit-resolvers.ts';
import { entityResolvers } from './resolvers/entity-resolvers.ts';
import { linkChartResolvers } from './resolvers/linkchart-resolvers.ts';
import { operationResolvers } from './resolvers/operation-resolvers.ts';
import { resolutionResolvers } from './resolvers/resolution-resolvers.ts';
import { ringResolvers } from './resolvers/ring-resolvers.ts';
import { scalarResolvers } from './resolvers/scalars.ts';

export const schemaPath = new URL('../../schema.graphql', import.meta.url);

/** The schema with its resolvers; typeDefs other than schema.graphql only for tests of the schema's defaults. */
export function createGraphQLSchema(typeDefs = readFileSync(schemaPath, 'utf8')) {
  const schema = makeExecutableSchema<GraphQLContext>({
    typeDefs,
    resolvers: [
      scalarResolvers,
      entityResolvers,
      operationResolvers,
      linkChartResolvers,
      ringResolvers,
      auditResolvers,
      resolutionResolvers,
      alertResolvers,
    ],
  });
  // Arguments' defaults come from the schema alone, explicit nulls included: no resolver repeats one.
  return applyArgumentDefaults(schema);
}

export interface YogaOptions {
  services: Services;
  production: boolean;
  logger: Logger;
  security: {
    verifyToken: TokenVerifier;
    /** Key of the pseudonyms that replace protected people's names (src/protection/pseudonym.ts). */
    pseudonymKey: Buffer;
    rateLimit: { perSecond: number; burst: number };
    /** Chart, path and export work per request and per caller (src/linkchart/work-budget.ts). */
    work: WorkLimits;
    /** Origins a browser page may call from (CORS_ORIGINS); empty: no CORS at all. */
    corsOrigins: readonly string[];
  };
  /** Who is protected; by default read from the database. The in-process tests give their own. */
  protectionReader?: ProtectionReader;
  /** By default createGraphQLSchema(); the in-process tests of the schema's defaults give one with other defaults. */
  schema?: GraphQLSchema;
}

/** The headers a page on an allowed origin may send: the token, the purpose, the CSRF header, JSON. */
const CORS_HEADERS = ['authorization', 'content-type', 'x-purpose', 'x-graphql-yoga-csrf'];

/**
 * CORS only for origins named in configuration. Yoga's default answers every Origin with
 * itself and allows credentials, which would let any web page that an investigator opens read
 * the API with whatever the browser holds. Any other origin gets no CORS header at all (not
 * yoga's `Access-Control-Allow-Origin: null` for a list, which a sandboxed page, whose origin
 * is "null", would pass), so browsers keep other sites out.
 */
function corsOptions(origins: readonly string[]) {
  if (!origins.length) return false as const;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false as const;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: CORS_HEADERS,
      maxAge: 600,
    };
  };
}

export function createGraphQLHandler({
  services,
  production,
  logger,
  security,
  protectionReader,
  schema = createGraphQLSchema(),
}: YogaOptions) {
  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    context: createRequestContextFactory(services, security.pseudonymKey, protectionReader),
    graphqlEndpoint: '/graphql',
    cors: corsOptions(security.corsOrigins),
    maskedErrors: {
      maskError: createMaskError((error) => logger.error({ err: error }, 'unexpected error in a request')),
    },
    // Order matters: who is calling, how often, what the query may cost, whether it is allowed,
    // and the audit record outermost around execution (src/graphql/plugins/). The audit plugin
    // also records the requests that stop before execution, and the HTTP semantics plugin gives
    // every answer its status and takes out what must not be shown.
    plugins: [
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useAuthentication(security.verifyToken, logger),
      useRateLimit(security.rateLimit),
      useQueryLimits(),
      useWorkBudget(security.work),
      useAuthorization({ production }),
      useAuditTrail(services.audit, logger),
      useHttpSemantics({ production }),
    ],
    batching: false,
    graphiql: !production,
    landingPage: false,
    logging: false,
  });
}
