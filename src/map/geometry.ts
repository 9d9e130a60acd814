// Plane geometry on flat [x0, y0, x1, y1, ...] rings, shared by the map view, its build and its tests.

/** Even–odd point-in-polygon test on a closed flat ring (first point not repeated). */
export function pointInRing(x: number, y: number, ring: readonly number[]): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from a point to the nearest edge of a closed flat ring. */
export function distanceToRing(x: number, y: number, ring: readonly number[]): number {
  let best = Infinity;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ax = ring[2 * j]!;
    const ay = ring[2 * j + 1]!;
    const dx = ring[2 * i]! - ax;
    const dy = ring[2 * i + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/** 0 if the point is inside any of the rings, else its distance to the nearest of them. */
export function distanceToShape(x: number, y: number, rings: readonly (readonly number[])[]): number {
  if (rings.some((ring) => pointInRing(x, y, ring))) return 0;
  return Math.min(...rings.map((ring) => distanceToRing(x, y, ring)));
}
