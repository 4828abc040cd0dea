/**
 * Person records that are likely one real person, sent by different agencies: the same name
 * (any order, no diacritics: the record's nameKey) and birth date, or a shared document
 * number. Groups larger than `maxGroup` are common names or an office's shared documents, not
 * one person, and tie nobody.
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

  constructor(private readonly maxGroup = 10) {}

  add(node: number, person: { nameKey: string | null; dateOfBirth: string | null; documents: readonly string[] }) {
    if (person.nameKey && person.dateOfBirth) join(this.byName, `${person.dateOfBirth}\u0000${person.nameKey}`, node);
    for (const document of new Set(person.documents)) if (document) join(this.byDocument, document, node);
  }

  /** Each pair of people in a group of 2 to maxGroup, with the number of groups they share. */
  pairs(): { source: number; target: number; count: number }[] {
    const counts = new Map<string, { source: number; target: number; count: number }>();
    for (const groups of [this.byName, this.byDocument]) {
      for (const group of groups.values()) {
        if (!Array.isArray(group) || group.length > this.maxGroup) continue;
        for (let i = 0; i < group.length - 1; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const [source, target] = group[i]! < group[j]! ? [group[i]!, group[j]!] : [group[j]!, group[i]!];
            const key = `${source}:${target}`;
            const pair = counts.get(key);
            if (pair) pair.count += 1;
            else counts.set(key, { source, target, count: 1 });
          }
        }
      }
    }
    return [...counts.values()];
  }
}

function join(groups: Map<string, number | number[]>, key: string, node: number): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, node);
  else if (Array.isArray(group)) group.push(node);
  else groups.set(key, [group, node]);
}
