// Starting a game, and the one entry point that applies any action.
import { produce } from 'immer';
import { optionOpen, advanceIfTurnOver, checkCollapse, dealHands, updateScore } from './turn.ts';
import { applyOutcome } from './outcomes.ts';
import { timesPlayed } from './conditions.ts';
import { drawFloat, isSeed, seedRandom } from './random.ts';
import type { Rules } from './rules.ts';
import type { Action, ChronicleEntry, GameState, MeterChanges } from './state.ts';
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

/** The state before the first move. The seed is required: there is no hidden default. */
export function newGame(rules: Rules, seed: number): GameState {
  if (!isSeed(seed))
    throw new RangeError(`a seed is a whole number from 0 to 4294967295, got ${String(seed)}`);
  const scenario = rules.scenario;
  const meters: Record<string, number> = {};
  for (const [id, def] of rules.meters) meters[id] = def.initial;
  const flags: Record<string, true> = {};
  for (const f of scenario.initial.flags) flags[f] = true;
  const initial: GameState = {
    scenarioId: scenario.id,
    seed,
    rng: seedRandom(seed),
    turn: 1,
    phase: 'playing',
    active: null,
    meters,
    stage: scenario.initial.stage,
    flags,
    played: {},
    chose: {},
    fired: {},
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
  return produce(initial, (draft) => {
    dealHands(rules, draft);
    updateScore(rules, draft);
    advanceIfTurnOver(rules, draft);
  });
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

/**
 * Applies any action. An illegal action is returned as a typed rejection: it never throws and
 * never changes the state.
 */
export function applyAction(rules: Rules, state: GameState, input: unknown): ApplyResult {
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
  if (!optionOpen(rules, state, option)) {
    return reject('option-closed', `"${option.label}" is not open right now.`);
  }

  const next = produce(state, (draft) => {
    draft.log.push(action);
    if (answering) draft.offers.shift();
    else {
      draft.done[action.role] = true;
      draft.hands[action.role] = [];
    }
    draft.played[card.id] = timesPlayed(draft, card.id) + 1;
    draft.chose[`${card.id}/${option.id}`] = true;

    const changes: MeterChanges = {};
    const texts = applyOutcome(rules, draft, option, changes);
    if (option.chances) {
      const roll = drawFloat(draft);
      let cumulative = 0;
      for (const branch of option.chances) {
        cumulative += branch.p;
        if (roll < cumulative) {
          texts.push(...applyOutcome(rules, draft, branch, changes));
          break;
        }
      }
    }
    option.later?.forEach((delayed, index) => {
      draft.pending.push({
        due: draft.turn + delayed.after,
        card: card.id,
        option: option.id,
        index,
        role: action.role,
      });
    });
    if (option.offer) draft.offers.push({ card: option.offer, from: action.role, via: card.id });

    const entry: ChronicleEntry = {
      turn: draft.turn,
      kind: answering ? 'answer' : 'choice',
      id: card.id,
      option: option.id,
      role: action.role,
      title: card.title,
      text: texts.join(' ') || option.detail || option.label,
      changes,
      stage: draft.stage,
    };
    draft.chronicle.push(entry);
    updateScore(rules, draft);
    if (checkCollapse(rules, draft)) return;
    advanceIfTurnOver(rules, draft);
  });
  return { ok: true, state: next };
}
