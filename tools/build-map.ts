// Builds assets/map.json, the game's map, from Natural Earth 1:50m country shapes (world-atlas).
//
//   npm run build:map [-- --out PATH]
//
// The shapes are projected (conformal conic, fitted to north-east Asia), simplified arc by arc in
// projected pixels (so that shared borders stay shared), clipped to the frame and rounded to half pixels.
// The output is deterministic: the same input gives the same bytes. The places, routes and the front
// line are written here by hand, in longitude/latitude, and projected with the same projection.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoConicConformal, type GeoProjection } from 'd3-geo';
import type { Topology, GeometryObject, Polygon, MultiPolygon } from 'topojson-specification';
import type {
  InsetStateId,
  MapData,
  MapPlace,
  MapRoute,
  MapState,
  PlaceKind,
  StateId,
} from '../src/map/mapData.ts';
import { pointInRing } from '../src/map/geometry.ts';
import { parseMapData } from '../src/map/mapData.ts';

type LonLat = [number, number];
type XY = [number, number];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// What goes on the map

/** The main frame, in degrees: the Korean peninsula, north-east China, the Russian Far East, Japan. */
const FRAME = { west: 110, east: 146, south: 30, north: 55 };
const WIDTH = 1000;
/** Points closer than this (in frame pixels) are dropped; then Douglas–Peucker at DP_TOLERANCE. */
const MIN_DISTANCE = 0.7;
const DP_TOLERANCE = 0.45;
/** Rings smaller than this (square frame pixels) are dropped: islands too small to see. */
const MIN_AREA = 2;

/** ISO 3166 numeric codes (world-atlas ids) of the named states. Everything else is 'other'. */
const MAIN_STATES: Record<string, { id: StateId; name: string; label: LonLat }> = {
  '408': { id: 'dprk', name: 'North Korea', label: [126.9, 40.35] },
  '410': { id: 'rok', name: 'South Korea', label: [128.15, 36.3] },
  '156': { id: 'china', name: 'China', label: [124.6, 46.2] },
  '643': { id: 'russia', name: 'Russia', label: [134.5, 53.6] },
  '392': { id: 'japan', name: 'Japan', label: [138.3, 36.4] },
  '496': { id: 'mongolia', name: 'Mongolia', label: [113.6, 47.6] },
};
const STATE_ORDER: StateId[] = ['other', 'mongolia', 'china', 'russia', 'japan', 'rok', 'dprk'];

const PLACES: { id: string; name: string; at: LonLat; kind: PlaceKind }[] = [
  { id: 'pyongyang', name: 'Pyongyang', at: [125.7625, 39.0392], kind: 'capital' },
  { id: 'seoul', name: 'Seoul', at: [126.978, 37.5665], kind: 'capital' },
  { id: 'beijing', name: 'Beijing', at: [116.4074, 39.9042], kind: 'capital' },
  { id: 'tokyo', name: 'Tokyo', at: [139.6917, 35.6895], kind: 'capital' },
  { id: 'vladivostok', name: 'Vladivostok', at: [131.8855, 43.1155], kind: 'city' },
  { id: 'vostochny', name: 'Vostochny Cosmodrome', at: [128.333, 51.884], kind: 'site' },
  { id: 'rajin', name: 'Rajin', at: [130.29, 42.245], kind: 'port' },
  { id: 'khasan-tumangang', name: 'Khasan–Tumangang', at: [130.638, 42.422], kind: 'crossing' },
];
const at = (id: string): LonLat => PLACES.find((p) => p.id === id)!.at;

