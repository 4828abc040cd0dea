/**
 * Each entity kind's name and pictogram. The chart draws the pictogram inside the node (white on
 * the ring's colour) and the legend and lists show the same one, so a kind is told by its shape,
 * never by colour alone.
 */
export const KIND_NAMES: Record<string, string> = {
  PERSON: 'Person',
  PHONE: 'Phone',
  BROKER: 'Broker',
  CASE: 'Case',
  BORDER_CROSSING: 'Border crossing',
  CHECKPOINT: 'Checkpoint',
};

// 24x24 shapes in one colour; the chart recolours them.
const SHAPES: Record<string, string> = {
  // head and shoulders
  PERSON: '<circle cx="12" cy="7.5" r="4.5"/><path d="M3 22c0-5.5 4-9 9-9s9 3.5 9 9z"/>',
  // a handset
  PHONE:
    '<path d="M7 1.5h10a2 2 0 0 1 2 2v17a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-17a2 2 0 0 1 2-2zm0 3v13h10v-13zm5 14.5a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z"/>',
  // a briefcase
  BROKER:
    '<path d="M9 3h6a2 2 0 0 1 2 2v2h4a1.5 1.5 0 0 1 1.5 1.5v11A1.5 1.5 0 0 1 21 21H3a1.5 1.5 0 0 1-1.5-1.5v-11A1.5 1.5 0 0 1 3 7h4V5a2 2 0 0 1 2-2zm0 2v2h6V5z"/>',
  // a folder
  CASE: '<path d="M2 5a2 2 0 0 1 2-2h5l2.5 3H20a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z"/>',
  // an arrow through a bar
  BORDER_CROSSING: '<path d="M10 2h4v20h-4z"/><path d="M2 10h11V5.5L22 12l-9 6.5V14H2z"/>',
  // a flag on a pole
  CHECKPOINT: '<path d="M4 1.5h2.5v21H4z"/><path d="M7.5 3h13l-3 4.5 3 4.5h-13z"/>',
};
const UNKNOWN_SHAPE = '<circle cx="12" cy="12" r="8"/>';

/** The pictogram of a kind as an SVG data URL, filled with `colour`. */
export function pictogram(kind: string, colour = '#ffffff'): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="64" height="64" fill="${colour}">` +
    `${SHAPES[kind] ?? UNKNOWN_SHAPE}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** An inline pictogram for a list or the legend: decorative, the kind's name is written beside it. */
export function kindIcon(kind: string): HTMLImageElement {
  const image = document.createElement('img');
  image.src = pictogram(kind, '#1d2433');
  image.alt = '';
  image.className = 'kind-icon';
  image.width = 14;
  image.height = 14;
  return image;
}
