import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { StoryPlace } from '../model.js';
import { activatable, fill, h, hinted, plural, s, shorten } from './dom.js';
import type { Drawn, Ui } from './main.js';

const topology = world as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
/** Most place names written on the map beside their marks; the others show on hover, like every name. */
const mostNames = 20;
/** Room kept between a name and what is around it, in pixels. */
const namePadding = 2;
/** Half the side of the square around a mark's centre that no name covers, in pixels. */
const centre = 4;
/** The least span of the map in degrees of longitude and latitude, so that one place is shown in its region. */
const minSpan = { lon: 16, lat: 10 };

/**
 * The map: Natural Earth's countries (1:110m, from world-atlas, bundled) and a mark for each place with
 * coordinates, sized by its mentions and split by the outlets that name it; places one place dispute sets
 * against each other are linked by a dashed line. Hovering or focusing a mark lists its mentions.
 */
export function renderMap(stage: HTMLElement, ui: Ui): Drawn {
  const { story } = ui;
  const places = story.places();
  const width = Math.max(480, stage.clientWidth - 24);
  const height = Math.max(360, Math.min(720, stage.clientHeight - 90, Math.round(width * 0.6)));
  // A country's point is its centre, often far from where a story happens: the map frames the other places
  // when there are any, and lists the countries whose centre falls outside it below.
  const local = places.filter((p) => p.kind !== 'country');
  const framed = local.length > 0 ? local : places;
  const lons = framed.map((p) => p.lon);
  const lats = framed.map((p) => p.lat);
  const projection = geoNaturalEarth1();
  if (places.length > 0) {
    const [west, east] = spread(Math.min(...lons), Math.max(...lons), minSpan.lon, -180, 180);
    const [south, north] = spread(Math.min(...lats), Math.max(...lats), minSpan.lat, -85, 85);
    projection.fitExtent(
      [
        [24, 24],
        [width - 24, height - 24],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [west, south],
          [east, north],
          [west, north],
          [east, south],
        ],
      },
    );
  } else projection.fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  const countries = feature(topology, topology.objects.countries);
  const borders = mesh(topology, topology.objects.countries, (a: unknown, b: unknown) => a !== b);

  const svg = s(
    'svg',
    {
      class: 'map',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'group',
      'aria-label': `Map of ${plural(places.length, 'place')}`,
    },
    s('rect', { class: 'water', x: 0, y: 0, width, height }),
    s('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }),
    s('path', { class: 'land', d: path(countries) ?? '' }),
    s('path', { class: 'borders', d: path(borders) ?? '' }),
  );
  const at = new Map<string, [number, number]>();
  const outside: StoryPlace[] = [];
  for (const p of places) {
    const point = projection([p.lon, p.lat]);
    if (point && point[0] >= 0 && point[0] <= width && point[1] >= 0 && point[1] <= height) at.set(p.id, point);
    else outside.push(p);
  }
  const disputed = new Set<string>();
  for (const link of story.model.placeLinks) {
    const a = at.get(link.from);
    const b = at.get(link.to);
    if (!a || !b) continue;
    disputed.add(link.from);
    disputed.add(link.to);
    const dispute = story.dispute.get(link.dispute);
    const line = s('line', {
      class: 'place-link',
      x1: a[0],
      y1: a[1],
      x2: b[0],
      y2: b[1],
      'data-dispute': link.dispute,
    });
    line.addEventListener('mouseenter', () =>
      ui.tooltip(
        line,
        h('div', {}, h('strong', {}, `Disputed: ${dispute?.what ?? 'where'}`), h('p', {}, dispute?.explanation ?? '')),
      ),
    );
    line.addEventListener('mouseleave', () => ui.tooltip(null));
    svg.append(line);
  }
  const largest = Math.max(1, ...places.map((p) => p.mentions));
  // Smaller marks last, so that they stay on top of larger ones nearby.
  const order = [...places].sort((a, b) => b.mentions - a.mentions);
  for (const place of order) {
    const point = at.get(place.id);
    if (point) svg.append(placeMark(ui, place, point, largest, disputed.has(place.id)));
  }
  const outlets = story.outlets();
  fill(
    stage,
    h(
      'div',
      { class: 'legend' },
      `${plural(places.length, 'place')} with coordinates; a mark's size is its mentions, its colours the outlets naming it`,
      story.model.placeLinks.length > 0 ? ' · dashed lines join places that sources put a happening in' : '',
      ' · ',
      // Each colour stays on one line with its outlet's name.
      ...outlets.slice(0, 12).map((o) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = story.colour(o);
        return h('span', { class: 'key' }, swatch, o);
      }),
      outlets.length > 12 ? `and ${outlets.length - 12} more (the chips above)` : '',
    ),
    places.length === 0 ? h('p', { class: 'empty' }, 'No place with coordinates under this filter.') : null,
    h('div', { class: 'map-frame' }, svg),
    outside.length > 0
      ? h(
          'p',
          { class: 'outside' },
          'Also named, centred outside this view: ',
          ...outside.map((p) => placeButton(ui, p)),
        )
      : null,
    h('p', { class: 'credit' }, 'Country shapes: Natural Earth (public domain), via world-atlas.'),
  );
  // Names are measured as drawn, so they are placed once the map is in the page.
  const marks = order.flatMap((place) => {
    const point = at.get(place.id);
    return point ? [{ place, point, r: radius(place, largest) }] : [];
  });
  nameMarks(svg, marks, width, height);
  return { dispose() {} };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Write names beside marks, most mentioned first: each goes right of its mark, else left, above or below, where it
 * covers no other mark's centre and no name already written, inside the map. A name with no such spot is left off (the
 * mark's hover names the place), so names never overlap, and a lesser-mentioned place gives way.
 */
