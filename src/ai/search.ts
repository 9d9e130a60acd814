// The hard level: Monte Carlo rollouts on scratch copies. Every legal action is played out to the
// end of the game many times, both sides following the fast default policy, and the action whose
// games end best on average is chosen. The budget is a number of rollouts, never a time, so the
// same position and settings always give the same move.
//
// Rollouts are shared out by sequential halving: each round gives every action still in the race
// the same number of new rollouts, then drops the worse half. Within a round every action is
// played out against the same determinizations (common random numbers: rollout k of each action
// has the same world dice and the same hand for the rival), so actions are compared on equal luck.
import { otherRole, positionValue, type ChooseAction, type GameState, type Rules } from '../engine/index.ts';
import { seedRandom } from '../engine/random.ts';
import { personalityUtility, RESULT_VALUE, rivalModel, stateValue, type RoleModel } from './model.ts';
import { playOut, type DefaultPolicy } from './rollout.ts';
import { mixSeed, randomFrom } from './seed.ts';

/** Chance that the default policy plays a random move rather than its quick judgement's best. */
export const ROLLOUT_EPSILON = 0.15;
/**
 * What beating the rival is worth, per step of result (win > draw > loss) by which the opponent's
 * result is better than the rival's: a game it wins and the rival loses is worth more than one
 * both win. An opponent plays to beat its rival, not only to do well.
 */
export const RIVALRY = 1000;
/**
 * In the default policy, how much an option's quick value to the rival counts against its value
 * to the opponent itself. The rival, in rollouts, simply plays its own default personality.
 */
export const ROLLOUT_RIVALRY = 0.5;

/**
 * What a finished rollout is worth to the model's role: its result and score (positionValue), its
 * personality's utility, and a bonus for a result better than the rival's. Only beating the rival
 * earns anything: the rival's result never counts when the opponent's own is no better, so a
 * losing opponent does not wreck its own game to spoil the rival's.
 */
export function terminalValue(model: RoleModel, rules: Rules, final: GameState): number {
  if (!final.ending) return stateValue(model, rules, final);
  const result = final.ending.result;
  const margin = RESULT_VALUE[result[model.role]] - RESULT_VALUE[result[otherRole(model.role)]];
  return (
    positionValue(rules, final, model.role) +
    personalityUtility(model, rules, final) +
    RIVALRY * Math.max(0, margin)
  );
}

export interface SearchResult {
  action: ChooseAction;
  rollouts: number;
  /** Mean value of each action's rollouts, in the order given (NaN if it had none). */
  values: number[];
}

export function searchHard(
  rules: Rules,
  state: GameState,
  actions: readonly ChooseAction[],
  model: RoleModel,
  budget: number,
  seed: number,
): SearchResult {
  const n = actions.length;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const mean = (i: number) => (count[i]! > 0 ? sum[i]! / count[i]! : -Infinity);
  if (n <= 1) return { action: actions[0]!, rollouts: 0, values: [Number.NaN] };
  // The rival is assumed to play the scenario's default character for its role, greedily.
  const rival = rivalModel(rules, otherRole(model.role));
  const policy: DefaultPolicy = {
    epsilon: ROLLOUT_EPSILON,
    rivalry: model.role === 'kim' ? { kim: ROLLOUT_RIVALRY, putin: 0 } : { kim: 0, putin: ROLLOUT_RIVALRY },
    models: model.role === 'kim' ? { kim: model, putin: rival } : { kim: rival, putin: model },
  };
  let alive = actions.map((_, i) => i);
  const rounds = Math.max(1, Math.ceil(Math.log2(n)));
  let used = 0;
  let next = 0;
  for (let round = 0; round < rounds && alive.length > 1; round++) {
    const left = budget - used;
    const per = Math.max(1, Math.floor(left / ((rounds - round) * alive.length)));
    for (let k = 0; k < per; k++) {
      const world = mixSeed(seed, next++);
      for (const i of alive) {
        const final = playOut(rules, state, actions[i]!, seedRandom(world), randomFrom(world, 1), policy);
        sum[i]! += terminalValue(model, rules, final);
        count[i]!++;
        used++;
      }
    }
    // Stable: among equal means the earlier action stays ahead.
    alive = alive.toSorted((a, b) => mean(b) - mean(a) || a - b).slice(0, Math.ceil(alive.length / 2));
  }
  const best = alive.toSorted((a, b) => mean(b) - mean(a) || a - b)[0]!;
  return {
    action: actions[best]!,
    rollouts: used,
    values: actions.map((_, i) => (count[i]! > 0 ? sum[i]! / count[i]! : Number.NaN)),
  };
}
