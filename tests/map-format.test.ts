// assets/map.json's encoding (format 2: shared arcs, half pixels, deltas, base-64 digits): decoding
// a small file by hand, the messages for broken files, and that encoding then decoding gives back every point of
// the real map and of awkward shapes (a border shared backwards, a ring starting mid-border, a ring
// through one point twice).
import { describe, expect, it } from 'vitest';
import { MAP_FORMAT, readDigits } from '../src/map/mapArcs.ts';
import { parseMapData, type MapData, type MapState } from '../src/map/mapData.ts';
import { buildMap } from '../tools/build-map.ts';
import { encodeMap, writeDigits } from '../tools/map/encode.ts';

/** A 100×100 map file with one square written as two arcs, read forwards by one state, backwards by another. */
const file = () => ({
  format: 2,
  width: 100,
  height: 100,
  arcs: [
    'oBoBgFAAgF', // 20 20 80 0 0 80: (10, 10) (50, 10) (50, 50)
    'oGoG_EAA_E', // 100 100 -80 0 0 -80: (50, 50) (10, 50) (10, 10)
  ],
  states: [
    { id: 'dprk', name: 'North Korea', rings: [[0, 1]], label: [30, 30] },
    { id: 'rok', name: 'South Korea', rings: [[~1, ~0]], label: [30, 30] },
  ],
  places: [{ id: 'p', name: 'P', x: 20, y: 20, kind: 'city' }],
  routes: [{ id: 'r', name: 'R', kind: 'rail', points: [1, 1, 2.5, 2] }],
  inset: {
    title: 'Inset',
    width: 30,
    height: 30,
    arcs: ['AAwCAnBwCnBvC'], // 0 0 40 0 -20 40 -20 -40: (0, 0) (20, 0) (10, 20) (0, 0)
    states: [{ id: 'ukraine', name: 'Ukraine', rings: [[0]], label: [10, 10] }],
    front: [1, 1, 2, 2],
    places: [],
  },
});

type File = ReturnType<typeof file>;
const broken = (change: (f: File) => void): string => {
  const f = file();
  change(f);
  const result = parseMapData(JSON.parse(JSON.stringify(f)));
  if (typeof result !== 'string') throw new Error('the broken file was read');
  return result;
};

/** Sets arc i of the main frame to these numbers. */
const arc = (i: number, values: number[]) => (f: File) => (f.arcs[i] = writeDigits(values));
/** Sets the first ring of the first state to `refs`. */
const ring = (refs: unknown) => (f: File) => ((f.states[0]!.rings as unknown[])[0] = refs);

const roundTrip = (map: MapData) => parseMapData(JSON.parse(JSON.stringify(encodeMap(map))));
const arcPoints = (map: MapData) => {
  const f = encodeMap(map);
  return [...f.arcs, ...f.inset.arcs].reduce((n, a) => {
    const values = readDigits(a, 'arc');
    if (typeof values === 'string') throw new Error(values);
    return n + values.length / 2;
  }, 0);
};
const ringPoints = (map: MapData) =>
  [...map.states, ...map.inset.states].reduce((n, s) => n + s.rings.reduce((k, r) => k + r.length / 2, 0), 0);
const state = (id: MapState['id'], rings: number[][]): MapState => ({ id, name: id, rings, label: [50, 50] });

