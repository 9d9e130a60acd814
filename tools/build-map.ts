// Builds assets/map.json, the game's map, from Natural Earth 1:50m country shapes (world-atlas).
//
//   npm run build:map [-- --out PATH]
//
// The shapes are projected (conformal conic, fitted to north-east Asia), simplified arc by arc in
// projected pixels (so that shared borders stay shared), clipped to the frame and rounded to half pixels.
// The places, routes and the front line are written here by hand, in longitude/latitude, and
// projected with the same projection. The file stores the outlines as shared arcs of whole half
// pixels, delta-encoded (format 2: src/map/mapArcs.ts, tools/map/encode.ts), and decodes to exactly
// what buildMap() returns. The output is deterministic: the same input gives the same bytes.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { GeoProjection } from 'd3-geo';
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
import { lonLatArcs, loadTopology, nearFrame, shapeCountries } from './map/countries.ts';
import { encodeMap } from './map/encode.ts';
import {
  centreOfLargestRing,
  clipLine,
  fitProjection,
  flat,
  project,
  reversed,
  round1,
  roundRing,
  type Frame,
  type LonLat,
} from './map/geometry.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// What goes on the map

/** The main frame, in degrees: the Korean peninsula, north-east China, the Russian Far East, Japan. */
const FRAME: Frame = { west: 110, east: 146, south: 30, north: 55 };
const WIDTH = 1000;

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
const INSET_FRAME: Frame = { west: 22, east: 46, south: 43.5, north: 57 };
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
// The build

export function buildMap(): MapData {
  const topology = loadTopology();
  const arcs = lonLatArcs(topology);

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

/**
 * The JSON text of assets/map.json: the map encoded (format 2, tools/map/encode.ts), minified, as it
 * ships to every player (prettier leaves the file alone). Throws if decoding the text would not give
 * back exactly `data`, so that the build can never write a map that draws differently.
 */
export async function mapJson(data: MapData): Promise<string> {
  const text = `${JSON.stringify(encodeMap(data))}\n`;
  const decoded = parseMapData(JSON.parse(text));
  if (typeof decoded === 'string') throw new Error(`the built map does not validate: ${decoded}`);
  if (!isDeepStrictEqual(decoded, data)) throw new Error('the encoded map does not decode to the built one');
  return text;
}

const pointCount = (rings: number[][]) => rings.reduce((n, r) => n + r.length / 2, 0);

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
  const text = await mapJson(data);
  writeFileSync(out, text);
  const mainPoints = data.states.reduce((n, s) => n + pointCount(s.rings), 0);
  const insetPoints = data.inset.states.reduce((n, s) => n + pointCount(s.rings), 0);
  process.stderr.write(
    `wrote ${out}: ${data.width}×${data.height} px, ${data.states.length} shapes (${mainPoints} points), ` +
      `inset ${data.inset.width}×${data.inset.height} (${insetPoints} points); ` +
      `${text.length} bytes, ${gzipSync(text, { level: 6 }).length} gzipped\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run();
}
