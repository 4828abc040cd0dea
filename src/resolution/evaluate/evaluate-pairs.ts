/**
 * Pairwise precision and recall of entity resolution against a scenario's truth: identities are
 * the lists of records (source, externalId) that belong to one real person.
 */
export interface PairEvaluation {
  /** Candidate pairs of entities, and those whose records all belong to one real person. */
  predicted: number;
  correct: number;
  precision: number;
  /** Pairs of records of one real person, and those found: in one entity already, or in a candidate pair. */
  truthPairs: number;
  found: number;
  recall: number;
  /** Entities holding more than one record, and those whose records all belong to one real person. */
  mergedEntities: number;
  correctlyMerged: number;
  /** Over pairs of records: the ones inside merged entities plus the ones across candidate pairs. */
  recordPairPrecision: number;
}

export function recordKey(source: string, externalId: string): string {
  return `${source}|${externalId}`;
}

/**
 * `identities`: record keys of one real person each (records in none are people with one record).
 * `entities`: entity id to the record keys it holds. `pairs`: candidate pairs of entity ids.
 */
export function evaluatePairs(
  identities: readonly (readonly string[])[],
  entities: ReadonlyMap<string, readonly string[]>,
  pairs: readonly { a: string; b: string }[],
): PairEvaluation {
  const identityOf = new Map<string, number>();
  identities.forEach((refs, i) => refs.forEach((ref) => identityOf.set(ref, i)));
  const entityOf = new Map<string, string>();
  for (const [id, refs] of entities) for (const ref of refs) entityOf.set(ref, id);
  /** The one identity all of an entity's records belong to, or null when they are of several people. */
  const soleIdentity = (id: string): number | string | null => {
    const refs = entities.get(id) ?? [];
    const owners = new Set(refs.map((ref) => identityOf.get(ref) ?? `single:${ref}`));
    return owners.size === 1 ? ([...owners][0] ?? null) : null;
  };

  let correct = 0;
  let wrongRecordPairs = 0;
  let rightRecordPairs = 0;
  const predictedKeys = new Set<string>();
  for (const { a, b } of pairs) {
    predictedKeys.add(a < b ? `${a}|${b}` : `${b}|${a}`);
    const ia = soleIdentity(a);
    const ib = soleIdentity(b);
    if (ia !== null && ia === ib) correct += 1;
    const ra = entities.get(a) ?? [];
    const rb = entities.get(b) ?? [];
    for (const x of ra) {
      for (const y of rb) {
        const same = identityOf.has(x) && identityOf.get(x) === identityOf.get(y);
        if (same) rightRecordPairs += 1;
        else wrongRecordPairs += 1;
      }
    }
  }
  let mergedEntities = 0;
  let correctlyMerged = 0;
  for (const [id, refs] of entities) {
    if (refs.length < 2) continue;
    mergedEntities += 1;
    if (soleIdentity(id) !== null) correctlyMerged += 1;
    const counts = new Map<number | string, number>();
    for (const ref of refs) {
      const owner = identityOf.get(ref) ?? `single:${ref}`;
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    const all = (refs.length * (refs.length - 1)) / 2;
    const right = [...counts.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
    rightRecordPairs += right;
    wrongRecordPairs += all - right;
  }

  let truthPairs = 0;
  let found = 0;
  for (const refs of identities) {
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        truthPairs += 1;
        const ea = entityOf.get(refs[i]!);
        const eb = entityOf.get(refs[j]!);
        if (!ea || !eb) continue;
        if (ea === eb || predictedKeys.has(ea < eb ? `${ea}|${eb}` : `${eb}|${ea}`)) found += 1;
      }
    }
  }
  const ratio = (x: number, y: number) => (y === 0 ? 1 : x / y);
  return {
    predicted: pairs.length,
    correct,
    precision: ratio(correct, pairs.length),
    truthPairs,
    found,
    recall: ratio(found, truthPairs),
    mergedEntities,
    correctlyMerged,
    recordPairPrecision: ratio(rightRecordPairs, rightRecordPairs + wrongRecordPairs),
  };
}
