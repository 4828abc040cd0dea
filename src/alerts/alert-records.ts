export type AlertSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'ESCALATED' | 'CLOSED';

/** The contract's rule codes. */
export const RULES = [
  'WATCHED_ENTITY_ACTIVITY',
  'RING_MEMBER_ACTIVITY',
  'MINOR_BORDER_EXIT',
  'NO_RETURN',
  'RING_CHANGED',
] as const;
export type Rule = (typeof RULES)[number];

export const SEVERITY_RANK: Record<AlertSeverity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/**
 * An alert as stored, (:Alert). The summary is kept as a template whose names and ages are
 * placeholders (see render-summary.ts), so each viewer gets it through the protection decision
 * rather than a text that already holds a child's name.
 */
export interface AlertRecord {
  id: string;
  rule: Rule;
  severity: AlertSeverity;
  status: AlertStatus;
  raisedAt: string;
  updatedAt: string;
  template: string;
  entityIds: string[];
  ringId: string | null;
  /** SourceRecord keys: the agency records that raised it. */
  sourceKeys: string[];
  /** Subs of the users whose watches it concerns. */
  watchers: string[];
  assignee: string | null;
  disposition: string | null;
  /** One happening, one alert: the uniqueness constraint on this key refuses a second. */
  dedupeKey: string;
  /** The change feed record that raised it last. */
  changeSeq: number;
  /** Set while a ring's alert of this rule is open: new findings update it instead of raising another. */
  openRingKey: string | null;
}

export function toAlertRecord(props: Record<string, unknown>): AlertRecord {
  const text = (key: string) => (props[key] as string | undefined) ?? null;
  const list = (key: string) => (props[key] as string[] | undefined) ?? [];
  return {
    id: String(props['id']),
    rule: props['rule'] as Rule,
    severity: props['severity'] as AlertSeverity,
    status: props['status'] as AlertStatus,
    raisedAt: String(props['raisedAt']),
    updatedAt: String(props['updatedAt'] ?? props['raisedAt']),
    template: String(props['template'] ?? ''),
    entityIds: list('entityIds'),
    ringId: text('ringId'),
    sourceKeys: list('sourceKeys'),
    watchers: list('watchers'),
    assignee: text('assignee'),
    disposition: text('disposition'),
    dedupeKey: String(props['dedupeKey']),
    changeSeq: Number(props['changeSeq'] ?? 0),
    openRingKey: text('openRingKey'),
  };
}

/** Neo4j stores no nulls: absent properties read back as null. */
export function storable(record: AlertRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}