// Railway lines through their main stations (approximate at this scale).
const PYONGYANG_TO_KHASAN: LonLat[] = [
  at('pyongyang'),
  [126.23, 39.28], // Sinsongchon
  [126.62, 39.2], // Yangdok
  [127.25, 39.43], // Kowon
  [127.54, 39.92], // Hamhung
  [128.18, 40.04], // Sinpo
  [128.91, 40.46], // Tanchon
  [129.2, 40.68], // Kimchaek
  [129.33, 40.97], // Kilju
  [129.72, 41.36], // Orang
  [129.78, 41.79], // Chongjin
  [130.15, 42.08], // Unggi coast line
  at('rajin'),
  [130.4, 42.33], // Sonbong
  [130.61, 42.41], // Tumangang
  at('khasan-tumangang'),
  [130.66, 42.44], // Khasan
];
const KHASAN_TO_BARANOVSKY: LonLat[] = [
  [130.8, 42.72], // Kraskino
  [131.1, 42.93], // Bamburovo
  [131.47, 43.19], // Barabash
  [131.93, 43.4], // Baranovsky junction
];
const BARANOVSKY_TO_VLADIVOSTOK: LonLat[] = [
  [132.05, 43.32], // Ugolnaya
  [131.97, 43.2], // Sedanka
  at('vladivostok'),
];
const USSURIYSK_TO_BELOGORSK: LonLat[] = [
  [131.95, 43.8], // Ussuriysk
  [132.81, 44.59], // Spassk-Dalny
  [133.41, 45.47], // Lesozavodsk
  [134.26, 46.8], // Bikin
  [134.75, 47.53], // Vyazemsky
  [135.07, 48.48], // Khabarovsk
  [132.93, 48.79], // Birobidzhan
  [131.06, 49.02], // Obluchye
  [130.08, 49.42], // Arkhara
  [129.44, 50.11], // Zavitinsk
  [128.47, 50.92], // Belogorsk
];
const BELOGORSK_TO_WEST: LonLat[] = [
  [128.13, 51.38], // Svobodny
  [127.67, 52.0], // Shimanovsk
  [125.8, 53.45], // Magdagachi
  [123.92, 53.99], // Skovorodino
  [121.97, 53.96], // Yerofey Pavlovich
  [119.75, 53.74], // Mogocha
  [116.52, 52.52], // Chernyshevsk
  [115.55, 51.65], // Shilka area
  [113.5, 52.03], // Chita
  [110.46, 51.35], // Khilok
  [107.58, 51.83], // Ulan-Ude
  [104.3, 52.29], // Irkutsk
  [100.6, 54.56], // Tulun
  [98.0, 55.94], // Tayshet
  [92.87, 56.01], // Krasnoyarsk (beyond the frame: the line is clipped at its edge)
];

const ROUTES: { id: string; name: string; kind: 'rail' | 'sea'; line: LonLat[] }[] = [
  {
    id: 'rail-pyongyang-vladivostok',
    name: 'Rail: Pyongyang – Tumangang–Khasan – Vladivostok',
    kind: 'rail',
    line: [...PYONGYANG_TO_KHASAN, ...KHASAN_TO_BARANOVSKY, ...BARANOVSKY_TO_VLADIVOSTOK],
  },
  {
    id: 'sea-rajin-vladivostok',
    name: 'Sea: Rajin – Vladivostok',
    kind: 'sea',
    line: [
      at('rajin'),
      [130.42, 42.16],
      [130.85, 42.2],
      [131.35, 42.42],
      [131.75, 42.72],
      [131.95, 42.95],
      [131.92, 43.06],
      at('vladivostok'),
    ],
  },
  {
    id: 'rail-armoured-train',
    name: 'The armoured train: Pyongyang – Khasan – Khabarovsk – Vostochny',
    kind: 'rail',
    line: [
      ...PYONGYANG_TO_KHASAN,
      ...KHASAN_TO_BARANOVSKY,
      ...USSURIYSK_TO_BELOGORSK,
      [128.13, 51.38], // Svobodny
      [128.2, 51.68], // Ledyanaya
      at('vostochny'),
    ],
  },
  {
    id: 'rail-vladivostok-west',
    name: 'Trans-Siberian: Vladivostok – westward to the front',
    kind: 'rail',
    line: [
      at('vladivostok'),
      ...reversed(BARANOVSKY_TO_VLADIVOSTOK).slice(1),
      [131.93, 43.4], // Baranovsky
      ...USSURIYSK_TO_BELOGORSK,
      ...BELOGORSK_TO_WEST,
    ],
  },
];

