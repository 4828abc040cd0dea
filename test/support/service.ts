import { inject } from 'vitest';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import { loadConfig } from '../../src/config/load-config.ts';

/** The service on a free loopback port, over the run's Neo4j. */
export async function startTestService(env: Record<string, string> = {}): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    SEED_DEMO: 'false',
    ...env,
  });
  return startService(config, createLogger('silent'));
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export const INGEST = /* GraphQL */ `
  mutation Ingest($batch: IngestBatchInput!) {
    ingest(batch: $batch) {
      accepted
      rejected
      replayed
      errors {
        section
        index
        code
        message
      }
    }
  }
`;
