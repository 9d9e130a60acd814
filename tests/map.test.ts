// The map asset (assets/map.json, built by tools/build-map.ts): its shape, its geography, its size
// and that the build reproduces it byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { distanceToShape, pointInRing } from '../src/map/geometry.ts';
import {
  REQUIRED_PLACES,
  REQUIRED_ROUTES,
  parseMapData,
  type MapData,
  type MapFile,
} from '../src/map/mapData.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FILE = resolve(ROOT, 'assets/map.json');
const text = readFileSync(FILE, 'utf8');
const file = JSON.parse(text) as MapFile;
const parsed = parseMapData(file);
if (typeof parsed === 'string') throw new Error(`assets/map.json does not parse: ${parsed}`);
const map: MapData = parsed;

const place = (id: string, places = map.places) => {
  const p = places.find((q) => q.id === id);
  if (!p) throw new Error(`no place ${id}`);
  return p;
};
const route = (id: string) => {
  const r = map.routes.find((q) => q.id === id);
  if (!r) throw new Error(`no route ${id}`);
  return r;
};
const rings = (id: string, states: MapData['states'] | MapData['inset']['states'] = map.states) =>
  states.filter((s) => s.id === id).flatMap((s) => s.rings);
const allLand = () => map.states.flatMap((s) => s.rings);
const pointsOf = (flat: number[]) => {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
};
const near = (a: [number, number], b: { x: number; y: number }, tolerance = 0.51) =>
  Math.hypot(a[0] - b.x, a[1] - b.y) <= tolerance;

