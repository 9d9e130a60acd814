// The one-step levels. Easy looks at each option's expected effects (the engine's projectOption)
// through its objectives and personality, with seeded noise. Normal looks further: delayed effects
// that land in time, how far each meter is from what the objectives ask, and, for an offer, the
// answer the other side is likely to give (itself judged one step ahead by that side's objectives).
import {
  legalActions,
  otherRole,
  projectOption,
  type ChooseAction,
  type GameState,
  type Rules,
} from '../engine/index.ts';
import { drawFloat, type RandomState } from '../engine/random.ts';
import { rivalModel, shaping, stateValue, type RoleModel } from './model.ts';
import { projectAhead } from './project.ts';

/** Easy's noise: each option's value is moved by up to this much either way (10 = one objective). */
export const EASY_NOISE = 12;
/** Normal's noise: only enough to break ties. */
const NORMAL_NOISE = 0.5;
/** How much the rival's gain counts against normal's own: it plays to beat its rival. */
export const NORMAL_RIVALRY = 0.5;
/** How many offers deep normal follows an exchange (offer, counter-offer, answer). */
const OFFER_DEPTH = 3;

function pick(
  actions: readonly ChooseAction[],
  value: (a: ChooseAction) => number,
  noise: number,
  dice: { rng: RandomState },
): ChooseAction {
  let best = actions[0]!;
  let bestValue = -Infinity;
  for (const action of actions) {
    const v = value(action) + noise * (2 * drawFloat(dice) - 1);
    if (v > bestValue) {
      bestValue = v;
      best = action;
    }
  }
  return best;
}

export function decideEasy(
  rules: Rules,
  state: GameState,
  model: RoleModel,
  dice: { rng: RandomState },
): ChooseAction {
  const actions = legalActions(rules, state);
  const value = (a: ChooseAction) =>
    stateValue(
      model,
      rules,
      projectOption(rules, state, a.card, rules.options.get(`${a.card}/${a.option}`)!),
    );
  return pick(actions, value, EASY_NOISE, dice);
}

/** Normal's view of a position: the engine's measure, personality, and distance to objectives. */
function normalValue(model: RoleModel, rules: Rules, state: GameState): number {
  return stateValue(model, rules, state) + shaping(model, rules, state);
}

/**
 * The expected position after `role` plays `cardId/optionId` in `state`, following an offer through
 * the answers each side would give by its own objectives (up to `depth` offers deep).
 */
function expectedAfter(
  rules: Rules,
  state: GameState,
  cardId: string,
  optionId: string,
  depth: number,
): GameState {
  const option = rules.options.get(`${cardId}/${optionId}`)!;
  const projected = projectAhead(rules, state, cardId, option);
  if (option.offer === undefined || depth === 0) return projected;
  const offer = rules.compiled.cards.get(option.offer);
  if (!offer) return projected;
  const answerer = rivalModel(rules, offer.item.role);
  let best: GameState | null = null;
  let bestValue = -Infinity;
  offer.item.options.forEach((answer, i) => {
    if (!offer.options[i]!(rules, projected)) return;
    const after = expectedAfter(rules, projected, offer.item.id, answer.id, depth - 1);
    const v = normalValue(answerer, rules, after);
    if (v > bestValue) {
      bestValue = v;
      best = after;
    }
  });
  return best ?? projected;
}

export function decideNormal(
  rules: Rules,
  state: GameState,
  model: RoleModel,
  dice: { rng: RandomState },
): ChooseAction {
  const actions = legalActions(rules, state);
  const rival = rivalModel(rules, otherRole(model.role));
  const value = (a: ChooseAction) => {
    const after = expectedAfter(rules, state, a.card, a.option, OFFER_DEPTH);
    return normalValue(model, rules, after) - NORMAL_RIVALRY * normalValue(rival, rules, after);
  };
  return pick(actions, value, NORMAL_NOISE, dice);
}
