// How assets/map.json stores the states' outlines (format 2), and their decoding.
//
// Each frame (the main map, the inset) has a list of arcs: stretches of outline between junctions,
// written once even where two states share them (a border), in half pixels as whole numbers: the
// first point absolute, then each point as its difference from the one before. An arc is a string
// of those numbers in base-64 digits (A–Z a–z 0–9 - _, worth 0 to 63), in the scheme of Google's
// encoded polylines: a number n is first made non-negative (2n, or -2n - 1 if negative), then
// written 5 bits to a digit, lowest first, each digit but the last having 32 added:
//
//   "arcs": ["6P2LdABE", ...]   // 253 187 -15 0 -1 2: (126.5, 93.5), (119, 93.5), (118.5, 94.5)
//   0 → A, -1 → B, 1 → C, 15 → e, -16 → f, 16 → gB, 253 → 6P
//
// A ring is a list of arc references: n is arc n as written, ~n (that is -1 - n) is arc n backwards.
// Its arcs are joined end to start (each shared point once), and it must end where it starts; that
// last point is dropped, so that the ring is the same closed flat [x0, y0, x1, y1, ...] pixel ring
// as MapState.rings (first point not repeated). tools/map/encode.ts writes this.

/** The version of the encoding parseMapData reads; a file without it or with another is refused. */
export const MAP_FORMAT = 2;

/** The digits of the encoding, worth 0 to 63. */
export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each character code's digit value, -1 if it is not a digit. */
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** The whole numbers a string of digits stands for (see the top of this file), or what is wrong with it. */
export function readDigits(text: string, where: string): number[] | string {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i++) {
    const d = DIGIT_VALUE[text.charCodeAt(i)] ?? -1;
    if (d < 0) return `${where}: character ${i} (${JSON.stringify(text[i])}) is not a digit of the encoding`;
    if (shift > 30) return `${where}: the number at character ${i} is too long`;
    value += (d & 31) * 2 ** shift;
    if (d >= 32) {
      shift += 5;
      continue;
    }
    out.push(value % 2 === 0 ? value / 2 : -(value + 1) / 2);
    value = 0;
    shift = 0;
  }
  if (shift > 0) return `${where}: ends in the middle of a number`;
  return out;
}

/**
 * Decodes a frame's arcs to absolute half-pixel points (flat [x0, y0, ...]), checking that every
 * point lies in the width × height frame; a message says what is wrong.
 */
export function decodeArcs(v: unknown, width: number, height: number, where: string): number[][] | string {
  if (!Array.isArray(v)) return `${where}: not an array`;
  const out: number[][] = [];
  for (const [i, text] of v.entries()) {
    const at = `${where}[${i}]`;
    if (typeof text !== 'string') return `${at}: not a string`;
    const arc = readDigits(text, at);
    if (typeof arc === 'string') return arc;
    if (arc.length % 2 !== 0) return `${at}: odd number of values`;
    if (arc.length < 4) return `${at}: fewer than 2 points`;
    let x = 0;
    let y = 0;
    for (let j = 0; j < arc.length; j += 2) {
      x += arc[j]!;
      y += arc[j + 1]!;
      if (x < 0 || y < 0 || x > 2 * width || y > 2 * height)
        return `${at}: the deltas take point ${j / 2} to (${x / 2}, ${y / 2}), outside the ${width}×${height} frame`;
      arc[j] = x;
      arc[j + 1] = y;
    }
    out.push(arc);
  }
  return out;
}

/** Joins a ring's arc references (see the top of this file) into a flat pixel ring, or says what is wrong. */
export function decodeRing(refs: unknown, arcs: readonly number[][], where: string): number[] | string {
  if (!Array.isArray(refs) || refs.length === 0) return `${where}: not a non-empty array of arc references`;
  const ring: number[] = [];
  for (const [k, ref] of refs.entries()) {
    if (!Number.isSafeInteger(ref)) return `${where}[${k}]: not an arc reference (a whole number)`;
    const r = ref as number;
    const name = r < 0 ? `~${~r}` : String(r);
    const arc = arcs[r < 0 ? ~r : r];
    if (!arc)
      return `${where}[${k}]: no arc ${name} (the frame has ${arcs.length}: 0 to ${arcs.length - 1}, or ~n backwards)`;
    const n = arc.length / 2;
    for (let j = 0; j < n; j++) {
      const p = r < 0 ? n - 1 - j : j;
      const x = arc[2 * p]!;
      const y = arc[2 * p + 1]!;
      if (j > 0 || k === 0) ring.push(x, y);
      else if (x !== ring.at(-2) || y !== ring.at(-1))
        return `${where}[${k}]: arc ${name} does not start where the arc before it ends`;
    }
  }
  if (ring[0] !== ring.at(-2) || ring[1] !== ring.at(-1)) return `${where}: does not end where it starts`;
  ring.length -= 2;
  return ring.map((v) => v / 2);
}
