import { samePersonKeys } from '../../resolution/core/same-person-keys.ts';

/**
 * Person records that are likely one real person, sent by different agencies: the rule of
 * samePersonKeys (the same name words in any order with the same birth date, or a document
 * number of the same kind), which protection of minors and victims follows too. Groups larger
 * than `maxGroup` are common names or an office's shared documents, not one person, and tie
 * nobody.
 *
 * Grouped here, as the people stream past, rather than in Cypher: grouping a city's people by
 * name and by document held a map of every group in Neo4j's heap for the whole projection, and
 * Neo4j's collector then paused the database, /health's ping included, while detection read
 * it. Pure, so it is tested without a database. Each node is added once.
 */
export class SamePersonEvidence {
  /** Node keys by same-person key; a lone key until a second joins it. */
  private readonly groups = new Map<string, number | number[]>();

  constructor(private readonly maxGroup = 10) {}

  add(node: number, person: { nameKey: string | null; dateOfBirth: string | null; documents: readonly string[] }) {
    const keys = samePersonKeys({
      nameKey: person.nameKey,
      dateOfBirth: person.dateOfBirth,
      documentNumbers: person.documents,
    });
    for (const key of keys) join(this.groups, key, node);
  }

  /** Each pair of people in a group of 2 to maxGroup, with the number of groups they share. */
  pairs(): { source: number; target: number; count: number }[] {
    const counts = new Map<string, { source: number; target: number; count: number }>();
    for (const group of this.groups.values()) {
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
    return [...counts.values()];
  }
}

function join(groups: Map<string, number | number[]>, key: string, node: number): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, node);
  else if (Array.isArray(group)) group.push(node);
  else groups.set(key, [group, node]);
}