function nameMarks(
  svg: SVGElement,
  marks: { place: StoryPlace; point: [number, number]; r: number }[],
  width: number,
  height: number,
): void {
  // A name may lie over the edge of another mark, never over its centre: every mark stays in sight to hover.
  const centres = marks.map(({ point: [x, y] }) => ({ x: x - centre, y: y - centre, w: 2 * centre, h: 2 * centre }));
  const taken: Box[] = [];
  marks.forEach(({ place, point: [x, y], r }, k) => {
    if (taken.length >= mostNames) return;
    const text = s('text', { class: 'place-name', 'data-place-name': place.id, x: 0, y: 0 }, place.name);
    svg.append(text);
    const measured = (text as SVGTextElement).getBBox();
    // Not laid out (a hidden page): an estimate from the font size.
    const w = measured.width > 0 ? measured.width : place.name.length * 7;
    const h = measured.height > 0 ? measured.height : 15;
    const ascent = measured.height > 0 ? -measured.y : 11;
    const gap = r + 3;
    const spots: Box[] = [
      { x: x + gap, y: y - h / 2, w, h },
      { x: x - gap - w, y: y - h / 2, w, h },
      { x: x - w / 2, y: y - gap - h, w, h },
      { x: x - w / 2, y: y + gap, w, h },
    ];
    const spot = spots.find(
      (b) =>
        b.x >= 0 &&
        b.y >= 0 &&
        b.x + b.w <= width &&
        b.y + b.h <= height &&
        !taken.some((t) => meets(t, b)) &&
        !centres.some((m, i) => i !== k && meets(m, b)),
    );
    if (!spot) {
      text.remove();
      return;
    }
    text.setAttribute('x', String(spot.x));
    text.setAttribute('y', String(spot.y + ascent));
    taken.push(spot);
  });
}

/** Whether two boxes come closer than the padding kept between names. */
function meets(a: Box, b: Box): boolean {
  const p = namePadding;
  return a.x < b.x + b.w + p && b.x < a.x + a.w + p && a.y < b.y + b.h + p && b.y < a.y + a.h + p;
}

function radius(place: StoryPlace, largest: number): number {
  return 4 + 14 * Math.sqrt(place.mentions / largest);
}

