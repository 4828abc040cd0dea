import type { Database } from '../db/database.ts';

/** Why an entity is protected; a person who is both needs both clearances. */
export interface Protection {
  minor: boolean;
  victim: boolean;
}

export interface ProtectedEntity extends Protection {
  id: string;
  /** Set for phones, so numbers inside text can be matched. */
  e164: string | null;
}

/** Age below which a person's identifying fields are protected. */
export const PROTECTED_AGE = 16;

/** The birth date after which a person is under 16 on `today` (ISO dates compare as strings). */
export function minorBornAfter(today: Date): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - PROTECTED_AGE, today.getUTCMonth(), today.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

/** Reads which entities are protected, by one statement (cypher/protection/protected-entities.cypher). */
export class ProtectionReader {
  constructor(
    private readonly db: Database,
    private readonly today: () => Date = () => new Date(),
  ) {}

  async protectedAmong(ids: readonly string[], numbers: readonly string[] = []): Promise<ProtectedEntity[]> {
    if (!ids.length && !numbers.length) return [];
    return this.db.read<ProtectedEntity & Record<string, unknown>>('protection/protected-entities', {
      ids: [...new Set(ids)],
      numbers: [...new Set(numbers)],
      minorBornAfter: minorBornAfter(this.today()),
    });
  }
}
