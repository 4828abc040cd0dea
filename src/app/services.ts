import type { Database } from '../db/database.ts';
import { EntityReader } from '../entities/read-entities.ts';
import { IngestService } from '../ingest/ingest-batch.ts';

/** The capabilities the API layer calls; built once per process over one database. */
export interface Services {
  db: Database;
  entities: EntityReader;
  ingest: IngestService;
}

export function createServices(db: Database): Services {
  return { db, entities: new EntityReader(db), ingest: new IngestService(db) };
}
