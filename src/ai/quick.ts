// A fast judgement of an option, for the default policy of the hard level's rollouts: the option's
// expected meter changes (chances weighted, delayed ones that land before the end discounted),
// valued against the role's model at the current meter values, without copying the state.
// Thousands of these run per decision, so everything is precompiled per option.
import type { Option, Outcome } from '../scenario/schema.ts';
import { STAGE_INDEX, type GameState, type Rules } from '../engine/index.ts';
import type { RoleModel } from './model.ts';

/** One expected change: meter index, amount, and the turns it waits (0: now). */
interface Change {
  meter: number;
  delta: number;
  after: number;
}

export interface Sketch {
  key: string;
  option: string;
  /** Sorted by meter. */
  changes: readonly Change[];
  flags: readonly string[];
  clearFlags: readonly string[];
  /** Stage index the option moves the alliance to, or -1. */
  stage: number;
}

/** Delayed outcomes are worth this share of an immediate one (later, and less certain). */
const LATER = 0.8;
/** A collapse ending reached by an option, per result point (win +1, loss -1); a draw costs DRAW. */
const COLLAPSE = 600;
const DRAW = -150;

function collect(
  outcome: Outcome,
  weight: number,
  after: number,
  index: ReadonlyMap<string, number>,
  into: Change[],
): void {
  for (const id in outcome.effects ?? {}) {
    const meter = index.get(id);
    if (meter !== undefined) into.push({ meter, delta: weight * outcome.effects![id]!, after });
  }
}

function sketchOf(rules: Rules, key: string, option: Option): Sketch {
  const index = new Map(rules.meterIds.map((id, i) => [id, i]));
  const changes: Change[] = [];
  collect(option, 1, 0, index, changes);
  for (const branch of option.chances ?? []) collect(branch, branch.p, 0, index, changes);
  for (const delayed of option.later ?? []) collect(delayed, LATER, delayed.after, index, changes);
  changes.sort((a, b) => a.meter - b.meter || a.after - b.after);
  const flags = [...(option.flags ?? [])];
  for (const branch of option.chances ?? []) if (branch.p >= 0.5) flags.push(...(branch.flags ?? []));
  const stage = option.stage ?? option.chances?.find((c) => c.p >= 0.5 && c.stage)?.stage;
  return {
    key,
    option: option.id,
    changes,
    flags,
    clearFlags: option.clearFlags ?? [],
    stage: stage === undefined ? -1 : STAGE_INDEX[stage],
  };
}

const cache = new WeakMap<Rules, Map<string, readonly Sketch[]>>();

/** The sketches of every card's options, in the card's option order, keyed by card id. */
export function sketches(rules: Rules): ReadonlyMap<string, readonly Sketch[]> {
  let map = cache.get(rules);
  if (!map) {
    map = new Map();
    for (const card of rules.scenario.cards) {
      map.set(
        card.id,
        card.options.map((option) => sketchOf(rules, `${card.id}/${option.id}`, option)),
      );
    }
    cache.set(rules, map);
  }
  return map;
}

// Local copies, not imports: the hot path reads them thousands of times per decision.
function distance(v: number, lo: number, hi: number): number {
  return v < lo ? lo - v : v > hi ? v - hi : 0;
}

function excess(model: RoleModel, i: number, v: number): number {
  const lo = model.dangerLow[i]!;
  const hi = model.dangerHigh[i]!;
  return (v < lo ? lo - v : 0) + (v > hi ? v - hi : 0);
}

/** What moving meter i from v by d is worth to the role. */
function meterGain(model: RoleModel, i: number, v: number, d: number): number {
  const v2 = Math.min(model.max[i]!, Math.max(model.min[i]!, v + d));
  if (v2 === v) return 0;
  let gain = model.weights[i]! * (v2 - v);
  for (const t of model.targets[i]!) {
    const before = distance(v, t.lo, t.hi);
    const after = distance(v2, t.lo, t.hi);
    gain += model.shapingWeight * t.points * (before - after);
    if (before > 0 && after === 0) gain += 10 * t.points;
    else if (before === 0 && after > 0) gain -= 10 * t.points;
  }
  gain -= model.dangerWeight * (excess(model, i, v2) - excess(model, i, v));
  for (const c of model.collapses) {
    if (c.meter !== i) continue;
    const was = v >= c.atLeast && v <= c.atMost;
    const is = v2 >= c.atLeast && v2 <= c.atMost;
    if (is && !was) gain += c.result === 0 ? DRAW : COLLAPSE * c.result;
  }
  return gain;
}

/** The quick value of playing the sketched option in `state`, for the model's role. */
export function quickValue(model: RoleModel, rules: Rules, state: GameState, sketch: Sketch): number {
  let value = model.optionValues.get(sketch.key) ?? 0;
  const ids = rules.meterIds;
  const lastTurn = rules.scenario.turns;
  const changes = sketch.changes;
  let k = 0;
  while (k < changes.length) {
    const meter = changes[k]!.meter;
    let delta = 0;
    for (; k < changes.length && changes[k]!.meter === meter; k++) {
      const c = changes[k]!;
      if (c.after === 0 || state.turn + c.after <= lastTurn) delta += c.delta;
    }
    if (delta !== 0) value += meterGain(model, meter, state.meters[ids[meter]!]!, delta);
  }
  for (const f of sketch.flags) if (state.flags[f] !== true) value += model.flagValues.get(f) ?? 0;
  for (const f of sketch.clearFlags) if (state.flags[f] === true) value -= model.flagValues.get(f) ?? 0;
  const at = STAGE_INDEX[state.stage];
  if (sketch.stage > at) value += 10 * (model.stagePoints[sketch.stage]! - model.stagePoints[at]!);
  return value;
}
