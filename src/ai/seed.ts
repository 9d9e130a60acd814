// The opponent's own dice. Every decision draws from a generator seeded by mixing the opponent's
// seed with the position (game seed, turn, move number, role, level), never from the game's
// random state: the same position and settings always give the same move, and the opponent cannot
// see the world's next roll.
import { seedRandom, type RandomState } from '../engine/random.ts';

/** The 32-bit finaliser of MurmurHash3: spreads every input bit over the output. */
function fmix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** One 32-bit seed from whole numbers (each taken modulo 2^32), order-sensitive. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = fmix((h ^ fmix(part + 0x632be5ab)) + 0x7f4a7c15);
  return h;
}

/** A fresh generator state for `mixSeed(...parts)`. */
export function randomFrom(...parts: readonly number[]): { rng: RandomState } {
  return { rng: seedRandom(mixSeed(...parts)) };
}
