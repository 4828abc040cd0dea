import type { Database } from '../db/database.ts';
import { oneSlipApart, samePersonKeys, type SamePersonFacts } from '../resolution/core/same-person-keys.ts';

/** Why an entity is protected; a person who is both needs both clearances. */
export interface Protection {
  minor: boolean;
  victim: boolean;
}

export interface ProtectedEntity extends Protection {
  id: string;
  /** Set for phones, so numbers inside text can be matched. */
  e164: string | null;
  /** A protected person's name as stored, so it can be replaced inside text (ring factors). */
  fullName: string | null;
  /** Her birth date and document numbers as stored, so they can be withheld inside text (a saved chart's note). */
  dateOfBirth?: string | null;
  documentNumbers?: readonly string[];
}

/** Age below which a person's identifying fields are protected. */
export const PROTECTED_AGE = 16;

/** The birth date after which a person is under 16 on `today` (ISO dates compare as strings). */
export function minorBornAfter(today: Date): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - PROTECTED_AGE, today.getUTCMonth(), today.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

interface Subject {
  /** The entity asked about: a person, or a phone of which the subject is a user. */
  id: string;
  e164: string | null;
  subject: SamePersonFacts & { id: string; fullName: string | null };
}

interface ProtectedRecord extends SamePersonFacts, Protection {
  id: string;
}

/**
 * Reads which entities are protected, by one statement (cypher/protection/protected-entities.cypher).
 * Protection follows the person: the statement returns each entity's subjects (the person, or a
 * phone's users) and the protected records that may be the same person as one of them; a record
 * counts for a subject when it is the subject, shares a same-person key with it, or has its birth date
 * and a name one clerical slip apart (oneSlipApart): the rules ring detection uses too
 * (src/resolution/core/same-person-keys.ts, src/rings/projection/same-person-evidence.ts), so a record
 * that detection counts as her is masked as she is.
 */
export class ProtectionReader {
  constructor(
    private readonly db: Database,
    private readonly today: () => Date = () => new Date(),
  ) {}

  async protectedAmong(ids: readonly string[], numbers: readonly string[] = []): Promise<ProtectedEntity[]> {
    if (!ids.length && !numbers.length) return [];
    const [row] = await this.db.read<ProtectedEntitiesRow>('protection/protected-entities', {
      ids: [...new Set(ids)],
      numbers: [...new Set(numbers)],
      minorBornAfter: minorBornAfter(this.today()),
    });
    return protectedFrom(row);
  }
}

/** The row of cypher/protection/protected-entities.cypher, for callers that run it in their own transaction. */
export interface ProtectedEntitiesRow {
  subjects: Subject[];
  protectedRecords: ProtectedRecord[];
}

/** Which of the asked entities the statement's row shows protected, by the same-person rule. */
export function protectedFrom(row: ProtectedEntitiesRow | undefined): ProtectedEntity[] {
  const byId = new Map<string, Protection>();
  const byKey = new Map<string, Protection>();
  const add = (map: Map<string, Protection>, key: string, record: Protection) => {
    const known = map.get(key) ?? { minor: false, victim: false };
    map.set(key, { minor: known.minor || record.minor === true, victim: known.victim || record.victim === true });
  };
  // Protected records by birth date, for names one clerical slip apart (see slipOf).
  const byBirthDate = new Map<string, ProtectedRecord[]>();
  for (const record of row?.protectedRecords ?? []) {
    add(byId, record.id, record);
    for (const key of samePersonKeys(record)) add(byKey, key, record);
    if (record.dateOfBirth && record.nameKey) {
      const born = byBirthDate.get(record.dateOfBirth);
      if (born) born.push(record);
      else byBirthDate.set(record.dateOfBirth, [record]);
    }
  }
  /** A protected record of her birth date whose name is hers but for one slip, as ring detection reads it. */
  const slipOf = (subject: SamePersonFacts): Protection | undefined => {
    if (!subject.dateOfBirth || !subject.nameKey) return undefined;
    const { nameKey } = subject;
    return byBirthDate.get(subject.dateOfBirth)?.find((record) => oneSlipApart(nameKey, record.nameKey ?? ''));
  };
  const found = new Map<string, ProtectedEntity>();
  for (const { id, e164, subject } of row?.subjects ?? []) {
    const reasons = [byId.get(subject.id), slipOf(subject), ...samePersonKeys(subject).map((key) => byKey.get(key))];
    const minor = reasons.some((r) => r?.minor === true);
    const victim = reasons.some((r) => r?.victim === true);
    if (!minor && !victim) continue;
    const entity = found.get(id) ?? { id, e164, minor: false, victim: false, fullName: null };
    entity.minor ||= minor;
    entity.victim ||= victim;
    if (subject.id === id) {
      entity.fullName = subject.fullName;
      entity.dateOfBirth = subject.dateOfBirth;
      entity.documentNumbers = subject.documentNumbers;
    }
    found.set(id, entity);
  }
  return [...found.values()];
}
