// The countries of Natural Earth 1:50m (world-atlas), shaped for one frame of the map: projected,
// simplified arc by arc (so that neighbours share their border exactly), clipped and rounded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeoProjection } from 'd3-geo';
import type { GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import {
  clipRing,
  dropCollinear,
  project,
  reversed,
  ringArea,
  roundRing,
  simplifyLine,
  type Frame,
  type LonLat,
  type XY,
} from './geometry.ts';

/** Rings smaller than this (square frame pixels) are dropped: islands too small to see. */
const MIN_AREA = 2;

export function loadTopology(): Topology {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology;
}

/** Absolute longitude/latitude of every arc (TopoJSON stores them quantised and delta-encoded). */
export function lonLatArcs(topology: Topology): LonLat[][] {
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

export interface Shaped {
  name: string;
  rings: XY[][];
}

/**
 * Projects, simplifies (per arc, so neighbours share their border exactly), clips and rounds every
 * country of the topology that reaches into the frame.
 */
export function shapeCountries(
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

export function nearFrame(f: Frame, margin: number) {
  return ([lon, lat]: LonLat) =>
    lon >= f.west - margin && lon <= f.east + margin && lat >= f.south - margin && lat <= f.north + margin;
}
