import {
  InvalidChartRequestError,
  LIMITS,
  LINK_TYPES,
  type LinkChartRequest,
  type LinkType,
  type PathRequest,
} from './chart-types.ts';

function inRange(name: string, value: number, { min, max }: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidChartRequestError(`${name} must be an integer from ${min} to ${max}, not ${value}`);
  }
  return value;
}

/** An ISO 8601 instant with an offset, as milliseconds; undefined when not given. */
function instant(name: string, value: string | null): number | null {
  if (value === null) return null;
  const millis = Date.parse(value);
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(millis)) {
    throw new InvalidChartRequestError(`${name} must be a date-time with an offset, e.g. 2024-07-30T08:15:00+07:00`);
  }
  return millis;
}

export interface TimeWindow {
  fromMillis: number | null;
  toMillis: number | null;
  /** The same bounds as UTC ISO strings, comparable with the links' firstSeen and lastSeen. */
  fromIso: string | null;
  toIso: string | null;
}

export function checkChartRequest(request: LinkChartRequest): TimeWindow {
  const seeds = [...new Set(request.seeds)];
  if (seeds.length < LIMITS.seeds.min || seeds.length > LIMITS.seeds.max) {
    throw new InvalidChartRequestError(`seeds must name from ${LIMITS.seeds.min} to ${LIMITS.seeds.max} entities`);
  }
  if (seeds.some((id) => !id.trim())) throw new InvalidChartRequestError('seeds may not contain an empty id');
  inRange('depth', request.depth, LIMITS.depth);
  inRange('maxNodes', request.maxNodes, LIMITS.maxNodes);
  const known = new Set<string>(LINK_TYPES);
  const unknownType = request.linkTypes?.find((t: LinkType) => !known.has(t));
  if (unknownType) throw new InvalidChartRequestError(`unknown link type ${unknownType}`);
  if (request.linkTypes && request.linkTypes.length === 0) {
    throw new InvalidChartRequestError('linkTypes, when given, must name at least one link type');
  }
  return checkTimeWindow(request.from, request.to);
}

/** A period [from, to] of instants with offsets, either end open (null); refused when from is later than to. */
export function checkTimeWindow(from: string | null, to: string | null): TimeWindow {
  const fromMillis = instant('from', from);
  const toMillis = instant('to', to);
  if (fromMillis !== null && toMillis !== null && fromMillis > toMillis) {
    throw new InvalidChartRequestError('from must not be later than to');
  }
  return {
    fromMillis,
    toMillis,
    fromIso: fromMillis === null ? null : new Date(fromMillis).toISOString(),
    toIso: toMillis === null ? null : new Date(toMillis).toISOString(),
  };
}

export function checkPathRequest(request: PathRequest): void {
  if (!request.from.trim() || !request.to.trim()) throw new InvalidChartRequestError('from and to must be entity ids');
  if (request.from === request.to) throw new InvalidChartRequestError('from and to must be different entities');
  inRange('maxLength', request.maxLength, LIMITS.maxLength);
  inRange('first', request.first, LIMITS.first);
}
