import type { CodegenConfig } from '@graphql-codegen/cli';
import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import { renderStatementNames } from './scripts/codegen/cypher-statement-names.ts';
import { cypherTemplates, renderCypherTemplate } from './scripts/codegen/cypher-templates.ts';
import { cypherDir, listStatementNames } from './src/db/cypher-registry.ts';

// Generators of this project's own, for files that come from cypher/ rather than the schema;
// run by the same step (and the same `--check` in npm test) as the resolver types.
const localPlugins: Record<string, CodegenPlugin> = {
  'cypher-statement-names': { plugin: () => renderStatementNames(listStatementNames(cypherDir)) },
  'cypher-template': {
    plugin: (_schema, _documents, config: { template: string; values: Record<string, string> }) =>
      renderCypherTemplate(cypherDir, config.template, config.values),
  },
};

// The near-copy statements, one file each, from their templates (scripts/codegen/cypher-templates.ts).
const templatedStatements = Object.fromEntries(
  Object.entries(cypherTemplates).map(([name, config]) => [
    `cypher/${name}.cypher`,
    { plugins: [{ 'cypher-template': config }] },
  ]),
);

// Resolver types come from schema.graphql, never by hand (npm run codegen). The mappers
// tie GraphQL object types to the domain records the capabilities return.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  pluginLoader: async (name: string) => localPlugins[name] ?? ((await import(name)) as CodegenPlugin),
  generates: {
    'src/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.ts#GraphQLContext',
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { Date: 'string', DateTime: 'string', CountryCode: 'string' },
        mappers: {
          Person: '../../entities/entity-records.ts#PersonRecord',
          Phone: '../../entities/entity-records.ts#PhoneRecord',
          Broker: '../../entities/entity-records.ts#BrokerRecord',
          Case: '../../entities/entity-records.ts#CaseRecord',
          BorderCrossing: '../../entities/entity-records.ts#CrossingRecord',
          Checkpoint: '../../entities/entity-records.ts#CheckpointRecord',
          Entity: '../../entities/entity-records.ts#EntityRecord',
          Ring: '../../rings/ring-records.ts#RingRecord',
          DetectionRun: '../../rings/ring-records.ts#DetectionRunRecord',
          Alert: '../../alerts/alert-records.ts#AlertRecord',
          Watch: '../../alerts/alert-service.ts#WatchRecord',
          Webhook: '../../alerts/webhooks/webhook-registry.ts#WebhookRecord',
        },
      },
    },
    ...templatedStatements,
    'src/db/generated/cypher-statements.ts': { plugins: ['cypher-statement-names'] },
  },
};

export default config;