describe('map file format 2', () => {
  it('decodes arcs in half pixels, joined end to start, ~n backwards, the closing point once', () => {
    const map = parseMapData(file());
    if (typeof map === 'string') throw new Error(map);
    expect(map.states.map((s) => s.rings)).toEqual([
      [[10, 10, 50, 10, 50, 50, 10, 50]],
      [[10, 10, 10, 50, 50, 50, 50, 10]],
    ]);
    expect(map.inset.states[0]!.rings).toEqual([[0, 0, 20, 0, 10, 20]]);
    expect(map.routes[0]!.points).toEqual([1, 1, 2.5, 2]);
    expect(Object.keys(map)).toEqual(['width', 'height', 'states', 'places', 'routes', 'inset']);
  });

  it('refuses a file from before format 2, or of another format, saying how to rebuild it', () => {
    expect(broken((f) => delete (f as Partial<File>).format)).toBe(
      `map.format: missing, so this map file is from before format ${MAP_FORMAT}; rebuild it with npm run build:map`,
    );
    expect(broken((f) => (f.format = 3))).toBe(
      'map.format: 3, but this game reads format 2; rebuild it with npm run build:map',
    );
  });

  it('reads base-64 digits as the format says', () => {
    expect(readDigits('ABCefgB6P', 'x')).toEqual([0, -1, 1, 15, -16, 16, 253]);
    const values = [0, 1, -1, 31, -32, 32, 1000, -1000, 2 ** 20, -(2 ** 20)];
    expect(readDigits(writeDigits(values), 'x')).toEqual(values);
  });

  it('says which arc is broken: not digits, cut short, odd length, too short, out of the frame', () => {
    expect(broken((f) => (f.arcs[1] = 'oG!G'))).toBe(
      'map.arcs[1]: character 2 ("!") is not a digit of the encoding',
    );
    expect(broken((f) => (f.arcs[1] += 'g'))).toBe('map.arcs[1]: ends in the middle of a number');
    expect(broken((f) => (f.arcs[1] = '_'.repeat(8)))).toBe(
      'map.arcs[1]: the number at character 7 is too long',
    );
    // An arc as format 2 wrote it before its digits: numbers, not a string.
    expect(broken((f) => ((f.arcs as unknown[])[0] = [20, 20, 80, 0, 0, 80]))).toBe(
      'map.arcs[0]: not a string',
    );
    expect(broken(arc(0, [20, 20, 80, 0, 0]))).toBe('map.arcs[0]: odd number of values');
    expect(broken(arc(0, [20, 20]))).toBe('map.arcs[0]: fewer than 2 points');
    expect(broken(arc(0, [-1, 20, 80, 0, 0, 80]))).toBe(
      'map.arcs[0]: the deltas take point 0 to (-0.5, 10), outside the 100×100 frame',
    );
    // A bad delta shows where its point lands: 20 + 80 + 101 half pixels is past the right edge.
    expect(broken(arc(0, [20, 20, 80, 0, 101, 80]))).toBe(
      'map.arcs[0]: the deltas take point 2 to (100.5, 50), outside the 100×100 frame',
    );
    expect(broken((f) => (f.inset.arcs[0] = writeDigits([0, 0, 70, 0, -20, 40])))).toBe(
      'map.inset.arcs[0]: the deltas take point 1 to (35, 0), outside the 30×30 frame',
    );
    expect(broken((f) => ((f as { arcs: unknown }).arcs = {}))).toBe('map.arcs: not an array');
  });

  it('says which ring is broken: no arcs, a reference to no arc, arcs that do not join or close', () => {
    expect(broken(ring([]))).toBe('map.states[0].rings[0]: not a non-empty array of arc references');
    expect(broken(ring([0, 1.5]))).toBe('map.states[0].rings[0][1]: not an arc reference (a whole number)');
    expect(broken(ring([0, 2]))).toBe(
      'map.states[0].rings[0][1]: no arc 2 (the frame has 2: 0 to 1, or ~n backwards)',
    );
    expect(broken(ring([0, ~2]))).toBe(
      'map.states[0].rings[0][1]: no arc ~2 (the frame has 2: 0 to 1, or ~n backwards)',
    );
    expect(broken(ring([0, 0]))).toBe(
      'map.states[0].rings[0][1]: arc 0 does not start where the arc before it ends',
    );
    expect(broken(ring([0]))).toBe('map.states[0].rings[0]: does not end where it starts');
    expect(
      broken(
        (f) => f.inset.arcs.push(writeDigits([20, 20, 10, 0, -10, 0])) && (f.inset.states[0]!.rings = [[1]]),
      ),
    ).toBe('map.inset.states[0].rings[0]: fewer than 3 points');
  });
});

describe('tools/map/encode.ts', () => {
  it('gives back every ring of the real map, point for point, in order, writing shared borders once', () => {
    const built = buildMap();
    expect(roundTrip(built)).toStrictEqual(built);
    expect(arcPoints(built)).toBeLessThan(ringPoints(built) * 0.85);
  });

  it('gives back awkward shapes: a border shared backwards, a start mid-border, a point met twice', () => {
    const map: MapData = {
      width: 100,
      height: 100,
      states: [
        state('dprk', [[10, 10, 50, 10, 50, 30, 50, 50, 10, 50]]),
        // Shares dprk's right edge backwards, and starts in the middle of it.
        state('rok', [[50, 30, 50, 10, 90, 10, 90, 50, 50, 50]]),
        // A bow tie through (70, 70) twice, and a small island in half pixels.
        state('china', [
          [60, 60, 80, 60, 70, 70, 80, 80, 60, 80, 70, 70],
          [1.5, 2.5, 5, 2.5, 3, 6.5],
        ]),
        // dprk's outline again, the other way round from another start.
        state('japan', [[50, 50, 50, 30, 50, 10, 10, 10, 10, 50]]),
      ],
      places: [],
      routes: [],
      inset: {
        title: 'Inset',
        width: 30,
        height: 30,
        states: [{ id: 'ukraine', name: 'Ukraine', rings: [[0, 0, 30, 0, 15, 30]], label: [10, 10] }],
        front: [1, 1, 2, 2],
        places: [],
      },
    };
    expect(roundTrip(map)).toStrictEqual(map);
    // japan's outline is all borders already written for dprk and rok: it adds no arc.
    const withoutJapan = { ...map, states: map.states.filter((s) => s.id !== 'japan') };
    expect(encodeMap(map).arcs).toEqual(encodeMap(withoutJapan).arcs);
  });

  it('refuses a coordinate that is not on the half-pixel grid rather than move it', () => {
    const map = buildMap();
    map.states[0]!.rings[0]![0] = 0.25;
    expect(() => encodeMap(map)).toThrow(/0\.25 is not a whole number of half pixels/);
  });
});
