import { createHash, randomBytes } from 'node:crypto';
import type { Clearance } from '../../auth/roles.ts';
import type { Database, Transaction } from '../../db/database.ts';
import { CapabilityError, ErrorCode } from '../../shared/capability-error.ts';
import type { AlertRecord } from '../alert-records.ts';
import { RULES } from '../alert-records.ts';

export interface WebhookRecord {
  agency: string;
  url: string;
  clearance: Clearance[];
  rules: string[] | null;
  createdAt: string;
}

export interface DeliveryRecord {
  id: string;
  agency: string;
  alertId: string;
  status: 'PENDING' | 'SENDING' | 'DELIVERED' | 'DEAD';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: string;
}

export class InvalidWebhookError extends CapabilityError {
  override name = 'InvalidWebhookError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}

const CLEARANCES = new Set(['minors', 'victims']);

function toWebhook(props: Record<string, unknown>): WebhookRecord & { secret: string } {
  return {
    agency: String(props['agency']),
    url: String(props['url']),
    clearance: ((props['clearance'] as string[] | undefined) ?? []) as Clearance[],
    rules: (props['rules'] as string[] | undefined) ?? null,
    createdAt: String(props['createdAt']),
    secret: String(props['secret']),
  };
}

export function toDelivery(props: Record<string, unknown>): DeliveryRecord {
  return {
    id: String(props['id']),
    agency: String(props['agency']),
    alertId: String(props['alertId']),
    status: props['status'] as DeliveryRecord['status'],
    attempts: Number(props['attempts'] ?? 0),
    nextAttemptAt: Number(props['nextAttemptAt'] ?? 0),
    lastError: (props['lastError'] as string | undefined) ?? null,
    createdAt: String(props['createdAt']),
  };
}

/**
 * Agencies' webhooks, one per agency, and the queue of deliveries in Neo4j: a delivery is
 * queued in the same transaction as the alert it carries, and its id (the receiver's
 * idempotency key) depends only on the agency, the alert and the alert's version, so a retry
 * carries the same id and a receiver can drop what it already has.
 */
export class WebhookRegistry {
  constructor(private readonly db: Database) {}

  async register(input: {
    agency: string;
    url: string;
    clearance: readonly string[];
    rules: readonly string[] | null;
  }): Promise<{ webhook: WebhookRecord; secret: string }> {
    const agency = input.agency.trim();
    if (!agency) throw new InvalidWebhookError('agency is empty');
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new InvalidWebhookError(`"${input.url}" is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidWebhookError('the URL must be http(s)');
    const unknownClearance = input.clearance.filter((c) => !CLEARANCES.has(c));
    if (unknownClearance.length) throw new InvalidWebhookError(`unknown clearance ${unknownClearance.join(', ')}`);
    const unknownRules = (input.rules ?? []).filter((r) => !(RULES as readonly string[]).includes(r));
    if (unknownRules.length) throw new InvalidWebhookError(`unknown rule ${unknownRules.join(', ')}`);
    const secret = randomBytes(32).toString('base64url');
    const [row] = await this.db.write<{ webhook: Record<string, unknown> }>('webhooks/register-webhook', {
      agency,
      url: url.toString(),
      secret,
      clearance: [...new Set(input.clearance)],
      rules: input.rules ? [...new Set(input.rules)] : null,
      now: new Date().toISOString(),
    });
    const { secret: _stored, ...webhook } = toWebhook(row!.webhook);
    return { webhook, secret };
  }

  async remove(agency: string): Promise<boolean> {
    const [row] = await this.db.write<{ removed: number }>('webhooks/remove-webhook', { agency });
    return Number(row?.removed ?? 0) > 0;
  }

  async list(): Promise<WebhookRecord[]> {
    return (await this.withSecrets()).map(({ secret: _secret, ...webhook }) => webhook);
  }

  /** For the sender only. */
  async withSecrets(): Promise<(WebhookRecord & { secret: string })[]> {
    const rows = await this.db.read<{ webhook: Record<string, unknown> }>('webhooks/list-webhooks');
    return rows.map((row) => toWebhook(row.webhook));
  }

  /** Queues the alerts for every agency whose webhook takes their rule, in the caller's transaction. */
  async enqueue(tx: Transaction, alerts: readonly AlertRecord[]): Promise<number> {
    const webhooks = (await tx.run<{ webhook: Record<string, unknown> }>('webhooks/list-webhooks')).map((row) =>
      toWebhook(row.webhook),
    );
    if (!webhooks.length) return 0;
    const now = new Date();
    const deliveries = webhooks.flatMap((webhook) =>
      alerts
        .filter((alert) => !webhook.rules || webhook.rules.includes(alert.rule))
        .map((alert) => ({
          id: `whd_${createHash('sha256').update(`${webhook.agency}|${alert.id}|${alert.updatedAt}`).digest('hex').slice(0, 24)}`,
          agency: webhook.agency,
          alertId: alert.id,
          status: 'PENDING',
          attempts: 0,
          nextAttemptAt: now.getTime(),
          createdAt: now.toISOString(),
        })),
    );
    if (deliveries.length) await tx.run('webhooks/enqueue-deliveries', { deliveries });
    return deliveries.length;
  }

  async deadLetters(limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db.read<{ delivery: Record<string, unknown> }>('webhooks/dead-letters', { limit });
    return rows.map((row) => toDelivery(row.delivery));
  }

  async claimDue(limit: number, leaseMs: number): Promise<DeliveryRecord[]> {
    const now = Date.now();
    const [check] = await this.db.read<{ due: boolean }>('webhooks/any-due', { now });
    if (!check?.due) return [];
    const rows = await this.db.write<{ delivery: Record<string, unknown> }>('webhooks/claim-deliveries', {
      now,
      leaseUntil: now + leaseMs,
      limit,
    });
    return rows.map((row) => toDelivery(row.delivery));
  }

  async finish(id: string, changes: Record<string, unknown>): Promise<void> {
    await this.db.write('webhooks/finish-delivery', { id, changes });
  }
}
