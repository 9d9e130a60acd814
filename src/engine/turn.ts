// The month's rhythm: deal hands, decide who acts, and, once both roles have played, resolve the
// turn: events, non-player reactions, delayed outcomes, endings.
import type { Ending, GameEvent, Option, Reaction } from '../scenario/schema.ts';
import type { Card } from '../scenario/schema.ts';
import { holds, scoreOf, timesPlayed } from './conditions.ts';
import { applyOutcome } from './outcomes.ts';
import { drawFloat } from './random.ts';
import type { Compiled, CompiledCard, Rules } from './rules.ts';
import type { ChronicleEntry, GameState, MeterChanges } from './state.ts';
import type { Role } from './vocabulary.ts';

/** An option is open when its own condition holds. */
export function optionOpen(rules: Rules, state: GameState, option: Option): boolean {
  return holds(rules, state, option.when);
}

/** Whether any option of the card is open. */
export function anyOptionOpen(rules: Rules, state: GameState, card: CompiledCard): boolean {
  for (const open of card.options) if (open(rules, state)) return true;
  return false;
}

/** A card can be dealt when its condition holds, it has not been used up, and an option is open. */
export function cardEligible(rules: Rules, state: GameState, entry: CompiledCard): boolean {
  const card = entry.item;
  if (card.offer) return false;
  if (!card.repeatable && timesPlayed(state, card.id) > 0) return false;
  if (!entry.when(rules, state)) return false;
  return anyOptionOpen(rules, state, entry);
}

/** Deals each playable role a hand: a weighted draw without replacement from its eligible cards. */
export function dealHands(rules: Rules, draft: GameState): void {
  const size = rules.scenario.handSize;
  for (const role of ['kim', 'putin'] as const) {
    const hand: string[] = [];
    if (rules.turnOrder.includes(role)) {
      const pool: Card[] = [];
      for (const entry of rules.compiled.deck[role])
        if (cardEligible(rules, draft, entry)) pool.push(entry.item);
      while (hand.length < size && pool.length > 0) {
        let total = 0;
        for (const c of pool) total += c.weight ?? 1;
        let pick = drawFloat(draft) * total;
        let index = 0;
        while (index < pool.length - 1 && pick >= (pool[index]!.weight ?? 1)) {
          pick -= pool[index]!.weight ?? 1;
          index++;
        }
        hand.push(pool[index]!.id);
        pool.splice(index, 1);
      }
    }
    draft.hands[role] = hand;
    draft.done[role] = hand.length === 0;
  }
}

/**
 * Drops cards whose every option has closed since they were dealt (the other side's move can
 * close them), and offers that can no longer be answered, so the game never waits on a dead card.
 */
export function pruneHands(rules: Rules, draft: GameState): void {
  for (const role of rules.turnOrder) {
    if (draft.done[role]) continue;
    const hand = draft.hands[role];
    if (hand.every((id) => anyOptionOpen(rules, draft, rules.compiled.cards.get(id)!))) continue;
    const open = hand.filter((id) => anyOptionOpen(rules, draft, rules.compiled.cards.get(id)!));
    draft.hands[role] = open;
    if (open.length === 0) draft.done[role] = true;
  }
  if (draft.offers.length === 0) return;
  const answerable = (card: CompiledCard) =>
    rules.turnOrder.includes(card.item.role) && anyOptionOpen(rules, draft, card);
  if (!draft.offers.every((offer) => answerable(rules.compiled.cards.get(offer.card)!))) {
    draft.offers = draft.offers.filter((offer) => answerable(rules.compiled.cards.get(offer.card)!));
  }
}

/** Who must act now: whoever owes an answer to an offer, else the first role yet to play. */
export function nextActive(rules: Rules, state: GameState): Role | null {
  if (state.phase === 'over') return null;
  const offer = state.offers[0];
  if (offer) return rules.cards.get(offer.card)!.role;
  for (const role of rules.turnOrder) if (!state.done[role]) return role;
  return null;
}

function snapshot(state: GameState): Record<string, number> {
  return { ...state.meters };
}

