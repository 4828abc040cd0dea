import { BatchTooLargeError, InvalidBatchError } from '../../ingest/ingest-batch.ts';
import type { IngestBatchInput } from '../../ingest/batch-types.ts';
import { ErrorCode, clientError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** Operations of the contract whose capability has not been built yet say so with a stable code. */
function notImplemented(operation: string): never {
  throw clientError(ErrorCode.NOT_IMPLEMENTED, `${operation} is not available in this version of the service`);
}

export const operationResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => ctx.services.entities.byId(id).then((e) => e ?? null),
    entity: (_, { ref }, ctx) =>
      ctx.services.entities.byRef(ref.kind, ref.externalId, ref.source ?? undefined).then((e) => e ?? null),
    linkChart: () => notImplemented('linkChart'),
    paths: () => notImplemented('paths'),
    ringCandidates: () => notImplemented('ringCandidates'),
    ring: () => notImplemented('ring'),
    auditTrail: () => notImplemented('auditTrail'),
  },
  Mutation: {
    ingest: async (_, { batch }, ctx) => {
      try {
        return await ctx.services.ingest.ingest(batch as IngestBatchInput);
      } catch (error) {
        if (error instanceof BatchTooLargeError) {
          throw clientError(ErrorCode.BATCH_TOO_LARGE, error.message, { records: error.records });
        }
        if (error instanceof InvalidBatchError) throw clientError(ErrorCode.BAD_USER_INPUT, error.message);
        throw error;
      }
    },
    detectRings: () => notImplemented('detectRings'),
  },
};
