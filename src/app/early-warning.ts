import type { Services } from './services.ts';
import type { Logger } from '../shared/logger.ts';
import { ChangeSignal } from '../changes/change-signal.ts';
import { ProtectionReader } from '../protection/protection-reader.ts';
import { AlertEvaluator } from '../alerts/alert-evaluator.ts';
import type { AlertOptions } from '../alerts/alert-options.ts';
import { AlertPublisher } from '../alerts/alert-publisher.ts';
import { WebhookSender } from '../alerts/webhooks/webhook-sender.ts';

export interface EarlyWarning {
  evaluator: AlertEvaluator;
  sender: WebhookSender;
  stop(): Promise<void>;
}

/**
 * The service's background work for alerts: the evaluator (when enabled; every instance may
 * run one, they take turns on the feed), the publisher that feeds this instance's subscribers
 * from the feed, and the webhook sender.
 */
export async function startEarlyWarning(
  services: Services,
  options: AlertOptions,
  pseudonymKey: Buffer,
  logger: Logger,
): Promise<EarlyWarning> {
  const alertSignal = new ChangeSignal();
  const onError = (what: string) => (error: unknown) =>
    logger.error({ err: error }, `alerts: ${what} failed; retrying`);
  const sender = new WebhookSender(
    services.webhooks,
    services.alerts,
    services.entities,
    { reader: new ProtectionReader(services.db), key: pseudonymKey },
    services.audit,
    { attempts: options.webhookAttempts, backoffMs: options.webhookBackoffMs, pollMs: 1_000, timeoutMs: 10_000 },
    onError('webhook delivery'),
  );
  const evaluator = new AlertEvaluator(
    services.db,
    services.changes,
    services.changeSignal,
    services.webhooks,
    options,
    onError('evaluation'),
    () => {
      alertSignal.notify();
      sender.poke();
    },
  );
  const publisher = new AlertPublisher(
    services.changes,
    services.alerts,
    alertSignal,
    (alert) => services.alertEvents.publish('alertRaised', alert),
    options.pollMs,
    onError('publishing'),
  );
  await publisher.start();
  if (options.enabled) await evaluator.start();
  sender.start();
  return {
    evaluator,
    sender,
    stop: async () => {
      await Promise.all([evaluator.stop(), publisher.stop(), sender.stop()]);
    },
  };
}
