// Replays: folding the action log over the initial state reproduces every intermediate state.
import { applyAction, newGame, type Rejection } from './game.ts';
import type { Rules } from './rules.ts';
import type { Action, GameState } from './state.ts';

export type ReplayResult =
  { ok: true; states: GameState[] } | { ok: false; at: number; rejection: Rejection; states: GameState[] };

/** Every state of a game: states[0] is the start, states[i] the state after log[i - 1]. */
export function replay(rules: Rules, seed: number, log: readonly Action[]): ReplayResult {
  const states = [newGame(rules, seed)];
  for (let i = 0; i < log.length; i++) {
    const result = applyAction(rules, states[states.length - 1]!, log[i]);
    if (!result.ok) return { ok: false, at: i, rejection: result, states };
    states.push(result.state);
  }
  return { ok: true, states };
}
