import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, errorCode } from '../errors.ts';

/**
 * The HTTP status of a refused request under `Accept: application/graphql-response+json`, by
 * its error code. The GraphQL-over-HTTP spec asks for a 4xx when a response has no `data`
 * (the request never ran); under `application/json` such a response stays 200, as that spec
 * asks and as older clients expect, so these statuses are marked `spec` and yoga applies
 * them to the newer media type only. UNAUTHENTICATED (401) and RATE_LIMITED (429) carry their
 * status under both already, and keep it.
 */
const REFUSAL_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.PURPOSE_REQUIRED]: 403,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.WORK_BUDGET_EXCEEDED]: 400,
  [ErrorCode.QUERY_TOO_LONG]: 413,
  [ErrorCode.TOO_MANY_TOKENS]: 400,
  [ErrorCode.QUERY_TOO_DEEP]: 400,
  [ErrorCode.TOO_MANY_ALIASES]: 400,
  [ErrorCode.TOO_MANY_DIRECTIVES]: 400,
  [ErrorCode.QUERY_TOO_COSTLY]: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
};

/** graphql-js's hints ("Did you mean "person"?", "Did you mean the enum value RADIAL?"): a map of the schema for whoever probes it. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * What every answer of /graphql goes through last: refusals get their 4xx (see REFUSAL_STATUS),
 * no error echoes what the client sent (yoga puts the JSON parser's message, which quotes the
 * body, into `extensions.originalError`), and in production no message suggests field, type
 * or enum names that the caller did not already know (introspection is off there).
 */
export function useHttpSemantics(options: { production: boolean }): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const single = result as ExecutionResult;
      const noData = !('data' in single) || single.data === undefined;
      for (const error of single.errors ?? []) {
        const extensions = error.extensions as Record<string, unknown>;
        if ('originalError' in extensions) {
          delete extensions['originalError'];
          // Yoga answers 200 under application/json only for errors without an originalError;
          // the invalid-JSON error keeps its 400 under both, as the spec asks.
          const http = extensions['http'] as { spec?: boolean } | undefined;
          if (http) http.spec = false;
        }
        if (noData && extensions['code'] === undefined) extensions['code'] = requestErrorCode(error);
        if (options.production) scrubSuggestions(error);
        const status = REFUSAL_STATUS[String(extensions['code'])];
        if (!noData || status === undefined) continue;
        const http = (extensions['http'] ??= {}) as { spec?: boolean; status?: number };
        if (http.status === undefined) {
          http.status = status;
          http.spec = true;
        }
      }
    },
  };
}

/**
 * The code of an error that carries none: graphql-js's own request errors (a variable of the
 * wrong type, whose cause is the scalar's GraphQLError) are the client's, BAD_USER_INPUT;
 * anything masked or caused by a thrown non-GraphQL error stays UNEXPECTED.
 */
export function requestErrorCode(error: GraphQLError): string {
  // A capability's or the database's error carries its code even before the mask maps it.
  const code = errorCode(error);
  if (code !== undefined) return code;
  const cause = error.originalError;
  const internal = cause !== undefined && cause.name !== 'GraphQLError';
  return error.extensions?.['unexpected'] || internal ? 'UNEXPECTED' : ErrorCode.BAD_USER_INPUT;
}

function scrubSuggestions(error: GraphQLError): void {
  error.message = error.message.replace(SUGGESTION, '').trim();
}
