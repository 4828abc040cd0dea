import type { Database } from '../db/database.ts';
import { refKey } from './entity-keys.ts';
import { normalizePhone } from './normalize-phone.ts';
import type { EntityKind, EntityRecord, SourceRef } from './entity-records.ts';

const KIND_BY_LABEL: Record<string, EntityKind> = {
  Person: 'PERSON',
  Phone: 'PHONE',
  Broker: 'BROKER',
  Case: 'CASE',
  BorderCrossing: 'BORDER_CROSSING',
  Checkpoint: 'CHECKPOINT',
};

interface EntityRow extends Record<string, unknown> {
  props: Record<string, unknown>;
  labels: string[];
  sources: SourceRef[];
}

export interface NeighbourItem extends Record<string, unknown> {
  id: string;
  link: Record<string, unknown> & { type: string };
  outgoing: boolean;
}

export interface NeighbourPage {
  items: NeighbourItem[];
  total: number;
}

/** How one viewer may see entity records: src/protection/ masks protected people for viewers without clearance. */
export interface EntityPresenter {
  entities<T extends EntityRecord>(records: readonly T[]): Promise<T[]>;
}

/** Reads entities and their neighbourhoods for the investigator's detail views. */
export class EntityReader {
  constructor(
    private readonly db: Database,
    private readonly presenter?: EntityPresenter,
  ) {}

  /** The same reader with every record it returns passed through the viewer's presenter. */
  forViewer(presenter: EntityPresenter): EntityReader {
    return new EntityReader(this.db, presenter);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    if (!ids.length) return new Map();
    const rows = await this.db.read<EntityRow>('entities/get-by-ids', { ids: [...new Set(ids)] });
    const read = rows.map(toEntityRecord).filter((e): e is EntityRecord => e !== undefined);
    const entities = this.presenter ? await this.presenter.entities(read) : read;
    return new Map(entities.map((e) => [e.id, e]));
  }

  async byId(id: string): Promise<EntityRecord | undefined> {
    return (await this.byIds([id])).get(id);
  }

  /** An entity by the identifier its sender uses; phones by their number in any form. */
  async byRef(kind: EntityKind, externalId: string, source: string | undefined): Promise<EntityRecord | undefined> {
    let key: string;
    let e164: string | null = null;
    if (kind === 'PHONE') {
      const normalized = normalizePhone(externalId);
      if (!normalized) return undefined;
      e164 = normalized;
      key = refKey('PHONE', '', normalized);
    } else {
      if (!source) return undefined;
      key = refKey(kind, source, externalId);
    }
    const [row] = await this.db.read<{ id: string }>('entities/find-by-ref', { key, e164 });
    if (!row) return undefined;
    const entity = await this.byId(row.id);
    return entity?.kind === kind ? entity : undefined;
  }

  async neighbours(
    id: string,
    types: readonly string[],
    direction: 'IN' | 'OUT' | 'BOTH',
    page: { skip: number; limit: number },
  ): Promise<NeighbourPage> {
    const params = { id, types, direction };
    const [items, [count]] = await Promise.all([
      this.db.read<NeighbourItem>('entities/neighbours-page', { ...params, ...page }),
      this.db.read<{ total: number }>('entities/neighbours-count', params),
    ]);
    return { items, total: count?.total ?? 0 };
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function toEntityRecord(row: EntityRow): EntityRecord | undefined {
  const kind = row.labels.map((label) => KIND_BY_LABEL[label]).find((k) => k !== undefined);
  const p = row.props;
  const base = { id: String(p['id']), sources: row.sources };
  switch (kind) {
    case 'PERSON':
      return {
        ...base,
        kind,
        fullName: String(p['fullName']),
        dateOfBirth: str(p['dateOfBirth']),
        sex: str(p['sex']) as 'FEMALE' | null,
        nationality: str(p['nationality']),
        documentNumbers: Array.isArray(p['documentNumbers']) ? (p['documentNumbers'] as string[]) : [],
        province: str(p['province']),
      };
    case 'PHONE':
      return { ...base, kind, e164: String(p['e164']) };
    case 'BROKER':
      return {
        ...base,
        kind,
        name: String(p['name']),
        brokerKind: String(p['brokerKind']) as 'UNLICENSED',
        licenseNumber: str(p['licenseNumber']),
        licenseStatus: (str(p['licenseStatus']) ?? 'NONE') as 'NONE',
      };
    case 'CASE':
      return {
        ...base,
        kind,
        title: String(p['title']),
        status: String(p['status']) as 'REPORTED',
        openedAt: String(p['openedAt']),
        caseNumber: str(p['caseNumber']),
      };
    case 'BORDER_CROSSING':
      return {
        ...base,
        kind,
        direction: String(p['direction']) as 'EXIT',
        at: String(p['at']),
        country: String(p['country']),
        vehiclePlate: str(p['vehiclePlate']),
      };
    case 'CHECKPOINT':
      return { ...base, kind, name: String(p['name']), country: str(p['country']) };
    default:
      return undefined;
  }
}
