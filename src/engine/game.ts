// Starting a game, and the one entry point that applies any action. The rules of a move live in
// `step`, which changes a state it is given; `applyAction` runs it inside immer on a draft, so a
// caller's state is never changed, while simulations run it on their own scratch copies.
import { freeze, produce } from 'immer';
import type { Card, Option } from '../scenario/schema.ts';
import { timesPlayed } from './conditions.ts';
import { applyOutcome } from './outcomes.ts';
import { drawFloat, isSeed, seedRandom } from './random.ts';
import type { Rules } from './rules.ts';
import type { Action, ChronicleEntry, GameState, MeterChanges } from './state.ts';
import { advanceIfTurnOver, checkCollapse, dealHands, optionOpen, updateScore } from './turn.ts';
import { ROLES, type Role } from './vocabulary.ts';

export type RejectionCode =
  | 'malformed'
  | 'game-over'
  | 'not-your-turn'
  | 'unknown-card'
  | 'not-in-hand'
  | 'unknown-option'
  | 'option-closed';

export interface Rejection {
  ok: false;
  code: RejectionCode;
  message: string;
}
export type ApplyResult = { ok: true; state: GameState } | Rejection;

/** A checked action: the card and option it names, and whether it answers an offer. */
interface Move {
  action: Action;
  card: Card;
  option: Option;
  answering: boolean;
}

/** The state before the first move, frozen. The seed is required: there is no hidden default. */
export function newGame(rules: Rules, seed: number): GameState {
  return freeze(newScratchGame(rules, seed), true);
}

/** The same first state, unfrozen and private to the caller, for `applyActionInPlace`. */
export function newScratchGame(rules: Rules, seed: number): GameState {
  if (!isSeed(seed))
    throw new RangeError(`a seed is a whole number from 0 to 4294967295, got ${String(seed)}`);
  const scenario = rules.scenario;
  const meters: Record<string, number> = {};
  for (const [id, def] of rules.meters) meters[id] = def.initial;
  const flags = { ...rules.records.flags };
  for (const f of scenario.initial.flags) flags[f] = true;
  const state: GameState = {
    scenarioId: scenario.id,
    seed,
    rng: seedRandom(seed),
    turn: 1,
    phase: 'playing',
    active: null,
    meters,
    stage: scenario.initial.stage,
    flags,
    played: { ...rules.records.played },
    chose: { ...rules.records.chose },
    fired: { ...rules.records.fired },
    hands: { kim: [], putin: [] },
    done: { kim: true, putin: true },
    offers: [],
    pending: [],
    news: [],
    chronicle: [],
    timeline: [{ ...meters }],
    score: { kim: 0, putin: 0 },
    ending: null,
    log: [],
  };
  dealHands(rules, state);
  updateScore(rules, state);
  advanceIfTurnOver(rules, state);
  return state;
}

function reject(code: RejectionCode, message: string): Rejection {
  return { ok: false, code, message };
}

/** Checks the shape of an action that may come from outside (a file, a worker, a link). */
export function parseAction(input: unknown): Action | null {
  if (typeof input !== 'object' || input === null) return null;
  const a = input as Record<string, unknown>;
  if (a.type !== 'choose') return null;
  if (typeof a.role !== 'string' || !(ROLES as readonly string[]).includes(a.role)) return null;
  if (typeof a.card !== 'string' || typeof a.option !== 'string') return null;
  return { type: 'choose', role: a.role as Role, card: a.card, option: a.option };
}

/** Whether the action is legal in this state, and what it names. Reads the state only. */
function check(rules: Rules, state: GameState, input: unknown): Move | Rejection {
  const action = parseAction(input);
  if (!action)
    return reject('malformed', 'An action is { type: "choose", role: "kim" | "putin", card, option }.');
  if (state.phase === 'over') return reject('game-over', 'The game is over.');
  if (state.active !== action.role) {
    return reject('not-your-turn', `It is ${state.active ?? 'nobody'}'s move, not ${action.role}'s.`);
  }
  const card = rules.cards.get(action.card);
  if (!card) return reject('unknown-card', `There is no card "${action.card}" in this scenario.`);
  const offer = state.offers[0];
  const answering = offer !== undefined && offer.card === card.id;
  if (offer && !answering) return reject('not-in-hand', `"${card.title}" must wait: first answer the offer.`);
  if (!answering && !state.hands[action.role].includes(card.id)) {
    return reject('not-in-hand', `"${card.title}" is not in ${action.role}'s hand.`);
  }
  const option = card.options.find((o) => o.id === action.option);
  if (!option) return reject('unknown-option', `"${card.title}" has no option "${action.option}".`);
  if (!optionOpen(rules, state, option))
    return reject('option-closed', `"${option.label}" is not open right now.`);
  return { action, card, option, answering };
}

/** Plays a checked move on `state`, changing it: the rules of a move, in one place. */
function step(rules: Rules, state: GameState, { action, card, option, answering }: Move): void {
  state.log.push(action);
  if (answering) state.offers.shift();
  else {
    state.done[action.role] = true;
    state.hands[action.role] = [];
  }
  state.played[card.id] = timesPlayed(state, card.id) + 1;
  state.chose[`${card.id}/${option.id}`] = true;

  const changes: MeterChanges = {};
  const texts = applyOutcome(rules, state, option, changes);
  if (option.chances) {
    const roll = drawFloat(state);
    let cumulative = 0;
    for (const branch of option.chances) {
      cumulative += branch.p;
      if (roll < cumulative) {
        texts.push(...applyOutcome(rules, state, branch, changes));
        break;
      }
    }
  }
  option.later?.forEach((delayed, index) => {
    state.pending.push({
      due: state.turn + delayed.after,
      card: card.id,
      option: option.id,
      index,
      role: action.role,
    });
  });
  if (option.offer) state.offers.push({ card: option.offer, from: action.role, via: card.id });

  const entry: ChronicleEntry = {
    turn: state.turn,
    kind: answering ? 'answer' : 'choice',
    id: card.id,
    option: option.id,
    role: action.role,
    title: card.title,
    text: texts.join(' ') || option.detail || option.label,
    changes,
    stage: state.stage,
  };
  state.chronicle.push(entry);
  if (checkCollapse(rules, state)) return;
  advanceIfTurnOver(rules, state);
}

/**
 * Applies any action. An illegal action is returned as a typed rejection: it never throws and
 * never changes the state. The state given is never changed either: the result is a new state
 * sharing what did not change (immer).
 */
export function applyAction(rules: Rules, state: GameState, input: unknown): ApplyResult {
  const move = check(rules, state, input);
  if ('ok' in move) return move;
  return { ok: true, state: produce(state, (draft) => step(rules, draft, move)) };
}

/**
 * The same rules, applied to `scratch` in place, for simulations and look-ahead that own a private
 * copy (see `cloneState`). Never pass it a state anyone else holds.
 */
export function applyActionInPlace(rules: Rules, scratch: GameState, input: unknown): Rejection | null {
  const move = check(rules, scratch, input);
  if ('ok' in move) return move;
  step(rules, scratch, move);
  return null;
}

/** A deep, private copy of a state that `applyActionInPlace` may then change. */
export function cloneState(state: GameState): GameState {
  return structuredClone(state);
}
