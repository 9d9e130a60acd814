// Rollouts for the hard level: the rest of a game played out on a private scratch copy with the
// engine's own rules (applyActionInPlace), both sides following a fast default policy.
//
// Determinization: the copy's random state is replaced by one drawn from the opponent's own seed,
// so a rollout never replays the real game's future dice, and the rival's hand (which the opponent
// cannot see) is dealt afresh from the cards the rival could hold.
import {
  applyActionInPlace,
  otherRole,
  type ChooseAction,
  type GameState,
  type Role,
  type Rules,
} from '../engine/index.ts';
import { drawFloat, type RandomState } from '../engine/random.ts';
import { cardEligible } from '../engine/turn.ts';
import type { RoleModel } from './model.ts';
import { quickValue, sketches, type Sketch } from './quick.ts';

/**
 * A copy of the state a rollout may change: everything the rules read, copied; the history the
 * rules only append to (log, chronicle, news, timeline) starts empty, since a rollout never reads
 * it and copying it is most of the cost of a full clone late in a game.
 */
export function scratchCopy(state: GameState, rng: RandomState): GameState {
  return {
    scenarioId: state.scenarioId,
    seed: state.seed,
    rng,
    turn: state.turn,
    phase: state.phase,
    active: state.active,
    meters: { ...state.meters },
    stage: state.stage,
    flags: { ...state.flags },
    played: { ...state.played },
    chose: { ...state.chose },
    fired: { ...state.fired },
    hands: { kim: [...state.hands.kim], putin: [...state.hands.putin] },
    done: { ...state.done },
    offers: state.offers.map((o) => ({ ...o })),
    pending: state.pending.map((p) => ({ ...p })),
    news: [],
    chronicle: [],
    timeline: [],
    score: { ...state.score },
    ending: state.ending ? { ...state.ending, result: { ...state.ending.result } } : null,
    log: [],
  };
}

/** Deals the role a fresh hand of the same size from the cards it could have been dealt. */
export function redealHidden(rules: Rules, scratch: GameState, role: Role): void {
  const size = scratch.hands[role].length;
  if (scratch.done[role] || size === 0) return;
  const pool = rules.compiled.deck[role].filter((entry) => cardEligible(rules, scratch, entry));
  const hand: string[] = [];
  while (hand.length < size && pool.length > 0) {
    let total = 0;
    for (const c of pool) total += c.item.weight ?? 1;
    let pick = drawFloat(scratch) * total;
    let index = 0;
    while (index < pool.length - 1 && pick >= (pool[index]!.item.weight ?? 1)) {
      pick -= pool[index]!.item.weight ?? 1;
      index++;
    }
    hand.push(pool[index]!.item.id);
    pool.splice(index, 1);
  }
  // A card dealt now may no longer have an open option; keep the hand playable.
  scratch.hands[role] = hand.length > 0 ? hand : scratch.hands[role];
}

export interface DefaultPolicy {
  /** Chance of a uniformly random move instead of the quick judgement's best. */
  readonly epsilon: number;
  /** How much an option's quick value to the rival counts against its value to the mover. */
  readonly rivalry: Readonly<Record<Role, number>>;
  readonly models: Readonly<Record<Role, RoleModel>>;
}

/**
 * The default policy's move: the open option with the best quick value, or with chance epsilon a
 * random one. The same moves `legalActions` lists, found without building them all.
 */
export function defaultMove(
  rules: Rules,
  state: GameState,
  policy: DefaultPolicy,
  dice: { rng: RandomState },
): ChooseAction | null {
  const role = state.active;
  if (state.phase !== 'playing' || role === null) return null;
  const offer = state.offers[0];
  const cardIds = offer ? [offer.card] : state.hands[role];
  const all = sketches(rules);
  const model = policy.models[role];
  const rival = policy.models[otherRole(role)];
  const rivalry = policy.rivalry[role];
  const random = drawFloat(dice) < policy.epsilon;
  const open: Sketch[] = [];
  const cards: string[] = [];
  let best: Sketch | null = null;
  let bestCard = '';
  let bestValue = -Infinity;
  for (const id of cardIds) {
    const tests = rules.compiled.cards.get(id)!.options;
    const options = all.get(id)!;
    for (let i = 0; i < tests.length; i++) {
      if (!tests[i]!(rules, state)) continue;
      const sketch = options[i]!;
      if (random) {
        open.push(sketch);
        cards.push(id);
        continue;
      }
      let value = quickValue(model, rules, state, sketch);
      if (rivalry !== 0) value -= rivalry * quickValue(rival, rules, state, sketch);
      if (value > bestValue) {
        bestValue = value;
        best = sketch;
        bestCard = id;
      }
    }
  }
  if (random && open.length > 0) {
    const k = Math.floor(drawFloat(dice) * open.length);
    best = open[k]!;
    bestCard = cards[k]!;
  }
  if (best === null) return null;
  return { type: 'choose', role, card: bestCard, option: best.option };
}

/** More moves than any game needs: a guard against a loop. */
const MAX_MOVES = 2_000;

/**
 * Plays `first` on a scratch copy, then the rest of the game by the default policy. The copy's
 * world dice and the rival's hidden hand come from `worldSeed`-derived state passed in `rng`;
 * the policy's own noise from `dice`. Returns the final (or last) scratch state.
 */
export function playOut(
  rules: Rules,
  state: GameState,
  first: ChooseAction,
  rng: RandomState,
  dice: { rng: RandomState },
  policy: DefaultPolicy,
): GameState {
  const scratch = scratchCopy(state, rng);
  redealHidden(rules, scratch, otherRole(first.role));
  const rejected = applyActionInPlace(rules, scratch, first);
  if (rejected) throw new Error(`rollout: ${first.card}/${first.option} rejected (${rejected.code})`);
  for (let moves = 0; scratch.phase === 'playing' && moves < MAX_MOVES; moves++) {
    const action = defaultMove(rules, scratch, policy, dice);
    if (action === null) break;
    if (applyActionInPlace(rules, scratch, action)) break;
  }
  return scratch;
}
