/** A property as read with its Cypher type (valueType), so that a restore writes integers back as integers. */
export interface TypedProperty {
  key: string;
  type: string;
  value: unknown;
}

export interface EntitySnapshot {
  id: string;
  labels: string[];
  props: TypedProperty[];
  /** Keys of the agency records (SourceRecord.key) the entity holds. */
  sourceKeys: string[];
}

export interface RelationshipRow {
  type: string;
  /** True when the entity is the start of the relationship. */
  outgoing: boolean;
  otherId: string;
  props: TypedProperty[];
}

/**
 * What happened to one relationship of the merged entity:
 * - moved: the kept entity had none like it; it now has a copy with the same properties;
 * - united: the kept entity had one of the same type with the same other end; its properties were
 *   united with this one's (sources joined, first/last seen widened) and `before` is what they were;
 * - between: it linked the two entities themselves, so it is dropped (a person does not know themself).
 */
export type RelationshipAction =
  | { action: 'moved'; rel: RelationshipRow }
  | {
      action: 'united';
      rel: RelationshipRow;
      kept: { outgoing: boolean; before: TypedProperty[]; after: TypedProperty[] };
    }
  | { action: 'between'; rel: RelationshipRow };

/** Everything undoing a merge needs, stored as JSON on the (:Merge) node. */
export interface MergeSnapshot {
  version: 1;
  merged: EntitySnapshot;
  /** Keys of the kept entity's properties that the merge set, and their values before (absent: there was none). */
  keptChangedKeys: string[];
  keptBefore: TypedProperty[];
  relationships: RelationshipAction[];
}

export interface MergePlan {
  snapshot: MergeSnapshot;
  /** The kept entity's properties to set. */
  keptSet: TypedProperty[];
}

/** Relationships the ingest keeps as one whichever way it was reported. */
const UNDIRECTED = new Set(['KNOWS', 'RELATIVE_OF']);
/** Bookkeeping that stays the kept entity's own. */
const OWN_PROPERTIES = new Set(['id', 'createdAt', 'updatedAt']);

const isEmpty = (p: TypedProperty | undefined) =>
  p === undefined || p.value === null || (Array.isArray(p.value) && p.value.length === 0) || p.value === '';

function byKey(props: readonly TypedProperty[]): Map<string, TypedProperty> {
  return new Map(props.map((p) => [p.key, p]));
}

function unionLists(a: TypedProperty, b: TypedProperty): TypedProperty {
  const values = [...(a.value as unknown[])];
  for (const v of b.value as unknown[]) if (!values.includes(v)) values.push(v);
  const type = (a.value as unknown[]).length ? a.type : b.type;
  return { key: a.key, type, value: values };
}

/** The kept entity's values stay; empty ones are filled from the merged entity; document numbers are united. */
export function mergeEntityProperties(
  kept: readonly TypedProperty[],
  merged: readonly TypedProperty[],
): TypedProperty[] {
  const keptProps = byKey(kept);
  const set: TypedProperty[] = [];
  for (const p of merged) {
    if (OWN_PROPERTIES.has(p.key) || isEmpty(p)) continue;
    const mine = keptProps.get(p.key);
    if (p.key === 'documentNumbers' && mine && Array.isArray(mine.value) && Array.isArray(p.value)) {
      const united = unionLists(mine, p);
      if ((united.value as unknown[]).length !== mine.value.length) set.push(united);
    } else if (isEmpty(mine)) set.push(p);
  }
  return set;
}

const str = (p: TypedProperty | undefined) => (typeof p?.value === 'string' ? p.value : null);
const num = (p: TypedProperty | undefined) => (typeof p?.value === 'number' ? p.value : null);

/** One relationship's properties after the same link from the merged entity joins it. */
export function uniteRelationshipProperties(
  kept: readonly TypedProperty[],
  merged: readonly TypedProperty[],
): TypedProperty[] {
  const k = byKey(kept);
  const m = byKey(merged);
  const out = new Map(k);
  for (const [key, p] of m) {
    const mine = k.get(key);
    if (key === 'sources' && mine && Array.isArray(mine.value) && Array.isArray(p.value))
      out.set(key, unionLists(mine, p));
    else if (key === 'firstSeen' && str(mine) && str(p)) out.set(key, str(p)! < str(mine)! ? p : mine!);
    else if (key === 'lastSeen' && str(mine) && str(p)) out.set(key, str(p)! > str(mine)! ? p : mine!);
    else if (key === 'count' && num(mine) !== null && num(p) !== null) out.set(key, num(p)! > num(mine)! ? p : mine!);
    else if (isEmpty(mine)) out.set(key, p);
  }
  // The last call travels with its instant: both come from the link that reported the later one.
  const keptAt = num(k.get('lastAtMillis'));
  const mergedAt = num(m.get('lastAtMillis'));
  if (mergedAt !== null && (keptAt === null || mergedAt > keptAt)) {
    out.set('lastAtMillis', m.get('lastAtMillis')!);
    const lastAt = m.get('lastAt');
    if (lastAt) out.set('lastAt', lastAt);
  }
  // The first call and a recruitment's date travel the same way, from the link that reported the earlier one.
  for (const [millisKey, isoKey] of [
    ['firstAtMillis', 'firstAt'],
    ['atMillis', 'at'],
  ] as const) {
    const keptFirst = num(k.get(millisKey));
    const mergedFirst = num(m.get(millisKey));
    if (mergedFirst !== null && (keptFirst === null || mergedFirst < keptFirst)) {
      out.set(millisKey, m.get(millisKey)!);
      const iso = m.get(isoKey);
      if (iso) out.set(isoKey, iso);
    }
  }
  return [...out.values()];
}

/**
 * Plans the merge of one person entity into another, with the snapshot that undoes it exactly.
 * Pure: reads nothing, writes nothing; src/resolution/merge-entities.ts carries it out.
 */
export function planMerge(
  kept: EntitySnapshot,
  merged: EntitySnapshot,
  keptRelationships: readonly RelationshipRow[],
  mergedRelationships: readonly RelationshipRow[],
): MergePlan {
  const keptSet = mergeEntityProperties(kept.props, merged.props);
  const keptProps = byKey(kept.props);
  const keptBefore = keptSet.flatMap((p) => {
    const before = keptProps.get(p.key);
    return before ? [before] : [];
  });
  // Counterparts already united are tracked so that each merged link finds the latest state of its kept twin.
  const current = new Map<RelationshipRow, TypedProperty[]>(keptRelationships.map((r) => [r, r.props]));
  const relationships: RelationshipAction[] = mergedRelationships.map((rel) => {
    if (rel.otherId === kept.id) return { action: 'between', rel };
    const twin = keptRelationships.find(
      (r) =>
        r.type === rel.type && r.otherId === rel.otherId && (UNDIRECTED.has(r.type) || r.outgoing === rel.outgoing),
    );
    if (!twin) return { action: 'moved', rel };
    const before = current.get(twin)!;
    const after = uniteRelationshipProperties(before, rel.props);
    current.set(twin, after);
    return { action: 'united', rel, kept: { outgoing: twin.outgoing, before, after } };
  });
  return {
    keptSet,
    snapshot: { version: 1, merged, keptChangedKeys: keptSet.map((p) => p.key), keptBefore, relationships },
  };
}
