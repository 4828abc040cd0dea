import type { IngestBatchInput, IngestReport } from '../../ingest/batch-types.ts';
import { BatchRefusedError, RetryableSendError, type BatchSender } from './batch-sender.ts';

export const INGEST_MUTATION = /* GraphQL */ `
  mutation Import($batch: IngestBatchInput!) {
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

const RETRYABLE = new Set(['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT', 'RATE_LIMITED', 'AUDIT_UNAVAILABLE']);

interface GraphQLAnswer {
  data?: { ingest?: IngestReport } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Sends batches to a running service's ingest mutation with a bearer token of the ingest role. */
export class HttpSender implements BatchSender {
  readonly describe: string;
  private readonly endpoint: string;

  constructor(
    url: string,
    private readonly token: string,
    private readonly timeoutMs = 600_000,
  ) {
    this.endpoint = `${url.replace(/\/+$/, '').replace(/\/graphql$/, '')}/graphql`;
    this.describe = this.endpoint;
  }

  async send(batch: IngestBatchInput): Promise<IngestReport> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query: INGEST_MUTATION, variables: { batch } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new RetryableSendError('CONNECTION', `no answer from ${this.endpoint}: ${cause}`);
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
    let answer: GraphQLAnswer;
    try {
      answer = (await response.json()) as GraphQLAnswer;
    } catch {
      if (response.status >= 500 || response.status === 429) {
        throw new RetryableSendError(`HTTP_${response.status}`, `HTTP ${response.status}`, retryAfterMs);
      }
      throw new BatchRefusedError(`HTTP_${response.status}`, `HTTP ${response.status} without a GraphQL answer`);
    }
    const report = answer.data?.ingest;
    if (report && !answer.errors?.length) return report;
    const first = answer.errors?.[0];
    const code = first?.extensions?.code ?? `HTTP_${response.status}`;
    const message = first?.message ?? `HTTP ${response.status}`;
    if (RETRYABLE.has(code) || response.status === 503) throw new RetryableSendError(code, message, retryAfterMs);
    throw new BatchRefusedError(code, message);
  }
}
