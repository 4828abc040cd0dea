import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import type { Services } from '../app/services.ts';
import type { GraphQLContext } from './context.ts';
import type { Logger } from '../app/logger.ts';
import { createMaskError } from './errors.ts';
import { entityResolvers } from './resolvers/entity-resolvers.ts';
import { operationResolvers } from './resolvers/operation-resolvers.ts';
import { scalarResolvers } from './resolvers/scalars.ts';

export const schemaPath = new URL('../../schema.graphql', import.meta.url);

export function createGraphQLSchema() {
  return makeExecutableSchema<GraphQLContext>({
    typeDefs: readFileSync(schemaPath, 'utf8'),
    resolvers: [scalarResolvers, entityResolvers, operationResolvers],
  });
}

export interface YogaOptions {
  services: Services;
  production: boolean;
  logger: Logger;
}

export function createGraphQLHandler({ services, production, logger }: YogaOptions) {
  return createYoga<Record<string, unknown>, { services: Services }>({
    schema: createGraphQLSchema(),
    context: () => ({ services }),
    graphqlEndpoint: '/graphql',
    maskedErrors: {
      maskError: createMaskError((error) => logger.error({ err: error }, 'unexpected error in a request')),
    },
    graphiql: !production,
    landingPage: false,
    logging: false,
  });
}
