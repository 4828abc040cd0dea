import type { EntityKind } from '../entities/entity-records.ts';
import type { ChartLinkType } from './chart-types.ts';

/**
 * A hub's neighbours of one link type that the chart leaves out, shown as one synthetic
 * node: "1,234 more recruits". Its id names the hub and the type, so it stays the same
 * from one request to the next.
 */
export interface CollapsedGroup {
  supernode: string;
  supernodeKind: EntityKind;
  type: ChartLinkType;
  /** Links of this type at the hub (inside the time window when one is set). */
  degree: number;
}

export function collapsedNodeId(supernode: string, type: string): string {
  return `collapsed:${supernode}:${type}`;
}

/** The kind of the neighbours a hub of this kind has over this link type. */
export function neighbourKind(hubKind: EntityKind, type: ChartLinkType): EntityKind {
  switch (type) {
    case 'USES_PHONE':
      return hubKind === 'PHONE' ? 'PERSON' : 'PHONE';
    case 'CALLED':
      return 'PHONE';
    case 'RECRUITED_BY':
    case 'KNOWS':
    case 'RELATIVE_OF':
      return 'PERSON';
    case 'INVOLVED_IN':
      return hubKind === 'CASE' ? 'PERSON' : 'CASE';
    case 'OPERATES':
      return hubKind === 'BROKER' ? 'PERSON' : 'BROKER';
    case 'MADE':
      return hubKind === 'PERSON' ? 'BORDER_CROSSING' : 'PERSON';
    case 'AT':
      return hubKind === 'CHECKPOINT' ? 'BORDER_CROSSING' : 'CHECKPOINT';
  }
}

/** What the left-out neighbours are to the hub, in the plural. */
function noun(hubKind: EntityKind, type: ChartLinkType): string {
  switch (type) {
    case 'USES_PHONE':
      return hubKind === 'PHONE' ? 'users' : 'phones';
    case 'CALLED':
      return 'phones in contact';
    case 'RECRUITED_BY':
      return hubKind === 'BROKER' ? 'recruits' : 'recruitment links';
    case 'KNOWS':
      return 'acquaintances';
    case 'RELATIVE_OF':
      return 'relatives';
    case 'INVOLVED_IN':
      return hubKind === 'CASE' ? 'participants' : 'cases';
    case 'OPERATES':
      return hubKind === 'BROKER' ? 'operators' : 'brokers operated';
    case 'MADE':
      return 'crossings';
    case 'AT':
      return hubKind === 'CHECKPOINT' ? 'crossings' : 'checkpoints';
  }
}

export function collapsedLabel(group: CollapsedGroup, count: number): string {
  return `${count.toLocaleString('en-US')} more ${noun(group.supernodeKind, group.type)}`;
}

/**
 * How many of a hub's neighbours are left out: its links of that type less those the chart
 * shows anyway (to neighbours that joined the chart by another route).
 */
export function leftOutCount(
  group: CollapsedGroup,
  shownEdges: readonly { source: string; target: string; type: string }[],
) {
  const shown = shownEdges.filter(
    (e) => e.type === group.type && (e.source === group.supernode || e.target === group.supernode),
  ).length;
  return Math.max(0, group.degree - shown);
}
