import { AuditTrail } from '../audit/audit-trail.ts';
import { SourceOwnership } from '../auth/source-ownership.ts';
import type { Database } from '../db/database.ts';
import { EntityReader } from '../entities/read-entities.ts';
import { IngestService } from '../ingest/ingest-batch.ts';
import { LinkChartService } from '../linkchart/link-chart-service.ts';
import { ResolutionService } from '../resolution/resolution-service.ts';
import { RingDetectionService } from '../rings/ring-detection-service.ts';
import type { Services } from '../graphql/services.ts';

export type { Services };

export function createServices(db: Database, options: { sourceAgencies?: ReadonlyMap<string, string> } = {}): Services {
  return {
    db,
    entities: new EntityReader(db),
    ingest: new IngestService(db),
    linkCharts: new LinkChartService(db),
    rings: new RingDetectionService(db),
    audit: new AuditTrail(db),
    resolution: new ResolutionService(db),
    sourceOwnership: new SourceOwnership(options.sourceAgencies),
  };
}
