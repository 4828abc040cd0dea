import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types come from schema.graphql, never by hand (npm run codegen). The mappers
// tie GraphQL object types to the domain records the capabilities return.
const config: CodegenConfig = {
  schema: 'schema.graphql',
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
          SavedChart: '../../saved-charts/saved-chart-records.ts#SavedChartRecord',
        },
      },
    },
  },
};

export default config;
