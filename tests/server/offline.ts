// The same game as a live student's, played offline with the engine alone: the student's choices
// from the easy opponent under its own seed (as tools/live-sim.ts picks them), the computer's from
// the opponent at the session's level seeded by the world number (as the page's worker does).
import { decide } from '../../src/ai/decide.ts';
import type { Level } from '../../src/ai/settings.ts';
import { applyAction, newGame, type GameState, type Role, type Rules } from '../../src/engine/index.ts';

export function offlineGame(
  rules: Rules,
  seed: number,
  human: Role,
  level: Level,
  choiceSeed: number,
): GameState {
  let state = newGame(rules, seed);
  while (state.phase === 'playing') {
    const settings = state.active === human ? { level: 'easy' as const, seed: choiceSeed } : { level, seed };
    const d = decide(rules, state, settings);
    if (!d.ok) throw new Error(d.message);
    const r = applyAction(rules, state, d.action);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
  return state;
}

/** A pair's game offline: each side chooses with the easy opponent under its player's seed. */
export function offlinePair(rules: Rules, seed: number, seeds: Record<Role, number>): GameState {
  let state = newGame(rules, seed);
  while (state.phase === 'playing') {
    const d = decide(rules, state, { level: 'easy', seed: seeds[state.active!] });
    if (!d.ok) throw new Error(d.message);
    const r = applyAction(rules, state, d.action);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
  return state;
}
