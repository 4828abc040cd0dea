import { oneSlipApart, samePersonKeys } from '../../resolution/core/same-person-keys.ts';

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
 * Records of one birth date whose names are one clerical slip apart ("Nguyễn Thị Hoa" and the border
 * guard's "NGUYEN THI HAO", see oneSlipApart) are tied too: the commonest difference between two
 * agencies' records of a person once spelling and word order are folded away. They are compared
 * within a birth date (a few dozen people even in a city of a million), never across the city.
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
  /** Dated records with a name, by birth date: node keys and their name keys side by side. */
  private readonly byBirthDate = new Map<string, { nodes: number[]; nameKeys: string[] }>();

  /**
   * @param maxGroup larger groups of one key tie nobody
   * @param maxBirthDate records of one birth date beyond which names are not compared for slips (a
   *   placeholder date such as 1 January given to everyone whose date is unknown)
   */
  constructor(
    private readonly maxGroup = 10,
    private readonly maxBirthDate = 500,
  ) {}

  add(node: number, person: { nameKey: string | null; dateOfBirth: string | null; documents: readonly string[] }) {
    // The pairwise rule is the one protection follows too (src/resolution/core/same-person-keys.ts).
    const keys = samePersonKeys({
      nameKey: person.nameKey,
      dateOfBirth: person.dateOfBirth,
      documentNumbers: person.documents,
    });
    for (const key of keys) join(key.startsWith('name:') ? this.byName : this.byDocument, key, node);
    if (person.nameKey) this.addToName(person.nameKey, person.dateOfBirth, node);
    if (person.nameKey && person.dateOfBirth) {
      let born = this.byBirthDate.get(person.dateOfBirth);
      if (!born) this.byBirthDate.set(person.dateOfBirth, (born = { nodes: [], nameKeys: [] }));
      if (born.nodes.length <= this.maxBirthDate) {
        born.nodes.push(node);
        born.nameKeys.push(person.nameKey);
      }
    }
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
    for (const { nodes, nameKeys } of this.byBirthDate.values()) {
      if (nodes.length < 2 || nodes.length > this.maxBirthDate) continue;
      for (let i = 0; i < nodes.length - 1; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          if (oneSlipApart(nameKeys[i]!, nameKeys[j]!)) count(nodes[i]!, nodes[j]!);
        }
      }
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