function placeMark(ui: Ui, place: StoryPlace, [cx, cy]: [number, number], largest: number, disputed: boolean) {
  const { story } = ui;
  const r = radius(place, largest);
  const picked = story.filter.place === place.id;
  const g = s('g', {
    class: `place${disputed ? ' disputed' : ''}${picked ? ' picked' : ''}`,
    'data-place': place.id,
    tabIndex: 0,
    role: 'button',
    'aria-label': `${place.name}${place.where ? `, ${place.where}` : ''}: ${plural(place.mentions, 'mention')} by ${place.outlets.map((o) => o.outlet).join(', ')}`,
  });
  const total = place.outlets.reduce((n, o) => n + o.mentions, 0);
  if (place.outlets.length <= 1) {
    const circle = s('circle', { cx, cy, r, class: 'slice' });
    circle.setAttribute('fill', story.colour(place.outlets[0]?.outlet ?? ''));
    g.append(circle);
  } else {
    let angle = -Math.PI / 2;
    for (const o of place.outlets) {
      const sweep = (2 * Math.PI * o.mentions) / total;
      const end = angle + sweep;
      const slice = s('path', {
        class: 'slice',
        d: `M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${cx + r * Math.cos(end)},${cy + r * Math.sin(end)} Z`,
      });
      slice.setAttribute('fill', story.colour(o.outlet));
      g.append(slice);
      angle = end;
    }
  }
  g.append(s('circle', { cx, cy, r, class: 'rim' }));
  interactive(ui, place, g);
  return g;
}

/** A place whose point lies outside the view, as a button that tells and lists its mentions like a mark. */
function placeButton(ui: Ui, place: StoryPlace): HTMLElement {
  const button = h(
    'button',
    { class: 'chip', 'data-place': place.id },
    h('span', { class: 'swatch', 'aria-hidden': 'true' }),
    `${place.name} (${place.mentions})`,
  );
  (button.firstChild as HTMLElement).style.background = ui.story.colour(place.outlets[0]?.outlet ?? '');
  interactive(ui, place, button);
  return button;
}

/** Hover or focus lists a place's mentions; click or Enter shows them all beside the view. */
function interactive(ui: Ui, place: StoryPlace, g: Element): void {
  const tip = () =>
    h(
      'div',
      {},
      h('strong', {}, place.name),
      place.where ? ` (${place.where})` : '',
      h(
        'p',
        {},
        `${plural(place.mentions, 'mention')}: ${place.outlets.map((o) => `${o.outlet} ${o.mentions}`).join(', ')}`,
      ),
      h('ul', {}, ...place.samples.slice(0, 5).map((m) => h('li', {}, `${m.outlet}: ${snippet(m)}`))),
      place.mentions > 5 ? h('p', {}, 'Enter or click for every mention kept') : null,
    );
  const open = () =>
    ui.showDetail(
      place.name,
      h('p', { class: 'meta' }, `${place.where ? `${place.where} · ` : ''}${plural(place.mentions, 'mention')}`),
      ...place.samples.map((m) =>
        h(
          'button',
          { class: 'mention', onclick: () => ui.openPassage(m.article, m.start, m.end, m.passage) },
          h('span', { class: 'speaker' }, m.outlet),
          h('span', { class: 'said' }, snippet(m)),
        ),
      ),
      place.mentions > place.samples.length
        ? h('p', { class: 'meta' }, `and ${place.mentions - place.samples.length} more mentions`)
        : null,
    );
  hinted(g, ui.tooltip, tip);
  activatable(g, open);
}

/** The words around a mention. */
function snippet(m: StoryPlace['samples'][number]): string {
  const from = Math.max(0, m.start - m.passage.at);
  const to = Math.max(from, m.end - m.passage.at);
  const before = m.passage.text.slice(Math.max(0, from - 60), from);
  const after = m.passage.text.slice(to, to + 60);
  return shorten(`…${before}${m.passage.text.slice(from, to)}${after}…`, 140);
}

/** A range widened around its middle to at least `least`, kept within `[floor, ceiling]`. */
function spread(lo: number, hi: number, least: number, floor: number, ceiling: number): [number, number] {
  const pad = Math.max(0, least - (hi - lo)) / 2 + (hi - lo) * 0.08;
  return [Math.max(floor, lo - pad), Math.min(ceiling, hi + pad)];
}
