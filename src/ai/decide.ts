// The opponent's one entry point: a pure function from (rules, state, settings) to a move, which
// the simulation, the page and a Web Worker all call. It reads the state and never changes it; its
// only randomness is drawn from a generator seeded by the settings' seed and the position.
import { isSeed, legalActions, type ChooseAction, type GameState, type Rules } from '../engine/index.ts';
import { personalityFor, roleModel } from './model.ts';
import { decideEasy, decideNormal } from './onestep.ts';
import { searchHard } from './search.ts';
import { mixSeed, randomFrom } from './seed.ts';
import {
  HARD_ROLLOUTS,
  isLevel,
  levelIndex,
  LEVELS,
  MAX_ROLLOUTS,
  roleIndex,
  type OpponentSettings,
} from './settings.ts';

export type Decision =
  | { ok: true; action: ChooseAction; rollouts: number }
  | { ok: false; code: 'bad-settings' | 'no-move'; message: string };

/** Why the settings cannot be used with these rules, or null if they can. */
export function checkSettings(rules: Rules, settings: OpponentSettings): string | null {
  if (!isLevel(settings.level)) return `level must be one of ${LEVELS.join(', ')}`;
  if (!isSeed(settings.seed)) return 'seed must be a whole number from 0 to 4294967295';
  const r = settings.rollouts;
  if (r !== undefined && !(Number.isSafeInteger(r) && r >= 1 && r <= MAX_ROLLOUTS))
    return `rollouts must be a whole number from 1 to ${MAX_ROLLOUTS}`;
  const id = settings.personality;
  if (id !== undefined && !rules.scenario.personalities.some((p) => p.id === id)) {
    const known = rules.scenario.personalities.map((p) => p.id);
    return `unknown personality "${id}" (this scenario has ${known.length > 0 ? known.join(', ') : 'none'})`;
  }
  return null;
}

/** The seed of one decision: the opponent's seed and the position, never the game's dice. */
export function decisionSeed(state: GameState, settings: OpponentSettings): number {
  const role = state.active === null ? 2 : roleIndex(state.active);
  return mixSeed(settings.seed, state.seed, state.turn, state.log.length, role, levelIndex(settings.level));
}

/** At most this many times the base budget, however short the game's remaining rollouts. */
export const MAX_BUDGET_SCALE = 4;

/**
 * The rollouts a hard decision may run. The base budget is what a decision on the first month
 * gets; a later decision, whose rollouts have fewer months to play, gets proportionally more
 * (months in the game / months left, up to MAX_BUDGET_SCALE times), so every decision costs about
 * the same and the end of the game, where the final scores are settled, is judged more closely.
 * It depends on the state alone: no clock.
 */
export function rolloutBudget(rules: Rules, state: GameState, base: number): number {
  const turns = rules.scenario.turns;
  const left = Math.max(1, turns - state.turn + 1);
  return Math.min(MAX_ROLLOUTS, Math.round(base * Math.min(MAX_BUDGET_SCALE, turns / left)));
}

/** The opponent's move for the role to act in `state`. Pure and deterministic; never throws on bad input. */
export function decide(rules: Rules, state: GameState, settings: OpponentSettings): Decision {
  const problem = checkSettings(rules, settings);
  if (problem !== null) return { ok: false, code: 'bad-settings', message: problem };
  const role = state.active;
  if (state.phase !== 'playing' || role === null)
    return { ok: false, code: 'no-move', message: 'the game is over: there is no move to make' };
  const actions = legalActions(rules, state);
  if (actions.length === 0)
    return { ok: false, code: 'no-move', message: `${role} has no legal move in this state` };
  if (actions.length === 1) return { ok: true, action: actions[0]!, rollouts: 0 };
  const model = roleModel(rules, role, personalityFor(rules, role, settings.personality));
  const seed = decisionSeed(state, settings);
  switch (settings.level) {
    case 'easy':
      return { ok: true, action: decideEasy(rules, state, model, randomFrom(seed)), rollouts: 0 };
    case 'normal':
      return { ok: true, action: decideNormal(rules, state, model, randomFrom(seed)), rollouts: 0 };
    case 'hard': {
      const budget = rolloutBudget(rules, state, settings.rollouts ?? HARD_ROLLOUTS);
      const result = searchHard(rules, state, actions, model, budget, seed);
      return { ok: true, action: result.action, rollouts: result.rollouts };
    }
  }
}
