import type { AuditTrail } from '../audit/audit-trail.ts';
import type { SourceOwnership } from '../auth/source-ownership.ts';
import type { Database } from '../db/database.ts';
import type { EntityReader } from '../entities/read-entities.ts';
import type { IngestService } from '../ingest/ingest-batch.ts';
import type { LinkChartService } from '../linkchart/link-chart-service.ts';
import type { ResolutionService } from '../resolution/resolution-service.ts';
import type { RingDetectionService } from '../rings/ring-detection-service.ts';

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
  audit: AuditTrail;
  resolution: ResolutionService;
  /** Which agency each source belongs to: who may send it through the API. */
  sourceOwnership: SourceOwnership;
}
