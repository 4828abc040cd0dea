import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { make } from '../dom.ts';
import { eventMark, svgElement } from '../event-shapes.ts';
import type { Workspace, WorkspacePanel } from '../layout.ts';
import { inPeriod, timelineOf, type TimelineSnapshot } from '../timeline-store.ts';
import { fetchCheckpoints, fetchPageSettings, type CheckpointPlace, type PageSettings } from '../workspace-api.ts';

/** Vietnam and its neighbours by their ISO 3166-1 numeric codes, as Natural Earth's features carry them. */
const COUNTRIES: Record<string, string> = {
  '704': 'Vietnam',
  '156': 'China',
  '418': 'Laos',
  '116': 'Cambodia',
  '764': 'Thailand',
  '104': 'Myanmar',
};
const VIETNAM = '704';
/**
 * What the map shows: Vietnam whole, with its land borders and a margin of the neighbours. Two
 * corners as points: a polygon's winding decides on the sphere which side is inside.
 */
const EXTENT: Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPoint',
    coordinates: [
      [101.6, 8.2],
      [110.2, 23.6],
    ],
  },
};
const NAMES_AT: [string, number, number][] = [
  ['CHINA', 106.2, 23.2],
  ['LAOS', 103.2, 19.4],
  ['CAMBODIA', 104.6, 12.6],
  ['THAILAND', 102.2, 15.6],
  ['VIETNAM', 107.6, 14.6],
];
/** The map's least height; it grows with its panel. */
const MIN_HEIGHT = 150;

interface CheckpointCount {
  place: CheckpointPlace;
  exits: number;
  entries: number;
  withoutReturn: number;
}

/** The crossings of the period at each checkpoint; exits after which the person never entered again apart. */
function countCrossings(snapshot: TimelineSnapshot, places: readonly CheckpointPlace[]): CheckpointCount[] {
  const byId = new Map(places.map((place) => [place.id, { place, exits: 0, entries: 0, withoutReturn: 0 }]));
  for (const event of snapshot.events) {
    if (!event.checkpointId || !inPeriod(event, snapshot.period)) continue;
    const count = byId.get(event.checkpointId);
    if (!count) continue;
    if (event.kind === 'CROSSING_EXIT') {
      count.exits += 1;
      if (event.returned === false) count.withoutReturn += 1;
    } else if (event.kind === 'CROSSING_ENTRY') {
      count.entries += 1;
    }
  }
  return [...byId.values()];
}

/**
 * Vietnam and its neighbours from Natural Earth's boundaries (the world-atlas package, served by
 * the service), each land-border checkpoint at its place with the chart's exits and entries there
 * in the period, exits without return marked. An agency's own tile server (MAP_TILE_URL) can lay
 * its tiles under the boundaries; without one the map needs no network.
 */
export const mapPanel: WorkspacePanel = {
  id: 'map',
  title: 'Map',
  slot: 'bottom',
  mount(body, workspace) {
    const figure = svgElement('svg', { class: 'map', role: 'group' });
    figure.id = 'map-figure';
    figure.setAttribute('aria-label', 'Map of the land-border checkpoints with the crossings of the chart');
    const status = make('p', '', 'muted');
    status.id = 'map-status';
    status.setAttribute('aria-live', 'polite');
    const table = make('table', undefined, 'map-table');
    table.id = 'map-table';
    table.innerHTML =
      '<caption>Crossings of the chart by checkpoint, in the period</caption>' +
      '<thead><tr><th scope="col">Checkpoint</th><th scope="col">Exits</th><th scope="col">Entries</th><th scope="col">Exits without return</th></tr></thead><tbody></tbody>';
    const row = make('div', undefined, 'map-row');
    row.append(figure, table);
    body.append(status, row);

    let snapshot: TimelineSnapshot | null = null;
    let ready: { topology: Topology; places: CheckpointPlace[]; settings: PageSettings } | null = null;
    const draw = () => {
      if (!ready) return;
      const counts = snapshot ? countCrossings(snapshot, ready.places) : [];
      drawMap(figure, ready, counts, workspace);
      drawTable(table, counts, workspace);
      const crossings = counts.reduce((sum, c) => sum + c.exits + c.entries, 0);
      status.textContent = crossings
        ? `${crossings} crossings at ${counts.filter((c) => c.exits + c.entries).length} checkpoints`
        : 'No crossings of the chart at a known checkpoint in the period.';
    };
    const load = async () => {
      if (ready || !workspace.session()) return;
      try {
        const [topology, places, settings] = await Promise.all([
          fetch('/explorer/boundaries.json').then((r) => r.json() as Promise<Topology>),
          fetchCheckpoints(),
          fetchPageSettings(),
        ]);
        ready = { topology, places, settings };
        draw();
      } catch (error) {
        status.textContent = `The map cannot be shown: ${workspace.describe(error)}`;
      }
    };
    workspace.onSession(() => void load());
    timelineOf(workspace).on((next) => {
      snapshot = next;
      draw();
    });
    new ResizeObserver(() => draw()).observe(body);
  },
};

