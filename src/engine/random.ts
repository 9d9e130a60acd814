// Seeded randomness whose whole state is a plain array of numbers kept inside the game state, so
// that a game replays exactly and a saved game carries its random future with it.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export type RandomState = number[];

/** Seeds are unsigned 32-bit integers. */
export function isSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}

/** A fresh generator state from an explicit integer seed. There is no default seed. */
export function seedRandom(seed: number): RandomState {
  if (!isSeed(seed)) throw new RangeError(`a seed is a whole number from 0 to 4294967295, got ${seed}`);
  // Small neighbouring seeds start from nearly equal states, and xoroshiro's first outputs then
  // look alike; a jump (2^64 steps ahead) spreads them apart.
  const g = xoroshiro128plus(seed | 0);
  g.jump();
  return [...g.getState()];
}

const SCALE = 2 ** 30;

/**
 * Draws a float in [0, 1) from the state held by `holder.rng` and stores the advanced state back.
 * `holder` is an immer draft (or any object with an rng field).
 */
export function drawFloat(holder: { rng: RandomState }): number {
  const g = xoroshiro128plusFromState(holder.rng);
  const value = uniformInt(g, 0, SCALE - 1) / SCALE;
  const next = g.getState();
  // written element by element: no new array per draw (and, under immer, no new array per step)
  for (let i = 0; i < next.length; i++) holder.rng[i] = next[i]!;
  return value;
}

/** Draws an integer in [0, n). */
export function drawIndex(holder: { rng: RandomState }, n: number): number {
  return Math.floor(drawFloat(holder) * n);
}
