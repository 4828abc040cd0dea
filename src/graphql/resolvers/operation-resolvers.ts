import { batchSource } from '../../ingest/ingest-batch.ts';
import type { IngestBatchInput } from '../../ingest/batch-types.ts';
import { ErrorCode, clientError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const operationResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => ctx.services.entities.byId(id).then((e) => e ?? null),
    // A protected entity found by the identifier typed is answered as unknown (src/protection/).
    entity: async (_, { ref }, ctx) =>
      (await ctx.protection.unlessMasked(
        await ctx.services.entities.byRef(ref.kind, ref.externalId, ref.source ?? undefined),
      )) ?? null,
  },
  Mutation: {
    ingest: async (_, { batch }, ctx) => {
      // Who may write this source is decided before anything is read or written (a replayed
      // report included); a refusal is recorded as DENIED like any other FORBIDDEN.
      const ownership = ctx.services.sourceOwnership.decide(ctx.principal, batchSource(batch));
      if (!ownership.allowed) {
        if (ctx.decision) ctx.decision.deniedWith = ErrorCode.FORBIDDEN;
        throw clientError(ErrorCode.FORBIDDEN, `not allowed: ${ownership.reason}`);
      }
      return ctx.services.ingest.ingest(batch as IngestBatchInput);
    },
  },
};
