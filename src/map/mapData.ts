// The map's data as the game uses it (MapData), the shape of assets/map.json (MapFile, written by
// tools/build-map.ts) and parseMapData, which checks the file and decodes it into MapData once.
// All coordinates are projected pixels in the map's own frame (0..width, 0..height, y down); rings
// and lines are flat [x0, y0, x1, y1, ...] arrays. In the file, the states' rings are stored as
// shared arcs of whole half pixels, delta-encoded, in base-64 digits (format 2: see mapArcs.ts);
// labels, places, routes and the front are written as they are used.
import { MAP_FORMAT, decodeArcs, decodeRing } from './mapArcs.ts';

export const STATE_IDS = ['dprk', 'rok', 'china', 'russia', 'japan', 'mongolia', 'other'] as const;
export type StateId = (typeof STATE_IDS)[number];

export const INSET_STATE_IDS = ['ukraine', 'russia', 'other'] as const;
export type InsetStateId = (typeof INSET_STATE_IDS)[number];

export const PLACE_KINDS = ['capital', 'city', 'site', 'port', 'crossing'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const ROUTE_KINDS = ['rail', 'sea'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface MapState<Id extends string = StateId> {
  id: Id;
  name: string;
  /** Closed rings (first point not repeated), each a flat [x0, y0, x1, y1, ...] array. */
  rings: number[][];
  /** Where the state's name goes. */
  label: [number, number];
}

export interface MapPlace {
  id: string;
  name: string;
  x: number;
  y: number;
  kind: PlaceKind;
}

export interface MapRoute {
  id: string;
  name: string;
  kind: RouteKind;
  /** An open polyline, flat [x0, y0, x1, y1, ...], from the route's start to its end. */
  points: number[];
}

export interface MapInset {
  title: string;
  width: number;
  height: number;
  states: MapState<InsetStateId>[];
  /** The front line, an open polyline. */
  front: number[];
  places: MapPlace[];
}

export interface MapData {
  width: number;
  height: number;
  states: MapState[];
  places: MapPlace[];
  routes: MapRoute[];
  inset: MapInset;
}

/** A state as assets/map.json stores it: each ring a list of references to its frame's arcs. */
export interface MapFileState<Id extends string = StateId> extends Omit<MapState<Id>, 'rings'> {
  rings: number[][];
}

/** assets/map.json: MapData with each frame's outlines as arcs (half pixels, delta-encoded). */
export interface MapFile extends Omit<MapData, 'states' | 'inset'> {
  format: typeof MAP_FORMAT;
  /** The arcs, each a string of base-64 digits (see mapArcs.ts). */
  arcs: string[];
  states: MapFileState[];
  inset: Omit<MapInset, 'states'> & { arcs: string[]; states: MapFileState<InsetStateId>[] };
}

/** The places and routes the game refers to by id; the build writes them and the tests check them. */
export const REQUIRED_PLACES = [
  'pyongyang',
  'seoul',
  'beijing',
  'tokyo',
  'vladivostok',
  'vostochny',
  'rajin',
  'khasan-tumangang',
] as const;
export const REQUIRED_ROUTES = [
  'rail-pyongyang-vladivostok',
  'sea-rajin-vladivostok',
  'rail-armoured-train',
  'rail-vladivostok-west',
] as const;

type Check = string | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkFlat(v: unknown, where: string, minPoints: number): Check {
  if (!Array.isArray(v)) return `${where}: not an array`;
  if (v.length % 2 !== 0) return `${where}: odd number of coordinates`;
  if (v.length < minPoints * 2) return `${where}: fewer than ${minPoints} points`;
  for (const n of v) if (!isNumber(n)) return `${where}: a coordinate is not a finite number`;
  return null;
}

function checkFormat(v: unknown): Check {
  if (v === MAP_FORMAT) return null;
  const rebuild = 'rebuild it with npm run build:map';
  if (v === undefined)
    return `map.format: missing, so this map file is from before format ${MAP_FORMAT}; ${rebuild}`;
  return `map.format: ${JSON.stringify(v)}, but this game reads format ${MAP_FORMAT}; ${rebuild}`;
}

/** Checks a frame's states and decodes their rings from the frame's (decoded) arcs. */
function decodeStates<Id extends string>(
  v: unknown,
  ids: readonly Id[],
  arcs: readonly number[][],
  where: string,
): MapState<Id>[] | string {
  if (!Array.isArray(v) || v.length === 0) return `${where}: not a non-empty array`;
  const states: MapState<Id>[] = [];
  for (const [i, s] of v.entries()) {
    const at = `${where}[${i}]`;
    if (!isObject(s)) return `${at}: not an object`;
    if (typeof s.id !== 'string' || !(ids as readonly string[]).includes(s.id))
      return `${at}.id: not one of ${ids.join(', ')}`;
    if (typeof s.name !== 'string') return `${at}.name: not a string`;
    if (!Array.isArray(s.rings) || s.rings.length === 0) return `${at}.rings: not a non-empty array`;
    const rings: number[][] = [];
    for (const [j, refs] of s.rings.entries()) {
      const ring = decodeRing(refs, arcs, `${at}.rings[${j}]`);
      if (typeof ring === 'string') return ring;
      const bad = checkFlat(ring, `${at}.rings[${j}]`, 3);
      if (bad) return bad;
      rings.push(ring);
    }
    const bad = checkFlat(s.label, `${at}.label`, 1);
    if (bad) return bad;
    const label = s.label as number[];
    if (label.length !== 2) return `${at}.label: not [x, y]`;
    states.push({ id: s.id as Id, name: s.name, rings, label: [label[0]!, label[1]!] });
  }
  return states;
}

function checkPlaces(v: unknown, where: string): Check {
  if (!Array.isArray(v)) return `${where}: not an array`;
  for (const [i, p] of v.entries()) {
    const at = `${where}[${i}]`;
    if (!isObject(p)) return `${at}: not an object`;
    if (typeof p.id !== 'string' || typeof p.name !== 'string') return `${at}: id and name must be strings`;
    if (!isNumber(p.x) || !isNumber(p.y)) return `${at}: x and y must be numbers`;
    if (typeof p.kind !== 'string' || !(PLACE_KINDS as readonly string[]).includes(p.kind))
      return `${at}.kind: not one of ${PLACE_KINDS.join(', ')}`;
  }
  return null;
}

function checkRoutes(v: unknown): Check {
  if (!Array.isArray(v)) return 'map.routes: not an array';
  for (const [i, r] of v.entries()) {
    const at = `map.routes[${i}]`;
    if (!isObject(r)) return `${at}: not an object`;
    if (typeof r.id !== 'string' || typeof r.name !== 'string') return `${at}: id and name must be strings`;
    if (typeof r.kind !== 'string' || !(ROUTE_KINDS as readonly string[]).includes(r.kind))
      return `${at}.kind: not one of ${ROUTE_KINDS.join(', ')}`;
    const bad = checkFlat(r.points, `${at}.points`, 2);
    if (bad) return bad;
  }
  return null;
}

function checkSize(v: Record<string, unknown>, where: string): Check {
  if (!isNumber(v.width) || !isNumber(v.height) || v.width <= 0 || v.height <= 0)
    return `${where}: width and height must be positive numbers`;
  return null;
}

/** Checks a frame's size and arcs, then decodes its states; the frame's width and height with them. */
function decodeFrame<Id extends string>(
  frame: Record<string, unknown>,
  ids: readonly Id[],
  where: string,
): { width: number; height: number; states: MapState<Id>[] } | string {
  const bad = checkSize(frame, where);
  if (bad) return bad;
  const [width, height] = [frame.width as number, frame.height as number];
  const arcs = decodeArcs(frame.arcs, width, height, `${where}.arcs`);
  if (typeof arcs === 'string') return arcs;
  const states = decodeStates(frame.states, ids, arcs, `${where}.states`);
  return typeof states === 'string' ? states : { width, height, states };
}

/**
 * Checks that `json` is a map file (MapFile, format 2) and decodes it: the MapData the game draws,
 * or a message saying what is wrong.
 */
export function parseMapData(json: unknown): MapData | string {
  if (!isObject(json)) return 'map: not an object';
  const problem = checkFormat(json.format);
  if (problem) return problem;
  const main = decodeFrame(json, STATE_IDS, 'map');
  if (typeof main === 'string') return main;
  const bad = checkPlaces(json.places, 'map.places') ?? checkRoutes(json.routes);
  if (bad) return bad;
  const inset = json.inset;
  if (!isObject(inset)) return 'map.inset: not an object';
  if (typeof inset.title !== 'string') return 'map.inset.title: not a string';
  const insetFrame = decodeFrame(inset, INSET_STATE_IDS, 'map.inset');
  if (typeof insetFrame === 'string') return insetFrame;
  const insetBad =
    checkFlat(inset.front, 'map.inset.front', 2) ?? checkPlaces(inset.places, 'map.inset.places');
  if (insetBad) return insetBad;
  return {
    ...main,
    places: json.places as MapPlace[],
    routes: json.routes as MapRoute[],
    inset: {
      title: inset.title,
      ...insetFrame,
      front: inset.front as number[],
      places: inset.places as MapPlace[],
    },
  };
}
