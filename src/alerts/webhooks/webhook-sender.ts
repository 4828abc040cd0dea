import type { AuditTrail } from '../../audit/audit-trail.ts';
import type { Clearance } from '../../auth/roles.ts';
import type { EntityReader } from '../../entities/read-entities.ts';
import type { ProtectionReader } from '../../protection/protection-reader.ts';
import { ProtectionView } from '../../protection/protection-view.ts';
import type { AlertService } from '../alert-service.ts';
import { presentAlert } from '../present-alert.ts';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signPayload } from './sign-payload.ts';
import type { DeliveryRecord, WebhookRegistry } from './webhook-registry.ts';

export interface WebhookSenderOptions {
  attempts: number;
  backoffMs: number;
  pollMs: number;
  timeoutMs: number;
}

const LEASE_MS = 60_000;

/**
 * Sends queued deliveries: the alert masked for the agency's clearance, signed with its secret
 * (HMAC-SHA256 over "<timestamp>.<body>"), with the delivery id as idempotency key. A failure
 * (no answer, not 2xx) is retried with exponential backoff; after the last attempt the delivery
 * goes to the dead-letter list. At least once: a delivery whose answer was lost is sent again,
 * with the same id. Every delivery received is a disclosure, recorded in the audit trail.
 */
export class WebhookSender {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly registry: WebhookRegistry,
    private readonly alerts: AlertService,
    private readonly entities: EntityReader,
    private readonly protection: { reader: ProtectionReader; key: Buffer },
    private readonly audit: AuditTrail,
    private readonly options: WebhookSenderOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Looks for due deliveries now rather than at the next poll. */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Sends what is due; returns how many deliveries were attempted. */
  async sendDue(): Promise<number> {
    const due = await this.registry.claimDue(20, LEASE_MS);
    if (!due.length) return 0;
    const webhooks = new Map((await this.registry.withSecrets()).map((w) => [w.agency, w]));
    await Promise.all(due.map((delivery) => this.send(delivery, webhooks.get(delivery.agency))));
    return due.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let sent = 0;
      try {
        sent = await this.sendDue();
      } catch (error) {
        this.onError(error);
      }
      if (this.stopped || sent) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async send(
    delivery: DeliveryRecord,
    webhook: { agency: string; url: string; secret: string; clearance: Clearance[] } | undefined,
  ): Promise<void> {
    const attempts = delivery.attempts + 1;
    if (!webhook) {
      await this.registry.finish(delivery.id, { status: 'DEAD', attempts, lastError: 'the webhook was removed' });
      return;
    }
    const alert = await this.alerts.byId(delivery.alertId);
    if (!alert) {
      await this.registry.finish(delivery.id, { status: 'DEAD', attempts, lastError: 'the alert is gone' });
      return;
    }
    const view = new ProtectionView(this.protection.reader, new Set(webhook.clearance), this.protection.key);
    const body = JSON.stringify({
      deliveryId: delivery.id,
      alert: await presentAlert(alert, this.entities.forViewer(view), view, this.alerts),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let error: string | null = null;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signPayload(webhook.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    if (!error) {
      await this.audit.append({
        at: new Date().toISOString(),
        actor: `webhook:${webhook.agency}`,
        agency: webhook.agency,
        roles: [],
        operation: `disclosure alert ${alert.id} by webhook`,
        rootFields: ['alertRaised'],
        entityIds: [...alert.entityIds].sort(),
        purpose: `alert ${alert.rule} delivered to ${webhook.url} (delivery ${delivery.id})`,
        outcome: 'ALLOWED',
        reason: null,
      });
      await this.registry.finish(delivery.id, { status: 'DELIVERED', attempts, deliveredAt: new Date().toISOString() });
      return;
    }
    if (attempts >= this.options.attempts) {
      await this.registry.finish(delivery.id, { status: 'DEAD', attempts, lastError: error });
      return;
    }
    const delay = this.options.backoffMs * 2 ** (attempts - 1) * (0.8 + Math.random() * 0.4);
    await this.registry.finish(delivery.id, {
      status: 'PENDING',
      attempts,
      lastError: error,
      nextAttemptAt: Date.now() + Math.round(delay),
    });
  }
}