/** The points of a flat line or ring that are not rounded to 0.1 px or lie outside 0..w × 0..h. */
function badCoordinates(values: number[], w: number, h: number): string[] {
  const bad: string[] = [];
  for (let i = 0; i < values.length; i += 2) {
    const [x, y] = [values[i]!, values[i + 1]!];
    const rounded = [x, y].every((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6);
    if (!rounded || x < 0 || y < 0 || x > w || y > h) bad.push(`${x},${y}`);
  }
  return bad;
}

describe('assets/map.json', () => {
  it('parses, and the validator rejects what is not a map', () => {
    expect(typeof parsed).toBe('object');
    expect(parseMapData(null)).toBeTypeOf('string');
    expect(parseMapData({ ...file, width: -1 })).toMatch(/width/);
    expect(parseMapData({ ...file, states: [{ ...file.states[0], id: 'atlantis' }] })).toMatch(
      /states\[0\]\.id/,
    );
    expect(parseMapData({ ...file, routes: [{ ...file.routes[0], kind: 'air' }] })).toMatch(/kind/);
    expect(parseMapData({ ...file, inset: { ...file.inset, front: [1, 2, 3] } })).toMatch(/front/);
    // The map as it was written before format 2 (absolute coordinates) is refused, saying so.
    expect(parseMapData({ ...map, format: undefined })).toMatch(/^map\.format: missing.*npm run build:map/);
  });

  it('is small: at most 8 KB gzipped (it was 12 KB before format 2)', () => {
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('has every place and route the game refers to, each once', () => {
    for (const id of REQUIRED_PLACES) expect(map.places.filter((p) => p.id === id)).toHaveLength(1);
    for (const id of REQUIRED_ROUTES) expect(map.routes.filter((r) => r.id === id)).toHaveLength(1);
    expect(place('pyongyang').kind).toBe('capital');
    expect(place('vostochny').kind).toBe('site');
    expect(place('rajin').kind).toBe('port');
    expect(place('khasan-tumangang').kind).toBe('crossing');
    expect(route('sea-rajin-vladivostok').kind).toBe('sea');
    for (const id of ['rail-pyongyang-vladivostok', 'rail-armoured-train', 'rail-vladivostok-west'])
      expect(route(id).kind).toBe('rail');
  });

  it('has each named state once, and the playable ones', () => {
    for (const id of ['dprk', 'rok', 'china', 'russia', 'japan', 'mongolia'])
      expect(map.states.filter((s) => s.id === id)).toHaveLength(1);
    for (const id of ['ukraine', 'russia'])
      expect(map.inset.states.filter((s) => s.id === id)).toHaveLength(1);
  });

  it('puts every place inside the frame, with a margin', () => {
    for (const p of map.places) {
      expect(p.x, p.id).toBeGreaterThan(20);
      expect(p.y, p.id).toBeGreaterThan(20);
      expect(p.x, p.id).toBeLessThan(map.width - 20);
      expect(p.y, p.id).toBeLessThan(map.height - 20);
    }
    for (const p of map.inset.places) {
      expect(p.x, p.id).toBeGreaterThan(5);
      expect(p.y, p.id).toBeGreaterThan(5);
      expect(p.x, p.id).toBeLessThan(map.inset.width - 5);
      expect(p.y, p.id).toBeLessThan(map.inset.height - 5);
    }
  });

  it('is right way up: north at the top, east on the right', () => {
    expect(place('pyongyang').x).toBeLessThan(place('vladivostok').x);
    expect(place('pyongyang').y).toBeGreaterThan(place('vostochny').y);
    expect(place('seoul').y).toBeGreaterThan(place('pyongyang').y);
    expect(place('beijing').x).toBeLessThan(place('pyongyang').x);
    expect(place('tokyo').x).toBeGreaterThan(place('seoul').x);
    expect(place('kyiv', map.inset.places).x).toBeLessThan(place('moscow', map.inset.places).x);
    expect(place('kyiv', map.inset.places).y).toBeGreaterThan(place('moscow', map.inset.places).y);
  });

  it('puts each place in (or within 3 px of) its own state', () => {
    const expected: [string, string[]][] = [
      ['pyongyang', ['dprk']],
      ['seoul', ['rok']],
      ['beijing', ['china']],
      ['tokyo', ['japan']],
      ['vladivostok', ['russia']],
      ['vostochny', ['russia']],
      ['rajin', ['dprk']],
      ['khasan-tumangang', ['dprk', 'russia']],
    ];
    for (const [id, states] of expected) {
      const p = place(id);
      const d = Math.min(...states.map((s) => distanceToShape(p.x, p.y, rings(s))));
      expect(d, `${id} is ${d.toFixed(1)} px from ${states.join('/')}`).toBeLessThanOrEqual(3);
    }
    // ... and the clearly inland ones really inside.
    for (const [id, state] of [
      ['pyongyang', 'dprk'],
      ['seoul', 'rok'],
      ['beijing', 'china'],
      ['vostochny', 'russia'],
    ] as const) {
      const p = place(id);
      expect(
        rings(state).some((r) => pointInRing(p.x, p.y, r)),
        id,
      ).toBe(true);
    }
    const kyiv = place('kyiv', map.inset.places);
    const moscow = place('moscow', map.inset.places);
    expect(distanceToShape(kyiv.x, kyiv.y, rings('ukraine', map.inset.states))).toBe(0);
    expect(distanceToShape(moscow.x, moscow.y, rings('russia', map.inset.states))).toBe(0);
  });

  it('runs the routes between the right places', () => {
    const [first, last] = [
      (r: number[]) => [r[0]!, r[1]!] as [number, number],
      (r: number[]) => [r.at(-2)!, r.at(-1)!] as [number, number],
    ];
    const passes = (r: number[], id: string) => pointsOf(r).some((p) => near(p, place(id)));

    const toVladivostok = route('rail-pyongyang-vladivostok').points;
    expect(near(first(toVladivostok), place('pyongyang'))).toBe(true);
    expect(passes(toVladivostok, 'khasan-tumangang')).toBe(true);
    expect(near(last(toVladivostok), place('vladivostok'))).toBe(true);

    const sea = route('sea-rajin-vladivostok').points;
    expect(near(first(sea), place('rajin'))).toBe(true);
    expect(near(last(sea), place('vladivostok'))).toBe(true);

    const train = route('rail-armoured-train').points;
    expect(near(first(train), place('pyongyang'))).toBe(true);
    expect(passes(train, 'khasan-tumangang')).toBe(true);
    expect(near(last(train), place('vostochny'))).toBe(true);
    // North along the Russian line: its northernmost point is Vostochny's latitude or beyond.
    expect(Math.min(...pointsOf(train).map((p) => p[1]))).toBeLessThanOrEqual(place('vostochny').y + 1);

    const west = route('rail-vladivostok-west').points;
    expect(near(first(west), place('vladivostok'))).toBe(true);
    const [ex, ey] = last(west);
    expect(ex <= 0.05 || ey <= 0.05, `the westward line ends at the frame's edge, not at ${ex},${ey}`).toBe(
      true,
    );
  });

  it('keeps rail lines on land and the sea route at sea', () => {
    for (const r of map.routes.filter((q) => q.kind === 'rail')) {
      for (const [x, y] of pointsOf(r.points)) {
        expect(distanceToShape(x, y, allLand()), `${r.id} at ${x},${y}`).toBeLessThanOrEqual(3);
      }
    }
    const sea = pointsOf(route('sea-rajin-vladivostok').points);
    for (const [x, y] of sea.slice(1, -1)) {
      expect(
        allLand().some((ring) => pointInRing(x, y, ring)),
        `sea route on land at ${x},${y}`,
      ).toBe(false);
    }
  });

  it('draws the front in Ukraine inside the inset', () => {
    const front = pointsOf(map.inset.front);
    expect(front.length).toBeGreaterThanOrEqual(5);
    for (const [x, y] of front) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(map.inset.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(map.inset.height);
      expect(distanceToShape(x, y, rings('ukraine', map.inset.states))).toBeLessThanOrEqual(3);
    }
  });

  it('rounds every coordinate to 0.1 px and keeps shapes inside the frame', () => {
    const bad = [
      ...map.states.flatMap((s) => s.rings.flatMap((r) => badCoordinates(r, map.width, map.height))),
      ...map.inset.states.flatMap((s) =>
        s.rings.flatMap((r) => badCoordinates(r, map.inset.width, map.inset.height)),
      ),
      ...map.routes.flatMap((r) => badCoordinates(r.points, map.width, map.height)),
    ];
    expect(bad).toEqual([]);
  });
});

describe('tools/build-map.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-map-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds assets/map.json byte for byte', () => {
    const out = join(dir, 'map.json');
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    execFileSync(process.execPath, [tsx, resolve(ROOT, 'tools/build-map.ts'), '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    expect(readFileSync(out).equals(readFileSync(FILE))).toBe(true);
  });
});
