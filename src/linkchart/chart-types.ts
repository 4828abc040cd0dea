import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import type { EntityKind } from '../entities/entity-records.ts';

import { LINK_TYPES, type LinkType } from '../entities/vocabulary.ts';

export { LINK_TYPES, type LinkType };

/**
 * How people reach border crossings and crossings their checkpoint: (Person)-[:MADE]->
 * (BorderCrossing)-[:AT]->(Checkpoint). Crossings and checkpoints are nodes of the chart;
 * these two relationship types are followed when the client sets no linkTypes filter
 * (the contract's LinkType cannot name them) and left out when it filters.
 */
export const CROSSING_TYPES = ['MADE', 'AT'] as const;
export type ChartLinkType = LinkType | (typeof CROSSING_TYPES)[number];
export const ALL_CHART_TYPES: readonly ChartLinkType[] = [...LINK_TYPES, ...CROSSING_TYPES];

export interface ChartNode {
  id: string;
  kind: EntityKind;
  label: string;
  ringId: string | null;
  x: number | null;
  y: number | null;
  /** Set on a synthetic node that stands for a hub's neighbours left out of the chart. */
  collapsedCount: number | null;
}

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
}

export interface LinkChart {
  nodes: ChartNode[];
  edges: ChartEdge[];
  truncated: boolean;
}

export interface ChartPath {
  length: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

export type ChartLayout = 'RADIAL' | 'FORCE_ATLAS2';

export interface LinkChartRequest {
  seeds: readonly string[];
  depth: number;
  maxNodes: number;
  linkTypes: readonly LinkType[] | null;
  from: string | null;
  to: string | null;
  /** RADIAL unless given: linear time; FORCE_ATLAS2 is prettier and costs n² per iteration. */
  layout?: ChartLayout | null;
}

export interface PathRequest {
  from: string;
  to: string;
  maxLength: number;
  first: number;
}

/** The documented bounds of the arguments; outside them the request is refused. */
export const LIMITS = {
  depth: { min: 1, max: 4 },
  maxNodes: { min: 1, max: 2000 },
  seeds: { min: 1, max: 100 },
  maxLength: { min: 1, max: 10 },
  first: { min: 1, max: 20 },
} as const;

/** A node with more links of one type than this is a hub for that type: its neighbours of that type collapse. */
export const SUPERNODE_DEGREE = 50;

/** Base class of the link chart's refusals. */
export class LinkChartError extends CapabilityError {
  override name = 'LinkChartError';
}

/** A client's request that the service refuses. */
export class InvalidChartRequestError extends LinkChartError {
  override name = 'InvalidChartRequestError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}

/** Entities named by the request that the service does not know; their ids go back to the caller, who sent them. */
export class UnknownEntitiesError extends LinkChartError {
  override name = 'UnknownEntitiesError';
  override readonly code = ErrorCode.NOT_FOUND;
  override readonly details: { ids: string[] };
  constructor(readonly ids: string[]) {
    super(`no entity with id ${ids.map((id) => JSON.stringify(id)).join(', ')}`);
    this.details = { ids };
  }
}

export function edgeId(source: string, type: string, target: string): string {
  return `${source}-${type}-${target}`;
}

/** A CALLED edge weighs its number of calls; every other link weighs 1. */
export function edgeWeight(type: string, count: unknown): number {
  return type === 'CALLED' && typeof count === 'number' && count > 0 ? count : 1;
}