/** The inset: Ukraine and western Russia, with the front as it stood in autumn 2023 (approximate). */
const INSET_FRAME = { west: 22, east: 46, south: 43.5, north: 57 };
const INSET_WIDTH = 300;
const INSET_STATES: Record<string, { id: InsetStateId; name: string; label: LonLat }> = {
  '804': { id: 'ukraine', name: 'Ukraine', label: [31.2, 49.0] },
  '643': { id: 'russia', name: 'Russia', label: [41.0, 53.2] },
};
const INSET_PLACES: { id: string; name: string; at: LonLat; kind: PlaceKind }[] = [
  { id: 'kyiv', name: 'Kyiv', at: [30.5234, 50.4501], kind: 'capital' },
  { id: 'moscow', name: 'Moscow', at: [37.6173, 55.7558], kind: 'capital' },
];
const SIMFEROPOL: LonLat = [34.1, 44.95];
const FRONT_2023: LonLat[] = [
  [37.92, 50.08], // the border north-east of Kupiansk
  [37.8, 49.85],
  [38.05, 49.45], // west of Svatove
  [38.15, 49.03], // Kreminna
  [38.05, 48.8],
  [37.98, 48.59], // Bakhmut
  [37.8, 48.35],
  [37.72, 48.13], // Avdiivka
  [37.5, 47.96], // Marinka
  [37.25, 47.78], // Vuhledar
  [36.85, 47.8], // Velyka Novosilka
  [36.26, 47.62], // Huliaipole
  [35.92, 47.45], // Robotyne
  [35.4, 47.5],
  [34.65, 47.55], // along the Dnipro
  [33.95, 47.1],
  [33.35, 46.76], // Nova Kakhovka
  [32.62, 46.62], // Kherson
  [31.95, 46.55], // the Dnipro's mouth
];

// ---------------------------------------------------------------------------------------------
// Geometry helpers (all in projected pixels)

function frameOutline(f: typeof FRAME): LonLat[] {
  const pts: LonLat[] = [];
  for (let lon = f.west; lon <= f.east; lon += 0.5) pts.push([lon, f.south], [lon, f.north]);
  for (let lat = f.south; lat <= f.north; lat += 0.5) pts.push([f.west, lat], [f.east, lat]);
  return pts;
}

/** A conformal conic projection fitted to `width` pixels across the frame; returns it and the height. */
function fitProjection(f: typeof FRAME, width: number, parallels: [number, number]) {
  const centre = (f.west + f.east) / 2;
  const projection = geoConicConformal()
    .parallels(parallels)
    .rotate([-centre, 0])
    .fitWidth(width, { type: 'MultiPoint', coordinates: frameOutline(f) });
  let maxY = 0;
  for (const p of frameOutline(f)) maxY = Math.max(maxY, projection(p)![1]);
  return { projection, height: Math.round(maxY) };
}

function project(projection: GeoProjection, p: LonLat): XY {
  const xy = projection(p);
  if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) throw new Error(`cannot project ${p}`);
  return [xy[0], xy[1]];
}

const round1 = (v: number) => Math.round(v * 2) / 2 + 0; // half pixels; + 0 turns -0 into 0

function perpendicularDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function douglasPeucker(points: XY[], tolerance: number): XY[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxDist = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > maxDist) {
        maxDist = d;
        index = i;
      }
    }
    if (index >= 0 && maxDist > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Drops points closer than `minDistance` to the last kept one, always keeping both ends. */
function radialDistance(points: XY[], minDistance: number): XY[] {
  if (points.length <= 2) return points;
  const out: XY[] = [points[0]!];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const q = out[out.length - 1]!;
    if (Math.hypot(p[0] - q[0], p[1] - q[1]) >= minDistance) out.push(p);
  }
  out.push(points[points.length - 1]!);
  return out;
}

