import type { PubSub } from 'graphql-yoga';
import type { AlertRecord } from '../alerts/alert-records.ts';
import type { AlertService } from '../alerts/alert-service.ts';
import type { WebhookRegistry } from '../alerts/webhooks/webhook-registry.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { SourceOwnership } from '../auth/source-ownership.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { ChangeSignal } from '../changes/change-signal.ts';
import type { Database } from '../db/database.ts';
import type { EntityReader } from '../entities/read-entities.ts';
import type { IngestService } from '../ingest/ingest-batch.ts';
import type { LinkChartService } from '../linkchart/link-chart-service.ts';
import type { ResolutionService } from '../resolution/resolution-service.ts';
import type { RingDetectionService } from '../rings/ring-detection-service.ts';
import type { SavedChartService } from '../saved-charts/saved-chart-service.ts';
import type { TimelineService } from '../timeline/timeline-service.ts';
import type { RingTriageService } from '../rings/triage/ring-triage-service.ts';

/**
 * The capabilities the API layer calls. Declared here, by the layer that calls them, so that
 * src/graphql/ needs nothing from src/app/, which builds them (createServices) and sits above.
 */
export interface Services {
  db: Database;
  entities: EntityReader;
  ingest: IngestService;
  linkCharts: LinkChartService;
  rings: RingDetectionService;
  /** Assignments, verdicts with reasons and notes on rings (decision record 0014). */
  ringTriage: RingTriageService;
  audit: AuditTrail;
  resolution: ResolutionService;
  /** The change feed every writer appends to (src/changes/). */
  changes: ChangeFeed;
  /** Rung after this process's own writes commit, so its feed consumers look at once. */
  changeSignal: ChangeSignal;
  alerts: AlertService;
  webhooks: WebhookRegistry;
  /** This instance's live alerts, for alertRaised subscribers (graphql-yoga's pub/sub). */
  alertEvents: PubSub<{ alertRaised: [alert: AlertRecord] }>;
  /** The dated facts of a chart, for the workspace's timeline and map. */
  timeline: TimelineService;
  savedCharts: SavedChartService;
  /** Which agency each source belongs to: who may send it through the API. */
  sourceOwnership: SourceOwnership;
}
