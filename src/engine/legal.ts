// The moves open to the active role: what a player may click and what a policy may choose from.
import type { Rules } from './rules.ts';
import type { ChooseAction, GameState } from './state.ts';

export function legalActions(rules: Rules, state: GameState): ChooseAction[] {
  const role = state.active;
  if (state.phase === 'over' || role === null) return [];
  const offer = state.offers[0];
  const cardIds = offer ? [offer.card] : state.hands[role];
  const actions: ChooseAction[] = [];
  for (const id of cardIds) {
    const entry = rules.compiled.cards.get(id)!;
    const options = entry.item.options;
    for (let i = 0; i < options.length; i++) {
      const option = options[i]!;
      if (entry.options[i]!(rules, state))
        actions.push({ type: 'choose', role, card: id, option: option.id });
    }
  }
  return actions;
}
