import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga } from 'graphql-yoga';
import type { Services } from './services.ts';
import type { GraphQLContext } from './context.ts';
import type { Logger } from '../shared/logger.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { ProtectionReader } from '../protection/protection-reader.ts';
import { createMaskError } from './errors.ts';
import { useAuditTrail } from './plugins/use-audit-trail.ts';
import { useAuthentication } from './plugins/use-authentication.ts';
import { useAuthorization } from './plugins/use-authorization.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { useRateLimit } from './plugins/use-rate-limit.ts';
import { createRequestContextFactory, type RequestContext } from './request-context.ts';
import { auditResolvers } from './resolvers/audit-resolvers.ts';
import { entityResolvers } from './resolvers/entity-resolvers.ts';
import { linkChartResolvers } from './resolvers/linkchart-resolvers.ts';
import { operationResolvers } from './resolvers/operation-resolvers.ts';
import { resolutionResolvers } from './resolvers/resolution-resolvers.ts';
import { ringResolvers } from './resolvers/ring-resolvers.ts';
import { scalarResolvers } from './resolvers/scalars.ts';

export const schemaPath = new URL('../../schema.graphql', import.meta.url);

export function createGraphQLSchema() {
  return makeExecutableSchema<GraphQLContext>({
    typeDefs: readFileSync(schemaPath, 'utf8'),
    resolvers: [
      scalarResolvers,
      entityResolvers,
      operationResolvers,
      linkChartResolvers,
      ringResolvers,
      auditResolvers,
      resolutionResolvers,
    ],
  });
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
  };
  /** Who is protected; by default read from the database. The in-process tests give their own. */
  protectionReader?: ProtectionReader;
}

export function createGraphQLHandler({ services, production, logger, security, protectionReader }: YogaOptions) {
  return createYoga<Record<string, unknown>, RequestContext>({
    schema: createGraphQLSchema(),
    context: createRequestContextFactory(services, security.pseudonymKey, protectionReader),
    graphqlEndpoint: '/graphql',
    maskedErrors: {
      maskError: createMaskError((error) => logger.error({ err: error }, 'unexpected error in a request')),
    },
    // Order matters: who is calling, how often, what the query may cost, whether it is allowed,
    // and the audit record outermost around execution (src/graphql/plugins/).
    plugins: [
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useAuthentication(security.verifyToken, logger),
      useRateLimit(security.rateLimit),
      useQueryLimits(),
      useAuthorization({ production }),
      useAuditTrail(services.audit, logger),
    ],
    batching: false,
    graphiql: !production,
    landingPage: false,
    logging: false,
  });
}
