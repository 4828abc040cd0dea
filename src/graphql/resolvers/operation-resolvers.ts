import type { IngestBatchInput } from '../../ingest/batch-types.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const operationResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => ctx.services.entities.byId(id).then((e) => e ?? null),
    entity: (_, { ref }, ctx) =>
      ctx.services.entities.byRef(ref.kind, ref.externalId, ref.source ?? undefined).then((e) => e ?? null),
  },
  Mutation: {
    ingest: (_, { batch }, ctx) => ctx.services.ingest.ingest(batch as IngestBatchInput),
  },
};
