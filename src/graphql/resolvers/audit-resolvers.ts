import { ErrorCode, clientError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { MAX_PAGE_SIZE } from '../pagination.ts';

/** Audit cursors name a record's seq, so a page stays put while new records are appended. */
function encodeSeqCursor(seq: number): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

function decodeSeqCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const match = /^s:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw clientError(ErrorCode.BAD_USER_INPUT, 'after is not a cursor that this service gave out');
  return Number(match[1]);
}

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: async (_, { entityId, first, after }, ctx) => {
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
        throw clientError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE_SIZE}`);
      }
      const events = await ctx.services.audit.page({
        entityId: entityId ?? null,
        beforeSeq: decodeSeqCursor(after),
        limit: first + 1,
      });
      const page = events.slice(0, first);
      return {
        edges: page.map((event) => ({ cursor: encodeSeqCursor(event.seq), node: event })),
        pageInfo: {
          hasNextPage: events.length > first,
          endCursor: page.length ? encodeSeqCursor(page.at(-1)!.seq) : null,
        },
      };
    },
  },
};
