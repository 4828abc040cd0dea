/** How alerts are evaluated; from the configuration (ALERTS_*), with these defaults. */
export interface AlertOptions {
  /** Evaluate the change feed in this process. */
  enabled: boolean;
  /** How often the feed is read for writes of other processes. */
  pollMs: number;
  /** NO_RETURN: days after an exit without an entry. */
  noReturnDays: number;
  /** How often the NO_RETURN check runs. */
  noReturnCheckMs: number;
  /** MINOR_BORDER_EXIT: crossings this close together at one checkpoint travel together. */
  minorExitWindowMs: number;
  /** Webhooks: attempts before a delivery goes to the dead-letter list, and the first retry's delay. */
  webhookAttempts: number;
  webhookBackoffMs: number;
}

export const defaultAlertOptions: AlertOptions = {
  enabled: true,
  pollMs: 250,
  noReturnDays: 14,
  noReturnCheckMs: 10 * 60_000,
  minorExitWindowMs: 30 * 60_000,
  webhookAttempts: 6,
  webhookBackoffMs: 1_000,
};
