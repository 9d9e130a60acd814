// The scenario's trade-offs the class met (a card of it was dealt or offered in some game) and
// those it never met.
import type { Scenario, Tradeoff } from '../scenario/schema.ts';
import { tradeoffRef, type GameCards, type TradeoffRef } from './choices.ts';

export interface TradeoffUse extends TradeoffRef {
  /** The scenario's cards that play it out. */
  cards: string[];
  /** Games in which a card of it was dealt or offered, and in which one was chosen. */
  dealtIn: number;
  chosenIn: number;
}

export interface TradeoffsMet {
  /** In the order the scenario's cards first name them. */
  met: TradeoffUse[];
  never: TradeoffUse[];
}

export function tradeoffsMet(
  scenario: Scenario,
  games: readonly GameCards[],
  catalogue: ReadonlyMap<string, Tradeoff>,
): TradeoffsMet {
  const cardsOf = new Map<string, string[]>();
  for (const card of scenario.cards) {
    for (const id of card.tradeoffs) cardsOf.set(id, [...(cardsOf.get(id) ?? []), card.id]);
  }
  const uses = [...cardsOf].map(([id, cards]): TradeoffUse => ({
    ...tradeoffRef(id, catalogue),
    cards,
    dealtIn: games.filter((g) => cards.some((c) => g.dealt.has(c))).length,
    chosenIn: games.filter((g) => g.moves.some((m) => cards.includes(m.card))).length,
  }));
  return { met: uses.filter((u) => u.dealtIn > 0), never: uses.filter((u) => u.dealtIn === 0) };
}
