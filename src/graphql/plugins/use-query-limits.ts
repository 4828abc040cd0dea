import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
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

/**
 * GraphQL Armor's limits, refused at parse (tokens) or validation (the rest), before any
 * resolver runs: a 100-level query, 500 aliases or a 10 MB query text never reach Neo4j.
 * The query text's length is checked first, so an oversized one is not even parsed.
 */
export function useQueryLimits(limits: QueryLimits = DEFAULT_QUERY_LIMITS): Plugin {
  return {
    onParams({ params, setResult }) {
      if ((params.query?.length ?? 0) <= limits.queryLength) return;
      setResult({
        errors: [
          clientError(ErrorCode.BAD_USER_INPUT, `the query text is longer than ${limits.queryLength} characters`, {
            http: { status: 413 },
          }),
        ],
      });
    },
    onPluginInit({ addPlugin }) {
      addPlugin(maxTokensPlugin({ n: limits.tokens }));
      addPlugin(maxDepthPlugin({ n: limits.depth, flattenFragments: true }));
      addPlugin(maxAliasesPlugin({ n: limits.aliases }));
      addPlugin(maxDirectivesPlugin({ n: limits.directives }));
      addPlugin(costLimitPlugin({ maxCost: limits.cost }));
    },
  };
}
