// The shape of assets/map.json (written by tools/build-map.ts) and a small runtime check for it.
// All coordinates are projected pixels in the map's own frame (0..width, 0..height, y down); rings
// and lines are flat [x0, y0, x1, y1, ...] arrays.

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

function checkStates(v: unknown, ids: readonly string[], where: string): Check {
  if (!Array.isArray(v) || v.length === 0) return `${where}: not a non-empty array`;
  for (const [i, s] of v.entries()) {
    const at = `${where}[${i}]`;
    if (!isObject(s)) return `${at}: not an object`;
    if (typeof s.id !== 'string' || !ids.includes(s.id)) return `${at}.id: not one of ${ids.join(', ')}`;
    if (typeof s.name !== 'string') return `${at}.name: not a string`;
    if (!Array.isArray(s.rings) || s.rings.length === 0) return `${at}.rings: not a non-empty array`;
    for (const [j, r] of s.rings.entries()) {
      const bad = checkFlat(r, `${at}.rings[${j}]`, 3);
      if (bad) return bad;
    }
    const bad = checkFlat(s.label, `${at}.label`, 1);
    if (bad) return bad;
    if ((s.label as unknown[]).length !== 2) return `${at}.label: not [x, y]`;
  }
  return null;
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

function checkSize(v: Record<string, unknown>, where: string): Check {
  if (!isNumber(v.width) || !isNumber(v.height) || v.width <= 0 || v.height <= 0)
    return `${where}: width and height must be positive numbers`;
  return null;
}

/** Checks that `json` has the shape of MapData; returns it typed, or a message saying what is wrong. */
export function parseMapData(json: unknown): MapData | string {
  if (!isObject(json)) return 'map: not an object';
  const problem =
    checkSize(json, 'map') ??
    checkStates(json.states, STATE_IDS, 'map.states') ??
    checkPlaces(json.places, 'map.places') ??
    (() => {
      if (!Array.isArray(json.routes)) return 'map.routes: not an array';
      for (const [i, r] of json.routes.entries()) {
        const at = `map.routes[${i}]`;
        if (!isObject(r)) return `${at}: not an object`;
        if (typeof r.id !== 'string' || typeof r.name !== 'string')
          return `${at}: id and name must be strings`;
        if (typeof r.kind !== 'string' || !(ROUTE_KINDS as readonly string[]).includes(r.kind))
          return `${at}.kind: not one of ${ROUTE_KINDS.join(', ')}`;
        const bad = checkFlat(r.points, `${at}.points`, 2);
        if (bad) return bad;
      }
      return null;
    })() ??
    (() => {
      const inset = json.inset;
      if (!isObject(inset)) return 'map.inset: not an object';
      if (typeof inset.title !== 'string') return 'map.inset.title: not a string';
      return (
        checkSize(inset, 'map.inset') ??
        checkStates(inset.states, INSET_STATE_IDS, 'map.inset.states') ??
        checkFlat(inset.front, 'map.inset.front', 2) ??
        checkPlaces(inset.places, 'map.inset.places')
      );
    })();
  return problem ?? (json as unknown as MapData);
}
