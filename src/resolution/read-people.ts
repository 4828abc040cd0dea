import type { Database } from '../db/database.ts';
import type { ResolutionPerson } from './core/index.ts';

export type StoredPerson = ResolutionPerson & { records: number };

/** Streams every person entity with what resolution compares (one narrow row each). */
export async function readPeople(db: Database): Promise<StoredPerson[]> {
  const people: StoredPerson[] = [];
  await db.stream<{
    id: string;
    fullName: string | null;
    dateOfBirth: string | null;
    sex: string | null;
    documentNumbers: string[];
    province: string | null;
    phones: string[];
    records: number;
  }>(
    'resolution/people',
    {},
    (row) => {
      people.push({
        id: row.id,
        fullName: row.fullName ?? '',
        dateOfBirth: row.dateOfBirth,
        sex: row.sex,
        documentNumbers: row.documentNumbers,
        province: row.province,
        phones: row.phones,
        records: row.records,
      });
    },
    { timeoutMs: 600_000 },
  );
  return people;
}

/** Pairs whose merge was undone, as "idA|idB" with the ids in lexical order. */
export async function readSeparatedPairs(db: Database): Promise<Set<string>> {
  const rows = await db.read<{ keptId: string; mergedId: string }>('resolution/separated-pairs');
  return new Set(rows.map(({ keptId: a, mergedId: b }) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
}
