// Plays one whole game between two policies. A rejected move or a game that stops without an
// ending is a bug in the engine or a policy, so both throw. The game is played on a private
// scratch state, changed in place (the same rules as `applyAction`, without copying each step).
import {
  applyActionInPlace,
  newScratchGame,
  type GameState,
  type Policy,
  type Role,
  type Rules,
} from '../engine/index.ts';

/** More moves than any scenario can need (60 turns × a few moves); guards against a loop. */
const MAX_ACTIONS = 10_000;

export function playGame(rules: Rules, seed: number, policies: Readonly<Record<Role, Policy>>): GameState {
  const state = newScratchGame(rules, seed);
  for (let moves = 0; state.phase === 'playing'; moves++) {
    const role = state.active;
    if (role === null) throw new Error(`game ${seed} is stuck on turn ${state.turn}: nobody is to move`);
    if (moves >= MAX_ACTIONS) throw new Error(`game ${seed} did not end after ${MAX_ACTIONS} moves`);
    const action = policies[role].choose(rules, state);
    if (action === null) {
      throw new Error(`game ${seed} is stuck on turn ${state.turn}: ${role} has no legal move`);
    }
    const rejection = applyActionInPlace(rules, state, action);
    if (rejection) {
      throw new Error(
        `game ${seed}, turn ${state.turn}: ${policies[role].name} policy's move ${action.card}/${action.option} ` +
          `was rejected (${rejection.code}): ${rejection.message}`,
      );
    }
  }
  return state;
}