function simplifyLine(points: XY[], scale: number): XY[] {
  return douglasPeucker(radialDistance(points, MIN_DISTANCE * scale), DP_TOLERANCE * scale);
}

/** Sutherland–Hodgman clipping of a closed ring against the rectangle [0, w] × [0, h]. */
function clipRing(ring: XY[], w: number, h: number): XY[] {
  type Edge = { inside: (p: XY) => boolean; cut: (a: XY, b: XY) => XY };
  const edges: Edge[] = [
    { inside: (p) => p[0] >= 0, cut: (a, b) => [0, a[1] + ((b[1] - a[1]) * (0 - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[0] <= w, cut: (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[1] >= 0, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (0 - a[1])) / (b[1] - a[1]), 0] },
    { inside: (p) => p[1] <= h, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (h - a[1])) / (b[1] - a[1]), h] },
  ];
  let out = ring;
  for (const edge of edges) {
    const input = out;
    out = [];
    if (input.length === 0) break;
    let prev = input[input.length - 1]!;
    for (const cur of input) {
      const curIn = edge.inside(cur);
      const prevIn = edge.inside(prev);
      if (curIn) {
        if (!prevIn) out.push(edge.cut(prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(edge.cut(prev, cur));
      }
      prev = cur;
    }
  }
  return out;
}

/** Clips an open polyline to the rectangle, keeping its first stretch inside (it must start inside). */
function clipLine(line: XY[], w: number, h: number): XY[] {
  const inside = (p: XY) => p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;
  if (!inside(line[0]!)) throw new Error('a route must start inside the frame');
  const out: XY[] = [line[0]!];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    if (inside(b)) {
      out.push(b);
      continue;
    }
    // Leaves the frame between a and b: find where (Liang–Barsky, exit parameter only).
    let tExit = 1;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    for (const [p, q] of [
      [-dx, a[0]],
      [dx, w - a[0]],
      [-dy, a[1]],
      [dy, h - a[1]],
    ] as const) {
      if (p > 0) tExit = Math.min(tExit, q / p);
    }
    out.push([a[0] + tExit * dx, a[1] + tExit * dy]);
    break;
  }
  return out;
}

function ringArea(ring: XY[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return a / 2;
}

/** Rounds to 0.1 px and drops repeated points (and a closing point equal to the first). */
function roundRing(ring: XY[], closed: boolean): XY[] {
  const out: XY[] = [];
  for (const [x, y] of ring) {
    const p: XY = [round1(x), round1(y)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  if (closed && out.length > 1) {
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) out.pop();
  }
  return out;
}

/** Drops points lying on a straight line between their neighbours (what clipping leaves on the edges). */
function dropCollinear(ring: XY[]): XY[] {
  if (ring.length < 4) return ring;
  const out: XY[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[(i + n - 1) % n]!;
    const b = ring[i]!;
    const c = ring[(i + 1) % n]!;
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    const onEdge = (a[0] === b[0] && b[0] === c[0]) || (a[1] === b[1] && b[1] === c[1]);
    if (cross !== 0 || !onEdge) out.push(b);
  }
  return out;
}

function reversed<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = items.length - 1; i >= 0; i--) out.push(items[i]!);
  return out;
}

const pointCount = (rings: number[][]) => rings.reduce((n, r) => n + r.length / 2, 0);

const flat = (points: XY[]) => points.flatMap(([x, y]) => [x, y]);

// ---------------------------------------------------------------------------------------------
// The world-atlas topology

function loadTopology(): Topology {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology;
}

/** Absolute longitude/latitude of every arc (TopoJSON stores them quantised and delta-encoded). */
function decodeArcs(topology: Topology): LonLat[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((position) => {
      if (!t) return [position[0]!, position[1]!] as LonLat;
      x += position[0]!;
      y += position[1]!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as LonLat;
    });
  });
}