function finish(rules: Rules, draft: GameState, ending: Ending): void {
  draft.phase = 'over';
  draft.active = null;
  draft.ending = { id: ending.id, turn: draft.turn, result: { ...ending.result } };
  draft.hands = { kim: [], putin: [] };
  draft.offers = [];
  const entry: ChronicleEntry = {
    turn: draft.turn,
    kind: 'ending',
    id: ending.id,
    title: ending.title,
    text: ending.epilogue,
    changes: {},
  };
  draft.chronicle.push(entry);
  draft.timeline.push(snapshot(draft));
  updateScore(rules, draft);
}

export function updateScore(rules: Rules, draft: GameState): void {
  draft.score.kim = scoreOf(rules, draft, 'kim');
  draft.score.putin = scoreOf(rules, draft, 'putin');
}

/** Ends the game if a collapse ending holds. Returns true if it did. */
export function checkCollapse(rules: Rules, draft: GameState): boolean {
  for (const { item: ending, when } of rules.compiled.collapseEndings) {
    if (when(rules, draft)) {
      finish(rules, draft, ending);
      return true;
    }
  }
  return false;
}

function fireHappenings(
  rules: Rules,
  draft: GameState,
  list: readonly Compiled<GameEvent | Reaction>[],
): void {
  for (const { item: happening, when } of list) {
    if (!happening.repeatable && (draft.fired[happening.id] ?? 0) > 0) continue;
    if (!when(rules, draft)) continue;
    if (happening.chance !== undefined && happening.chance < 1 && drawFloat(draft) >= happening.chance)
      continue;
    const changes: MeterChanges = {};
    const texts = applyOutcome(rules, draft, happening, changes);
    draft.fired[happening.id] = draft.turn;
    const actor = 'actor' in happening ? happening.actor : undefined;
    const entry: ChronicleEntry = {
      turn: draft.turn,
      kind: actor ? 'reaction' : 'event',
      id: happening.id,
      title: happening.title,
      text: texts.join(' '),
      changes,
      stage: draft.stage,
      ...(actor ? { actor } : {}),
    };
    draft.news.push(entry);
    draft.chronicle.push(entry);
  }
}

function fireDelayed(rules: Rules, draft: GameState): void {
  const due = draft.pending.filter((p) => p.due === draft.turn);
  if (due.length === 0) return;
  draft.pending = draft.pending.filter((p) => p.due !== draft.turn);
  for (const p of due) {
    const card = rules.cards.get(p.card)!;
    const option = rules.options.get(`${p.card}/${p.option}`)!;
    const delayed = option.later![p.index]!;
    const changes: MeterChanges = {};
    const texts = applyOutcome(rules, draft, delayed, changes);
    const entry: ChronicleEntry = {
      turn: draft.turn,
      kind: 'delayed',
      id: card.id,
      option: option.id,
      role: p.role,
      title: `Later: ${card.title}`,
      text: texts.join(' ') || `What was set in motion by "${option.label}" takes effect.`,
      changes,
      stage: draft.stage,
    };
    draft.news.push(entry);
    draft.chronicle.push(entry);
  }
}

/**
 * Closes the month once nobody has anything left to play: events and reactions of this month,
 * then either the final ending or the next month (its delayed outcomes, then new hands).
 * Loops while a new month deals nobody a card, so the game never waits on an empty hand.
 */
export function advanceIfTurnOver(rules: Rules, draft: GameState): void {
  pruneHands(rules, draft);
  while (draft.phase === 'playing' && nextActive(rules, draft) === null) {
    draft.news = [];
    fireHappenings(rules, draft, rules.compiled.events);
    fireHappenings(rules, draft, rules.compiled.reactions);
    if (checkCollapse(rules, draft)) return;
    if (draft.turn >= rules.scenario.turns) {
      const ending = rules.compiled.finalEndings.find((e) => e.when(rules, draft))?.item;
      // validation guarantees the last final ending has no condition, so one always matches
      finish(rules, draft, ending ?? rules.finalEndings[rules.finalEndings.length - 1]!);
      return;
    }
    draft.turn += 1;
    fireDelayed(rules, draft);
    if (checkCollapse(rules, draft)) return;
    draft.timeline.push(snapshot(draft));
    dealHands(rules, draft);
    updateScore(rules, draft);
    pruneHands(rules, draft);
  }
  draft.active = nextActive(rules, draft);
}
