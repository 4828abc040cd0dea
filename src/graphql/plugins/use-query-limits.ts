import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, clientError } from '../errors.ts';

export interface QueryLimits {
  /** Characters of the query text; variables (ingest batches) are bounded by the body limit instead. */
  queryLength: number;
  depth: number;
  aliases: number;
  directives: number;
  /** Tokens of the query text only: an ingest batch of 50,000 records travels in variables and is not counted. */
  tokens: number;
  cost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  queryLength: 100_000,
  depth: 12,
  aliases: 30,
  directives: 50,
  tokens: 5_000,
  cost: 20_000,
};

/** Armor's messages start "Syntax Error: " even for validation limits; the code says which limit it was. */
function limitMessage(error: GraphQLError): string {
  return error.message.replace(/^Syntax Error: /, '');
}

/**
 * A refusal with a code of its own, reported into the validation result (so the request is
 * answered 400 under application/graphql-response+json and its audit record names the limit)
 * instead of Armor's own error, which carries no code.
 */
function reportAs(code: ErrorCode) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(clientError(code, limitMessage(error)));
      },
    ],
  };
}

/**
 * GraphQL Armor's limits, refused at parse (tokens) or validation (the rest), before any
 * resolver runs: a 100-level query, 500 aliases or a 10 MB query text never reach Neo4j.
 * The query text's length is checked first, so an oversized one is not even parsed. What a
 * chart or path costs depends on its arguments, which these limits do not read: that is the
 * work budget's part (use-work-budget.ts).
 */
export function useQueryLimits(limits: QueryLimits = DEFAULT_QUERY_LIMITS): Plugin {
  return {
    onParams({ params, setResult }) {
      if ((params.query?.length ?? 0) <= limits.queryLength) return;
      setResult({
        errors: [
          clientError(ErrorCode.QUERY_TOO_LONG, `the query text is longer than ${limits.queryLength} characters`, {
            http: { status: 413 },
          }),
        ],
      });
    },
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxTokensPlugin({
          n: limits.tokens,
          // The parser has no validation context to report into: the coded error is thrown instead.
          onReject: [
            (_context, error) => {
              throw clientError(ErrorCode.TOO_MANY_TOKENS, limitMessage(error));
            },
          ],
        }),
      );
      addPlugin(maxDepthPlugin({ n: limits.depth, flattenFragments: true, ...reportAs(ErrorCode.QUERY_TOO_DEEP) }));
      addPlugin(maxAliasesPlugin({ n: limits.aliases, ...reportAs(ErrorCode.TOO_MANY_ALIASES) }));
      addPlugin(maxDirectivesPlugin({ n: limits.directives, ...reportAs(ErrorCode.TOO_MANY_DIRECTIVES) }));
      addPlugin(costLimitPlugin({ maxCost: limits.cost, ...reportAs(ErrorCode.QUERY_TOO_COSTLY) }));
    },
  };
}
