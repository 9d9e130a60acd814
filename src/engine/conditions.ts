// Evaluates a scenario condition against a state. Every key present must hold.
import type { Condition } from '../scenario/schema.ts';
import type { Rules } from './rules.ts';
import type { GameState } from './state.ts';
import { stageIndex } from './vocabulary.ts';

type Range = { atLeast?: number | undefined; atMost?: number | undefined };

/** Own keys only: an id such as "constructor" must not find Object.prototype's member. */
export function has(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}

export function timesPlayed(state: GameState, card: string): number {
  return Object.hasOwn(state.played, card) ? state.played[card]! : 0;
}

function inRange(value: number, range: Range): boolean {
  return (
    (range.atLeast === undefined || value >= range.atLeast) &&
    (range.atMost === undefined || value <= range.atMost)
  );
}

export function holds(rules: Rules, state: GameState, cond: Condition | undefined): boolean {
  if (cond === undefined) return true;
  if (cond.meters) {
    for (const id in cond.meters) {
      if (!inRange(state.meters[id] ?? 0, cond.meters[id]!)) return false;
    }
  }
  if (cond.flags && !cond.flags.every((f) => has(state.flags, f))) return false;
  if (cond.notFlags && cond.notFlags.some((f) => has(state.flags, f))) return false;
  if (cond.stage) {
    const at = stageIndex(state.stage);
    if (cond.stage.atLeast !== undefined && at < stageIndex(cond.stage.atLeast)) return false;
    if (cond.stage.atMost !== undefined && at > stageIndex(cond.stage.atMost)) return false;
  }
  if (cond.turn && !inRange(state.turn, cond.turn)) return false;
  if (cond.played && !cond.played.every((c) => timesPlayed(state, c) > 0)) return false;
  if (cond.notPlayed && cond.notPlayed.some((c) => timesPlayed(state, c) > 0)) return false;
  if (cond.chose && !cond.chose.every((pair) => has(state.chose, pair))) return false;
  if (cond.score) {
    for (const role of ['kim', 'putin'] as const) {
      const range = cond.score[role];
      if (range && !inRange(scoreOf(rules, state, role), range)) return false;
    }
  }
  if (cond.any && !cond.any.some((c) => holds(rules, state, c))) return false;
  if (cond.not && holds(rules, state, cond.not)) return false;
  return true;
}

/** Points from the role's objectives that hold in this state. Objectives never read the score. */
export function scoreOf(rules: Rules, state: GameState, role: 'kim' | 'putin'): number {
  let points = 0;
  for (const objective of rules.objectives[role]) {
    if (holds(rules, state, objective.when)) points += objective.points;
  }
  return points;
}
