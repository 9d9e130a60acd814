// Simple computer policies for simulation: uniform random and one-step greedy. Each keeps its own
// seeded random state, apart from the game's, so a policy never changes the world's dice.
import { positionValue, projectOption } from './evaluate.ts';
import { legalActions } from './legal.ts';
import { drawIndex, seedRandom, type RandomState } from './random.ts';
import type { Rules } from './rules.ts';
import type { ChooseAction, GameState } from './state.ts';

export interface Policy {
  readonly name: string;
  /** Picks one of the legal actions; null only when there is none. */
  choose(rules: Rules, state: GameState): ChooseAction | null;
}

export function randomPolicy(seed: number): Policy {
  const holder: { rng: RandomState } = { rng: seedRandom(seed) };
  return {
    name: 'random',
    choose(rules, state) {
      const actions = legalActions(rules, state);
      if (actions.length === 0) return null;
      return actions[drawIndex(holder, actions.length)]!;
    },
  };
}

/** Picks the action whose expected result looks best to its role; ties are broken at random. */
export function greedyPolicy(seed: number): Policy {
  const holder: { rng: RandomState } = { rng: seedRandom(seed) };
  return {
    name: 'greedy',
    choose(rules, state) {
      const actions = legalActions(rules, state);
      if (actions.length === 0) return null;
      let best: ChooseAction[] = [];
      let bestValue = -Infinity;
      for (const action of actions) {
        const option = rules.options.get(`${action.card}/${action.option}`)!;
        const value = positionValue(rules, projectOption(rules, state, action.card, option), action.role);
        if (value > bestValue + 1e-9) {
          bestValue = value;
          best = [action];
        } else if (Math.abs(value - bestValue) <= 1e-9) best.push(action);
      }
      return best.length === 1 ? best[0]! : best[drawIndex(holder, best.length)]!;
    },
  };
}

export const POLICIES = { random: randomPolicy, greedy: greedyPolicy } as const;
export type PolicyName = keyof typeof POLICIES;
