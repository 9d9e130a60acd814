// Encodes the built MapData into assets/map.json's format (see src/map/mapArcs.ts): each frame's
// rings split into arcs at junctions, each arc written once (a border two states share is one arc,
// read backwards by one of them), in whole half pixels, delta-encoded, in base-64 digits. Lossless:
// parseMapData gives back exactly the same rings, points and order. Deterministic: arcs are
// numbered as first met.
import { DIGITS, MAP_FORMAT } from '../../src/map/mapArcs.ts';
import type { MapData, MapFile, MapFileState, MapState } from '../../src/map/mapData.ts';

/** A ring's points in whole half pixels (the build rounds every coordinate to half pixels). */
function halfPixels(ring: readonly number[], where: string): number[] {
  return ring.map((v) => {
    const h = v * 2;
    if (!Number.isSafeInteger(h)) throw new Error(`${where}: ${v} is not a whole number of half pixels`);
    return h;
  });
}

/**
 * The points where arcs must start or end: every ring's first point (a ring keeps its start), and
 * every point met with different neighbours in different places (where a shared border ends).
 */
const key = (r: readonly number[], i: number) => `${r[2 * i]},${r[2 * i + 1]}`;

function junctions(rings: readonly number[][]): Set<string> {
  const neighbours = new Map<string, string>();
  const out = new Set<string>();
  for (const r of rings) {
    const n = r.length / 2;
    out.add(key(r, 0));
    for (let i = 0; i < n; i++) {
      const k = key(r, i);
      const [a, b] = [key(r, (i + n - 1) % n), key(r, (i + 1) % n)];
      const pair = a < b ? `${a} ${b}` : `${b} ${a}`;
      const seen = neighbours.get(k);
      if (seen === undefined) neighbours.set(k, pair);
      else if (seen !== pair) out.add(k);
    }
  }
  return out;
}

const deltas = (points: readonly number[]): number[] =>
  points.map((v, i) => (i < 2 ? v : v - points[i - 2]!));

/** Whole numbers as a string of base-64 digits, as src/map/mapArcs.ts reads them. */
export function writeDigits(values: readonly number[]): string {
  let out = '';
  for (const v of values) {
    let u = v < 0 ? -2 * v - 1 : 2 * v;
    while (u >= 32) {
      out += DIGITS[32 + (u % 32)];
      u = Math.floor(u / 32);
    }
    out += DIGITS[u];
  }
  return out;
}

/** One frame's states as arcs and arc references. */
function encodeFrame<Id extends string>(
  states: readonly MapState<Id>[],
  where: string,
): { arcs: string[]; states: MapFileState<Id>[] } {
  const rings = states.map((s, i) => s.rings.map((r, j) => halfPixels(r, `${where}[${i}].rings[${j}]`)));
  const cut = junctions(rings.flat());
  const arcs: number[][] = [];
  const index = new Map<string, number>();
  const reference = (points: number[]): number => {
    const forward = points.join(',');
    const known = index.get(forward);
    if (known !== undefined) return known;
    const backward: number[] = [];
    for (let i = points.length - 2; i >= 0; i -= 2) backward.push(points[i]!, points[i + 1]!);
    const back = index.get(backward.join(','));
    if (back !== undefined) return ~back;
    index.set(forward, arcs.length);
    arcs.push(points);
    return arcs.length - 1;
  };
  const encoded = states.map((s, i) => ({
    id: s.id,
    name: s.name,
    rings: rings[i]!.map((r) => {
      const n = r.length / 2;
      const refs: number[] = [];
      let arc = [r[0]!, r[1]!];
      // Walk round to the first point again, closing an arc at every junction.
      for (let k = 1; k <= n; k++) {
        const j = k % n;
        const [x, y] = [r[2 * j]!, r[2 * j + 1]!];
        arc.push(x, y);
        if (cut.has(key(r, j))) {
          refs.push(reference(arc));
          arc = [x, y];
        }
      }
      return refs;
    }),
    label: s.label,
  }));
  return { arcs: arcs.map((a) => writeDigits(deltas(a))), states: encoded };
}

/** MapData as assets/map.json stores it. */
export function encodeMap(data: MapData): MapFile {
  const main = encodeFrame(data.states, 'map.states');
  const inset = encodeFrame(data.inset.states, 'map.inset.states');
  return {
    format: MAP_FORMAT,
    width: data.width,
    height: data.height,
    arcs: main.arcs,
    states: main.states,
    places: data.places,
    routes: data.routes,
    inset: {
      title: data.inset.title,
      width: data.inset.width,
      height: data.inset.height,
      arcs: inset.arcs,
      states: inset.states,
      front: data.inset.front,
      places: data.inset.places,
    },
  };
}