function polygonsOf(geometry: GeometryObject): number[][][] {
  if (geometry.type === 'Polygon') return [(geometry as Polygon).arcs];
  if (geometry.type === 'MultiPolygon') return (geometry as MultiPolygon).arcs;
  return [];
}

interface Shaped {
  name: string;
  rings: XY[][];
}

/**
 * Projects, simplifies (per arc, so neighbours share their border exactly), clips and rounds every
 * country of the topology that reaches into the frame.
 */
function shapeCountries(
  topology: Topology,
  arcs: LonLat[][],
  projection: GeoProjection,
  width: number,
  height: number,
  scale: number,
  near: (lonLat: LonLat) => boolean,
): Map<string, Shaped> {
  const projectedArcs = new Map<number, XY[]>();
  const arcPoints = (index: number): XY[] => {
    const i = index < 0 ? ~index : index;
    let pts = projectedArcs.get(i);
    if (!pts) {
      pts = simplifyLine(
        arcs[i]!.map((p) => project(projection, p)),
        scale,
      );
      projectedArcs.set(i, pts);
    }
    return index < 0 ? reversed(pts) : pts;
  };
  const out = new Map<string, Shaped>();
  const countries = topology.objects.countries as { geometries: GeometryObject[] };
  for (const geometry of countries.geometries) {
    const id = String(geometry.id ?? '');
    const name = String((geometry.properties as { name?: string } | undefined)?.name ?? id);
    const polygons = polygonsOf(geometry);
    // Skip countries nowhere near the frame (the projection explodes towards the south pole).
    const isNear = polygons.some((polygon) =>
      polygon.some((ring) => ring.some((a) => arcs[a < 0 ? ~a : a]!.some(near))),
    );
    if (!isNear) continue;
    const rings: XY[][] = [];
    for (const polygon of polygons) {
      for (const ringArcs of polygon) {
        const ring: XY[] = [];
        for (const a of ringArcs) {
          const pts = arcPoints(a);
          ring.push(...(ring.length > 0 ? pts.slice(1) : pts));
        }
        const clipped = dropCollinear(roundRing(clipRing(ring, width, height), true));
        if (clipped.length >= 3 && Math.abs(ringArea(clipped)) >= MIN_AREA * scale * scale)
          rings.push(clipped);
      }
    }
    if (rings.length > 0) out.set(id, { name, rings });
  }
  return out;
}

function nearFrame(f: typeof FRAME, margin: number) {
  return ([lon, lat]: LonLat) =>
    lon >= f.west - margin && lon <= f.east + margin && lat >= f.south - margin && lat <= f.north + margin;
}

// ---------------------------------------------------------------------------------------------
// The build

