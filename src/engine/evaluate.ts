// How good a position looks to a role, and what an option is expected to do, without rolling dice.
// The simple policies (and later the opponent's heuristics) are built on these.
import type { Option, Outcome } from '../scenario/schema.ts';
import { holds, scoreOf, timesPlayed } from './conditions.ts';
import type { Rules } from './rules.ts';
import type { GameState } from './state.ts';
import { ROLE_STATE, stageIndex, type Role } from './vocabulary.ts';

const LATER_DISCOUNT = 0.7;

/**
 * Adds `weight` times the outcome's effects to `into` (flags and stage moves only when likely,
 * weight ≥ 0.5); conditional parts are judged on `state`, before anything applies.
 */
export function addExpected(
  rules: Rules,
  state: GameState,
  outcome: Outcome,
  weight: number,
  into: GameState,
): void {
  for (const id in outcome.effects ?? {}) {
    const def = rules.meters.get(id);
    if (!def) continue;
    into.meters[id] = Math.min(def.max, Math.max(def.min, into.meters[id]! + weight * outcome.effects![id]!));
  }
  if (weight >= 0.5) {
    for (const f of outcome.flags ?? []) into.flags[f] = true;
    for (const f of outcome.clearFlags ?? []) into.flags[f] = false;
    if (outcome.stage && stageIndex(outcome.stage) > stageIndex(into.stage)) into.stage = outcome.stage;
    if (outcome.stageFallsTo && stageIndex(outcome.stageFallsTo) < stageIndex(into.stage))
      into.stage = outcome.stageFallsTo;
  }
  for (const branch of outcome.if ?? []) {
    if (holds(rules, state, branch.when)) addExpected(rules, state, branch, weight, into);
  }
}

/** A copy of `state` moved by the option's expected effects: chances weighted, later ones discounted. */
export function projectOption(rules: Rules, state: GameState, cardId: string, option: Option): GameState {
  const projected: GameState = {
    ...state,
    meters: { ...state.meters },
    flags: { ...state.flags },
    played: { ...state.played, [cardId]: timesPlayed(state, cardId) + 1 },
    chose: { ...state.chose, [`${cardId}/${option.id}`]: true },
  };
  addExpected(rules, state, option, 1, projected);
  for (const branch of option.chances ?? []) addExpected(rules, state, branch, branch.p, projected);
  for (const delayed of option.later ?? []) addExpected(rules, state, delayed, LATER_DISCOUNT, projected);
  return projected;
}

/** True for the meters a role cares about: its own state's and the shared ones. */
export function meterConcerns(rules: Rules, meterId: string, role: Role): boolean {
  const owner = rules.meters.get(meterId)?.owner;
  return owner === 'shared' || owner === ROLE_STATE[role];
}

/**
 * A position's value to a role: a decided game by its result; otherwise objectives met (10 a
 * point), a collapse that would end it, and the distance of its meters into their danger zones.
 */
export function positionValue(rules: Rules, state: GameState, role: Role): number {
  if (state.ending) {
    const r = state.ending.result[role];
    return (r === 'win' ? 1000 : r === 'draw' ? 0 : -1000) + 10 * state.score[role];
  }
  for (const ending of rules.collapseEndings) {
    if (holds(rules, state, ending.when)) {
      const r = ending.result[role];
      return r === 'win' ? 500 : r === 'draw' ? -100 : -500;
    }
  }
  let value = 10 * scoreOf(rules, state, role);
  for (const id of rules.meterIds) {
    if (!meterConcerns(rules, id, role)) continue;
    const danger = rules.meters.get(id)!.danger;
    const v = state.meters[id]!;
    if (danger?.low !== undefined && v < danger.low) value -= 2 * (danger.low - v);
    if (danger?.high !== undefined && v > danger.high) value -= 2 * (v - danger.high);
  }
  return value;
}
