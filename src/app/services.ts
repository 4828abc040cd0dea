import { createPubSub } from 'graphql-yoga';
import type { AlertRecord } from '../alerts/alert-records.ts';
import { AlertService } from '../alerts/alert-service.ts';
import { WebhookRegistry } from '../alerts/webhooks/webhook-registry.ts';
import { AuditTrail } from '../audit/audit-trail.ts';
import { ChangeFeed } from '../changes/change-feed.ts';
import { ChangeSignal } from '../changes/change-signal.ts';
import { SourceOwnership } from '../auth/source-ownership.ts';
import type { Database } from '../db/database.ts';
import { EntityReader } from '../entities/read-entities.ts';
import { IngestService } from '../ingest/ingest-batch.ts';
import { LinkChartService } from '../linkchart/link-chart-service.ts';
import { ResolutionService } from '../resolution/resolution-service.ts';
import { RingDetectionService, type RingDetectionServiceOptions } from '../rings/ring-detection-service.ts';
import { SavedChartService } from '../saved-charts/saved-chart-service.ts';
import { TimelineService } from '../timeline/timeline-service.ts';
import { RingTriageService } from '../rings/triage/ring-triage-service.ts';
import type { Services } from '../graphql/services.ts';

export type { Services };

export interface ServiceOptions {
  rings?: RingDetectionServiceOptions;
  sourceAgencies?: ReadonlyMap<string, string>;
}

export function createServices(db: Database, options: ServiceOptions = {}): Services {
  const changeSignal = new ChangeSignal();
  const linkCharts = new LinkChartService(db);
  return {
    db,
    entities: new EntityReader(db),
    ingest: new IngestService(db, () => changeSignal.notify()),
    linkCharts,
    rings: new RingDetectionService(db, options.rings),
    ringTriage: new RingTriageService(db),
    audit: new AuditTrail(db),
    resolution: new ResolutionService(db),
    changes: new ChangeFeed(db),
    changeSignal,
    alerts: new AlertService(db),
    webhooks: new WebhookRegistry(db),
    alertEvents: createPubSub<{ alertRaised: [alert: AlertRecord] }>(),
    sourceOwnership: new SourceOwnership(options.sourceAgencies),
    timeline: new TimelineService(db),
    savedCharts: new SavedChartService(db, linkCharts),
  };
}
