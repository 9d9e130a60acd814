// A batch of games between two named policies, summed up as a balance report.
import { POLICIES, stableHash, type PolicyName, type Rules } from '../engine/index.ts';
import { playGame } from './play.ts';
import type { BalanceReport } from './report.ts';
import { gameSeeds } from './seeds.ts';
import { addGame, newTally, tallyReport } from './tally.ts';

export interface SimulateOptions {
  games: number;
  seed: number;
  kim: PolicyName;
  putin: PolicyName;
}

export function isPolicyName(name: unknown): name is PolicyName {
  return typeof name === 'string' && Object.hasOwn(POLICIES, name);
}

/** Plays `games` games (game i seeded from the batch seed) and reports on them. Pure. */
export function simulate(rules: Rules, options: SimulateOptions): BalanceReport {
  const { games, seed, kim, putin } = options;
  if (!Number.isSafeInteger(games) || games < 1)
    throw new RangeError(`games must be a whole number ≥ 1, got ${games}`);
  for (const name of [kim, putin]) {
    if (!isPolicyName(name)) throw new RangeError(`unknown policy "${String(name)}"`);
  }
  const tally = newTally(rules);
  const seeds = gameSeeds(seed);
  for (let i = 0; i < games; i++) {
    const s = seeds.next().value;
    const final = playGame(rules, s.world, { kim: POLICIES[kim](s.kim), putin: POLICIES[putin](s.putin) });
    addGame(rules, tally, final);
  }
  const scenario = rules.scenario;
  return tallyReport(rules, tally, {
    scenario: { id: scenario.id, title: scenario.title, turns: scenario.turns, hash: stableHash(scenario) },
    seed,
    policies: { kim, putin },
  });
}
