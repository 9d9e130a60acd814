// What each game met of the scenario's cards: which were dealt (in a hand, or offered to answer)
// and which options were chosen, by a student or by the computer. Tallied per card for the class,
// with the card's trade-offs and the article's paragraphs it cites.
import type { Role } from '../engine/index.ts';
import type { Card, Scenario, Tradeoff } from '../scenario/schema.ts';
import type { CheckedResult } from './readResult.ts';

/** The cards one game met. */
export interface GameCards {
  /** Cards dealt into a hand or offered to answer at any moment of the game. */
  dealt: Set<string>;
  /** Every move: the card, the option, and whether a student (a human seat) made it. */
  moves: { card: string; option: string; student: boolean }[];
}

export function gameCards(result: CheckedResult): GameCards {
  const dealt = new Set<string>();
  for (const state of result.states) {
    for (const hand of Object.values(state.hands)) for (const card of hand) dealt.add(card);
    for (const offer of state.offers) dealt.add(offer.card);
  }
  const seats = result.replay.setup.seats;
  const moves = result.replay.log.map((m) => ({
    card: m.card,
    option: m.option,
    student: seats[m.role] === 'human',
  }));
  return { dealt, moves };
}

export interface TradeoffRef {
  id: string;
  /** The trade-off in words, when the catalogue was given; null otherwise. */
  statement: string | null;
}

export interface OptionCount {
  option: string;
  label: string;
  /** Times chosen by students (the card's role was a human seat in that game). */
  students: number;
  /** Times chosen by the computer. */
  computer: number;
}

export interface CardChoices {
  card: string;
  title: string;
  /** The role that chooses on this card. */
  role: Role;
  /** An offer card: never dealt, it arrives as the other side's offer to answer. */
  offer: boolean;
  tradeoffs: TradeoffRef[];
  /** The article's paragraphs the card cites ("p07"), and the words it quotes from them. */
  paragraphs: string[];
  quote: string | null;
  /** Games in which it was dealt (or offered), and in which an option of it was chosen. */
  dealtIn: number;
  chosenIn: number;
  options: OptionCount[];
}

export function tradeoffRef(id: string, catalogue: ReadonlyMap<string, Tradeoff>): TradeoffRef {
  return { id, statement: catalogue.get(id)?.statement ?? null };
}

export function cardChoices(
  scenario: Scenario,
  games: readonly GameCards[],
  catalogue: ReadonlyMap<string, Tradeoff>,
): CardChoices[] {
  return scenario.cards.map((card) => ({
    card: card.id,
    title: card.title,
    role: card.role,
    offer: card.offer === true,
    tradeoffs: card.tradeoffs.map((id) => tradeoffRef(id, catalogue)),
    paragraphs: [...card.paragraphs],
    quote: card.quote ?? null,
    dealtIn: games.filter((g) => g.dealt.has(card.id)).length,
    chosenIn: games.filter((g) => g.moves.some((m) => m.card === card.id)).length,
    options: optionCounts(card, games),
  }));
}

function optionCounts(card: Card, games: readonly GameCards[]): OptionCount[] {
  return card.options.map((o) => {
    const moves = games.flatMap((g) => g.moves).filter((m) => m.card === card.id && m.option === o.id);
    const students = moves.filter((m) => m.student).length;
    return { option: o.id, label: o.label, students, computer: moves.length - students };
  });
}
