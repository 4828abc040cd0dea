/**
 * Each kind of dated fact by its shape (and, only in addition, its colour), as the timeline
 * and the map draw it: a kind is never told by colour alone.
 */
export const EVENT_KINDS = {
  CROSSING_EXIT: { name: 'Exit', shape: 'M0,-6L6,5L-6,5Z', colour: '#b8322a', hollow: false },
  CROSSING_ENTRY: { name: 'Entry', shape: 'M0,6L6,-5L-6,-5Z', colour: '#1b7f5a', hollow: false },
  FIRST_CALL: { name: 'First call', shape: 'M-5,0a5,5 0 1,0 10,0a5,5 0 1,0 -10,0', colour: '#3559a8', hollow: true },
  LAST_CALL: { name: 'Last call', shape: 'M-5,0a5,5 0 1,0 10,0a5,5 0 1,0 -10,0', colour: '#3559a8', hollow: false },
  RECRUITMENT: { name: 'Recruitment', shape: 'M-5,-5H5V5H-5Z', colour: '#8a4fb5', hollow: false },
  CASE_OPENED: { name: 'Case opened', shape: 'M0,-6L6,0L0,6L-6,0Z', colour: '#9a6a00', hollow: false },
} as const;

export type EventKind = keyof typeof EVENT_KINDS;

const SVG = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The kind's shape as an SVG path at (x, y). */
export function eventMark(kind: string, x: number, y: number, scale = 1): SVGPathElement {
  const spec = EVENT_KINDS[kind as EventKind] ?? EVENT_KINDS.RECRUITMENT;
  return svgElement('path', {
    d: spec.shape,
    transform: `translate(${x},${y}) scale(${scale})`,
    fill: spec.hollow ? '#ffffff' : spec.colour,
    stroke: spec.colour,
    'stroke-width': 1.6,
    class: `event-mark event-${kind.toLowerCase()}`,
  });
}

/** A small inline icon of the kind, for lists and legends (its name is written beside it). */
export function eventIcon(kind: string): SVGSVGElement {
  const icon = svgElement('svg', {
    width: 14,
    height: 14,
    viewBox: '-7 -7 14 14',
    'aria-hidden': 'true',
    class: 'event-icon',
  });
  icon.append(eventMark(kind, 0, 0, 0.95));
  return icon;
}
