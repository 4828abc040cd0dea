import { samePersonKeys } from '../../resolution/core/same-person-keys.ts';

/** Records of one name key: the dated ones' single birth date (or 'several'), and who is dated or not. */
interface NameGroup {
  birthDate: string | null | 'several';
  dated: number[];
  undated: number[];
}

/**
 * Person records that are likely one real person, sent by different agencies: the same name
 * (any order, no diacritics: the record's nameKey) and birth date, or a shared document
 * number, read as entity resolution reads it (`CCCD:0123 4567` and `cccd:01234567` are one
 * document). Groups larger than `maxGroup` are common names or an office's shared documents,
 * not one person, and tie nobody.
 *
 * A record without a birth date (a SIM sold at a kiosk, a labour form left half empty) is
 * tied by its name alone when every dated record of that name has one birth date: the
 * resident registry dates everyone, so then only one person in the city bears the name. Two
 * people of one name give two birth dates, and such records stay untied.
 *
 * Grouped here, as the people stream past, rather than in Cypher: grouping a city's people by
 * name and by document held a map of every group in Neo4j's heap for the whole projection, and
 * Neo4j's collector then paused the database, /health's ping included, while detection read
 * it. Pure, so it is tested without a database. Each node is added once.
 */
export class SamePersonEvidence {
  /** Node keys by birth date and nameKey, and by document number; a lone key until a second joins it. */
  private readonly byName = new Map<string, number | number[]>();
  private readonly byDocument = new Map<string, number | number[]>();
  private readonly byNameOnly = new Map<string, NameGroup>();

  constructor(private readonly maxGroup = 10) {}

  add(node: number, person: { nameKey: string | null; dateOfBirth: string | null; documents: readonly string[] }) {
    // The pairwise rule is the one protection follows too (src/resolution/core/same-person-keys.ts).
    const keys = samePersonKeys({
      nameKey: person.nameKey,
      dateOfBirth: person.dateOfBirth,
      documentNumbers: person.documents,
    });
    for (const key of keys) join(key.startsWith('name:') ? this.byName : this.byDocument, key, node);
    if (person.nameKey) this.addToName(person.nameKey, person.dateOfBirth, node);
  }

  /** Each pair of people in a group of 2 to maxGroup, with the number of groups they share. */
  pairs(): { source: number; target: number; count: number }[] {
    const counts = new Map<string, { source: number; target: number; count: number }>();
    const count = (a: number, b: number) => {
      const [source, target] = a < b ? [a, b] : [b, a];
      const key = `${source}:${target}`;
      const pair = counts.get(key);
      if (pair) pair.count += 1;
      else counts.set(key, { source, target, count: 1 });
    };
    for (const groups of [this.byName, this.byDocument]) {
      for (const group of groups.values()) {
        if (!Array.isArray(group) || group.length > this.maxGroup) continue;
        for (let i = 0; i < group.length - 1; i++)
          for (let j = i + 1; j < group.length; j++) count(group[i]!, group[j]!);
      }
    }
    for (const group of this.byNameOnly.values()) {
      if (group.birthDate === null || group.birthDate === 'several') continue;
      if (group.undated.length === 0 || group.dated.length + group.undated.length > this.maxGroup) continue;
      for (const undated of group.undated) for (const dated of group.dated) count(undated, dated);
    }
    return [...counts.values()];
  }

  private addToName(nameKey: string, dateOfBirth: string | null, node: number): void {
    let group = this.byNameOnly.get(nameKey);
    if (!group) this.byNameOnly.set(nameKey, (group = { birthDate: null, dated: [], undated: [] }));
    // Past maxGroup the group ties nobody: stop collecting, so a common name costs no memory.
    if (group.dated.length + group.undated.length > this.maxGroup) return;
    if (dateOfBirth) {
      group.birthDate = group.birthDate === null || group.birthDate === dateOfBirth ? dateOfBirth : 'several';
      group.dated.push(node);
    } else group.undated.push(node);
  }
}

function join(groups: Map<string, number | number[]>, key: string, node: number): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, node);
  else if (Array.isArray(group)) group.push(node);
  else groups.set(key, [group, node]);
}
