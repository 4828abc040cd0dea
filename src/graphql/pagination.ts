import { ErrorCode, clientError } from './errors.ts';

/** Cursors are opaque to clients: an offset, base64url-encoded. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw clientError(ErrorCode.BAD_USER_INPUT, 'after is not a cursor that this service gave out');
  return Number(match[1]) + 1;
}

export const MAX_PAGE_SIZE = 500;

export function pageArgs(first: number, after: string | null | undefined): { skip: number; limit: number } {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw clientError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { skip: decodeCursor(after), limit: first };
}

export function connection<T>(items: readonly T[], skip: number, total: number) {
  return {
    edges: items.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
    pageInfo: {
      hasNextPage: skip + items.length < total,
      endCursor: items.length ? encodeCursor(skip + items.length - 1) : null,
    },
    totalCount: total,
  };
}