export function buildMap(): MapData {
  const topology = loadTopology();
  const arcs = decodeArcs(topology);

  const main = fitProjection(FRAME, WIDTH, [35, 50]);
  const shapes = shapeCountries(topology, arcs, main.projection, WIDTH, main.height, 1, nearFrame(FRAME, 12));
  const states: MapState[] = [];
  for (const [code, shape] of shapes) {
    const known = MAIN_STATES[code];
    const label = known ? project(main.projection, known.label) : centreOfLargestRing(shape.rings);
    states.push({
      id: known?.id ?? 'other',
      name: known?.name ?? shape.name,
      rings: shape.rings.map(flat),
      label: [round1(label[0]), round1(label[1])],
    });
  }
  states.sort(
    (a, b) =>
      STATE_ORDER.indexOf(a.id) - STATE_ORDER.indexOf(b.id) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );

  const toPlace =
    (projection: GeoProjection) =>
    (p: (typeof PLACES)[number]): MapPlace => {
      const [x, y] = project(projection, p.at);
      return { id: p.id, name: p.name, x: round1(x), y: round1(y), kind: p.kind };
    };
  const places = PLACES.map(toPlace(main.projection));
  const routes: MapRoute[] = ROUTES.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    points: flat(
      roundRing(
        clipLine(
          r.line.map((p) => project(main.projection, p)),
          WIDTH,
          main.height,
        ),
        false,
      ),
    ),
  }));

  const inset = fitProjection(INSET_FRAME, INSET_WIDTH, [45, 55]);
  // Tolerances in the inset's own pixels: it is drawn at about its own size.
  const insetShapes = shapeCountries(
    topology,
    arcs,
    inset.projection,
    INSET_WIDTH,
    inset.height,
    1,
    nearFrame(INSET_FRAME, 12),
  );
  // Natural Earth draws borders as they are held: Crimea is part of Russia's shape. The inset shows
  // Ukraine within its internationally recognised borders, and the front line shows who holds what.
  const russia = insetShapes.get('643');
  const ukraine = insetShapes.get('804');
  if (russia && ukraine) {
    const [cx, cy] = project(inset.projection, SIMFEROPOL);
    const crimea = russia.rings.filter((ring) => pointInRing(cx, cy, flat(ring)));
    if (crimea.length !== 1) throw new Error(`expected one ring around Simferopol, found ${crimea.length}`);
    russia.rings = russia.rings.filter((ring) => !crimea.includes(ring));
    ukraine.rings.push(...crimea);
  }
  const insetStates: MapState<InsetStateId>[] = [];
  for (const [code, shape] of insetShapes) {
    const known = INSET_STATES[code];
    const label = known ? project(inset.projection, known.label) : centreOfLargestRing(shape.rings);
    insetStates.push({
      id: known?.id ?? 'other',
      name: known?.name ?? shape.name,
      rings: shape.rings.map(flat),
      label: [round1(label[0]), round1(label[1])],
    });
  }
  const insetOrder: InsetStateId[] = ['other', 'russia', 'ukraine'];
  insetStates.sort(
    (a, b) =>
      insetOrder.indexOf(a.id) - insetOrder.indexOf(b.id) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );

  return {
    width: WIDTH,
    height: main.height,
    states,
    places,
    routes,
    inset: {
      title: 'The front in Ukraine, autumn 2023',
      width: INSET_WIDTH,
      height: inset.height,
      states: insetStates,
      front: flat(
        roundRing(
          FRONT_2023.map((p) => project(inset.projection, p)),
          false,
        ),
      ),
      places: INSET_PLACES.map(toPlace(inset.projection)),
    },
  };
}

function centreOfLargestRing(rings: XY[][]): XY {
  let best = rings[0]!;
  for (const r of rings) if (Math.abs(ringArea(r)) > Math.abs(ringArea(best))) best = r;
  let x = 0;
  let y = 0;
  for (const p of best) {
    x += p[0];
    y += p[1];
  }
  return [x / best.length, y / best.length];
}

/** The JSON text, minified: it ships to every player (prettier leaves the file alone). */
export async function mapJson(data: MapData): Promise<string> {
  return `${JSON.stringify(data)}\n`;
}

async function run() {
  const args = process.argv.slice(2);
  let out = resolve(ROOT, 'assets/map.json');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1]) out = resolve(args[++i]!);
    else {
      process.stderr.write('usage: npm run build:map [-- --out PATH]\n');
      process.exit(2);
    }
  }
  const data = buildMap();
  const checked = parseMapData(data);
  if (typeof checked === 'string') throw new Error(`the built map does not validate: ${checked}`);
  const text = await mapJson(data);
  writeFileSync(out, text);
  const mainPoints = data.states.reduce((n, s) => n + pointCount(s.rings), 0);
  const insetPoints = data.inset.states.reduce((n, s) => n + pointCount(s.rings), 0);
  process.stderr.write(
    `wrote ${out}: ${data.width}×${data.height} px, ${data.states.length} shapes (${mainPoints} points), ` +
      `inset ${data.inset.width}×${data.inset.height} (${insetPoints} points); ` +
      `${text.length} bytes, ${gzipSync(text, { level: 9 }).length} gzipped\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run();
}
