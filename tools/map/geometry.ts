// Plane geometry for the map's build (tools/build-map.ts), all in projected pixels: the projection
// fitted to a frame, simplification, clipping to the frame and rounding to half pixels.
import { geoConicConformal, type GeoProjection } from 'd3-geo';

export type LonLat = [number, number];
export type XY = [number, number];

/** A frame in degrees. */
export interface Frame {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Points closer than this (in frame pixels) are dropped; then Douglas–Peucker at DP_TOLERANCE. */
const MIN_DISTANCE = 0.7;
const DP_TOLERANCE = 0.45;

function frameOutline(f: Frame): LonLat[] {
  const pts: LonLat[] = [];
  for (let lon = f.west; lon <= f.east; lon += 0.5) pts.push([lon, f.south], [lon, f.north]);
  for (let lat = f.south; lat <= f.north; lat += 0.5) pts.push([f.west, lat], [f.east, lat]);
  return pts;
}

/** A conformal conic projection fitted to `width` pixels across the frame; returns it and the height. */
export function fitProjection(f: Frame, width: number, parallels: [number, number]) {
  const centre = (f.west + f.east) / 2;
  const projection = geoConicConformal()
    .parallels(parallels)
    .rotate([-centre, 0])
    .fitWidth(width, { type: 'MultiPoint', coordinates: frameOutline(f) });
  let maxY = 0;
  for (const p of frameOutline(f)) maxY = Math.max(maxY, projection(p)![1]);
  return { projection, height: Math.round(maxY) };
}

export function project(projection: GeoProjection, p: LonLat): XY {
  const xy = projection(p);
  if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) throw new Error(`cannot project ${p}`);
  return [xy[0], xy[1]];
}

export const round1 = (v: number) => Math.round(v * 2) / 2 + 0; // half pixels; + 0 turns -0 into 0

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

export function simplifyLine(points: XY[], scale: number): XY[] {
  return douglasPeucker(radialDistance(points, MIN_DISTANCE * scale), DP_TOLERANCE * scale);
}

/** Sutherland–Hodgman clipping of a closed ring against the rectangle [0, w] × [0, h]. */
export function clipRing(ring: XY[], w: number, h: number): XY[] {
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
export function clipLine(line: XY[], w: number, h: number): XY[] {
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

export function ringArea(ring: XY[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return a / 2;
}

/** Rounds to half pixels and drops repeated points (and a closing point equal to the first). */
export function roundRing(ring: XY[], closed: boolean): XY[] {
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
export function dropCollinear(ring: XY[]): XY[] {
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

export function reversed<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = items.length - 1; i >= 0; i--) out.push(items[i]!);
  return out;
}

export const flat = (points: XY[]) => points.flatMap(([x, y]) => [x, y]);

export function centreOfLargestRing(rings: XY[][]): XY {
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