function drawMap(
  figure: SVGSVGElement,
  ready: { topology: Topology; places: CheckpointPlace[]; settings: PageSettings },
  counts: CheckpointCount[],
  workspace: Workspace,
): void {
  const row = figure.parentElement;
  const width = Math.max(180, Math.min(420, (row?.clientWidth ?? 400) * 0.55));
  const height = Math.max(MIN_HEIGHT, (row?.clientHeight ?? 0) - 4);
  figure.setAttribute('width', String(width));
  figure.setAttribute('height', String(height));
  figure.setAttribute('viewBox', `0 0 ${width} ${height}`);
  figure.replaceChildren();
  const projection = geoMercator().fitExtent(
    [
      [2, 2],
      [width - 2, height - 2],
    ],
    EXTENT,
  );
  const path = geoPath(projection);
  const clip = svgElement('clipPath', { id: 'map-clip' });
  clip.append(svgElement('rect', { x: 0, y: 0, width, height }));
  figure.append(svgElement('defs'));
  figure.firstChild!.appendChild(clip);
  const world = svgElement('g', { 'clip-path': 'url(#map-clip)' });
  if (ready.settings.mapTileUrl) world.append(tiles(ready.settings.mapTileUrl, projection, width, height));

  const countries = ready.topology.objects['countries'] as GeometryCollection;
  const features = (feature(ready.topology, countries) as unknown as FeatureCollection<Geometry, { name: string }>)
    .features;
  for (const country of features) {
    const id = String(country.id);
    if (!COUNTRIES[id]) continue;
    const shape = svgElement('path', { d: path(country) ?? '', class: id === VIETNAM ? 'land vietnam' : 'land' });
    world.append(shape);
  }
  const borders = mesh(ready.topology, countries, (a, b) => a !== b);
  world.append(svgElement('path', { d: path(borders) ?? '', class: 'borders' }));
  for (const [name, lon, lat] of NAMES_AT) {
    const [x, y] = projection([lon, lat])!;
    const label = svgElement('text', { x, y, class: 'country-name', 'text-anchor': 'middle' });
    label.textContent = name;
    world.append(label);
  }
  figure.append(world);

  const markers = svgElement('g', { class: 'checkpoints' });
  for (const count of counts) {
    const [x, y] = projection([count.place.longitude, count.place.latitude])!;
    const used = count.exits + count.entries > 0;
    const group = svgElement('g', {
      class: `checkpoint${used ? ' used' : ''}${count.withoutReturn ? ' no-return' : ''}`,
      transform: `translate(${x},${y})`,
      'data-checkpoint-id': count.place.id,
      tabindex: used ? 0 : -1,
      role: 'img',
      'aria-label': describeCount(count),
    });
    const title = svgElement('title');
    title.textContent = describeCount(count);
    group.append(title);
    if (count.withoutReturn) group.append(svgElement('circle', { r: 9, class: 'no-return-ring' }));
    // A checkpoint is a square; its exits and entries the timeline's triangles beside it.
    group.append(svgElement('rect', { x: -3.5, y: -3.5, width: 7, height: 7, class: 'checkpoint-mark' }));
    if (used) {
      const label = svgElement('text', { x: 10, y: 4, class: 'checkpoint-label' });
      label.textContent = `${count.place.name} ${count.exits}↑ ${count.entries}↓${count.withoutReturn ? ` ${count.withoutReturn}!` : ''}`;
      group.append(eventMark('CROSSING_EXIT', 0, -13, 0.6), label);
      group.addEventListener('click', () => workspace.chart.select(count.place.id));
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') workspace.chart.select(count.place.id);
      });
    }
    markers.append(group);
  }
  figure.append(markers);
}

function describeCount(count: CheckpointCount): string {
  const base = `${count.place.name} (${count.place.country}): ${count.exits} exits, ${count.entries} entries`;
  return count.withoutReturn ? `${base}, ${count.withoutReturn} exits without return` : base;
}

function drawTable(table: HTMLTableElement, counts: CheckpointCount[], workspace: Workspace): void {
  const tbody = table.tBodies[0]!;
  tbody.replaceChildren();
  for (const count of counts.filter((c) => c.exits + c.entries > 0).sort((a, b) => b.exits - a.exits)) {
    const row = make('tr');
    row.dataset['checkpointId'] = count.place.id;
    row.dataset['exits'] = String(count.exits);
    row.dataset['entries'] = String(count.entries);
    row.dataset['withoutReturn'] = String(count.withoutReturn);
    if (count.withoutReturn) row.className = 'no-return';
    const name = make('th');
    name.scope = 'row';
    const select = make('button', count.place.name, 'link');
    select.type = 'button';
    select.addEventListener('click', () => workspace.chart.select(count.place.id));
    name.append(select);
    row.append(name, make('td', String(count.exits)), make('td', String(count.entries)));
    row.append(make('td', count.withoutReturn ? `${count.withoutReturn} ⚠` : '0'));
    tbody.append(row);
  }
}

/**
 * The tile server's Web Mercator tiles under the boundaries, at the zoom nearest the map's scale:
 * the projection is Mercator too, so each tile is a rectangle in it.
 */
function tiles(template: string, projection: GeoProjection, width: number, height: number): SVGGElement {
  const layer = svgElement('g', { class: 'tiles' });
  const worldWidth = projection.scale() * 2 * Math.PI;
  const z = Math.max(0, Math.min(18, Math.round(Math.log2(worldWidth / 256))));
  const n = 2 ** z;
  const corner = (x: number, y: number) =>
    projection([(x / n) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI])!;
  const [west, north] = projection.invert!([0, 0])!;
  const [east, south] = projection.invert!([width, height])!;
  const tileX = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const tileY = (lat: number) =>
    Math.floor(
      ((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n,
    );
  for (let x = tileX(west); x <= tileX(east); x++) {
    for (let y = tileY(north); y <= tileY(south); y++) {
      const [left, top] = corner(x, y);
      const [right, bottom] = corner(x + 1, y + 1);
      const href = template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      layer.append(
        svgElement('image', {
          href,
          x: left,
          y: top,
          width: right - left,
          height: bottom - top,
          preserveAspectRatio: 'none',
        }),
      );
    }
  }
  return layer;
}
