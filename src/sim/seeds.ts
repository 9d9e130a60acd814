// The seeds of a batch: game i's world and policy seeds all come from one generator seeded with the
// batch seed, drawn in order, so a batch is reproducible from its seed alone.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { isSeed } from '../engine/index.ts';

export interface GameSeeds {
  world: number;
  kim: number;
  putin: number;
}

/** The seeds of games 0, 1, 2, … of the batch with seed `seed`. */
export function* gameSeeds(seed: number): Generator<GameSeeds, never> {
  if (!isSeed(seed))
    throw new RangeError(`a seed is a whole number from 0 to 4294967295, got ${String(seed)}`);
  const generator = xoroshiro128plus(seed | 0);
  const next = (): number => generator.next() >>> 0;
  for (;;) yield { world: next(), kim: next(), putin: next() };
}
