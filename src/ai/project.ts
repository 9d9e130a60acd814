// What an option is expected to do, looking a little further than the engine's projectOption:
// delayed outcomes count only if they land before the game ends, and an offer counts by the answer
// the other side is likely to give. Reads the state only.
import type { Option } from '../scenario/schema.ts';
import { type GameState, type Rules } from '../engine/index.ts';
import { addExpected } from '../engine/evaluate.ts';

/** A delayed outcome that lands in time is worth this share of an immediate one. */
const LATER = 0.85;

/** A copy of `state` moved by the option's expected effects (chances weighted, late ones dropped). */
export function projectAhead(rules: Rules, state: GameState, cardId: string, option: Option): GameState {
  const projected: GameState = {
    ...state,
    meters: { ...state.meters },
    flags: { ...state.flags },
    played: { ...state.played, [cardId]: (state.played[cardId] ?? 0) + 1 },
    chose: { ...state.chose, [`${cardId}/${option.id}`]: true },
  };
  addExpected(rules, state, option, 1, projected);
  for (const branch of option.chances ?? []) addExpected(rules, state, branch, branch.p, projected);
  for (const delayed of option.later ?? []) {
    if (state.turn + delayed.after <= rules.scenario.turns)
      addExpected(rules, state, delayed, LATER, projected);
  }
  return projected;
}
