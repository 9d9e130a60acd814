// What a role wants, compiled once per scenario, role and personality: the "objectives model" every
// level of the opponent evaluates positions with.
//
// - The scenario's own measure: its objectives (score) and results, and the meters' danger zones,
//   as the engine's `positionValue` sees them.
// - A shaping term: how far each meter is from the ranges the role's objectives ask for, so that a
//   step towards an objective not yet met counts before the threshold is crossed.
// - The personality's utility: meters weighted (direction and strength), flags and choices it
//   prizes or dreads. Units are the score's: one objective met is worth 10.
import type { Condition, Personality } from '../scenario/schema.ts';
import {
  meterConcerns,
  positionValue,
  STAGE_INDEX,
  STAGES,
  type GameState,
  type Role,
  type Rules,
} from '../engine/index.ts';

/** A meter range an objective asks for, and what meeting it is worth. */
export interface Target {
  lo: number;
  hi: number;
  points: number;
}

export interface RoleModel {
  readonly role: Role;
  readonly personality: Personality | null;
  /** Per meter, in rules.meterIds order. */
  readonly weights: Float64Array;
  readonly targets: readonly (readonly Target[])[];
  /** Danger bounds for the meters the role cares about (NaN where there is none). */
  readonly dangerLow: Float64Array;
  readonly dangerHigh: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** What setting a flag is worth, from the objectives (flags/notFlags) and the personality. */
  readonly flagValues: ReadonlyMap<string, number>;
  /** Personality weights of choices, keyed "card/option". */
  readonly optionValues: ReadonlyMap<string, number>;
  /** Objective points for reaching each stage of the alliance track (index = stage index). */
  readonly stagePoints: readonly number[];
  /** Collapse endings on one meter: crossing the bound ends the game with this result for the role. */
  /** What one meter point towards an objective's range, or inside a danger zone, is worth. */
  readonly shapingWeight: number;
  readonly dangerWeight: number;
  readonly collapses: readonly { meter: number; atMost: number; atLeast: number; result: number }[];
}

/** How much one meter point towards an objective's range is worth (10 = the objective itself). */
const SHAPING = 0.6;
/** One point inside a danger zone costs this much (positionValue counts 2). */
const DANGER = 2;

export const RESULT_VALUE = { win: 1, draw: 0, loss: -1 } as const;

/** Meter ranges a condition asks for directly (not under `any` or `not`). */
function meterRanges(cond: Condition): [string, number, number][] {
  return Object.entries(cond.meters ?? {}).map(([id, r]) => [
    id,
    r.atLeast ?? -Infinity,
    r.atMost ?? Infinity,
  ]);
}

function compileModel(rules: Rules, role: Role, personality: Personality | null): RoleModel {
  const ids = rules.meterIds;
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const weights = new Float64Array(n);
  const dangerLow = new Float64Array(n).fill(Number.NaN);
  const dangerHigh = new Float64Array(n).fill(Number.NaN);
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  const targets: Target[][] = ids.map(() => []);
  ids.forEach((id, i) => {
    const def = rules.meters.get(id)!;
    min[i] = def.min;
    max[i] = def.max;
    if (meterConcerns(rules, id, role)) {
      if (def.danger?.low !== undefined) dangerLow[i] = def.danger.low;
      if (def.danger?.high !== undefined) dangerHigh[i] = def.danger.high;
    }
  });
  const flagValues = new Map<string, number>();
  const addFlag = (flag: string, value: number) => flagValues.set(flag, (flagValues.get(flag) ?? 0) + value);
  const stagePoints = STAGES.map(() => 0);
  for (const objective of rules.objectives[role]) {
    const when = objective.when;
    for (const [id, lo, hi] of meterRanges(when)) {
      const i = index.get(id);
      if (i !== undefined) targets[i]!.push({ lo, hi, points: objective.points });
    }
    // An objective that asks for one flag alone (or its absence) is won or lost with that flag.
    const alone = Object.keys(when).length === 1;
    if (alone && when.flags?.length === 1) addFlag(when.flags[0]!, 10 * objective.points);
    if (alone && when.notFlags?.length === 1) addFlag(when.notFlags[0]!, -10 * objective.points);
    if (alone && when.stage?.atLeast !== undefined && when.stage.atMost === undefined) {
      for (let s = STAGE_INDEX[when.stage.atLeast]; s < STAGES.length; s++)
        stagePoints[s]! += objective.points;
    }
  }
  const collapses: RoleModel['collapses'][number][] = [];
  for (const ending of rules.collapseEndings) {
    const ranges = ending.when ? meterRanges(ending.when) : [];
    if (ranges.length !== 1 || Object.keys(ending.when ?? {}).length !== 1) continue;
    const [id, lo, hi] = ranges[0]!;
    const i = index.get(id);
    if (i === undefined) continue;
    collapses.push({ meter: i, atLeast: lo, atMost: hi, result: RESULT_VALUE[ending.result[role]] });
  }
  const optionValues = new Map<string, number>();
  if (personality) {
    for (const [id, w] of Object.entries(personality.weights)) {
      const i = index.get(id);
      if (i !== undefined) weights[i] = w;
    }
    for (const [flag, w] of Object.entries(personality.flags)) addFlag(flag, w);
    for (const [key, w] of Object.entries(personality.options)) optionValues.set(key, w);
  }
  return {
    role,
    personality,
    weights,
    targets,
    dangerLow,
    dangerHigh,
    min,
    max,
    flagValues,
    optionValues,
    stagePoints,
    shapingWeight: SHAPING,
    dangerWeight: DANGER,
    collapses,
  };
}

const cache = new WeakMap<Rules, Map<string, RoleModel>>();

/** The role's model with this personality (null: the role's plain objectives). Memoised per rules. */
export function roleModel(rules: Rules, role: Role, personality: Personality | null): RoleModel {
  let byKey = cache.get(rules);
  if (!byKey) {
    byKey = new Map();
    cache.set(rules, byKey);
  }
  const key = `${role}/${personality?.id ?? ''}`;
  let model = byKey.get(key);
  if (!model) {
    model = compileModel(rules, role, personality);
    byKey.set(key, model);
  }
  return model;
}

/** The personalities the scenario gives a role, default first. */
export function personalitiesOf(rules: Rules, role: Role): Personality[] {
  return rules.scenario.personalities.filter((p) => p.role === role);
}

/**
 * The personality a role plays with: the one named, if it is the role's; otherwise the role's
 * default (the first listed), or null if the scenario lists none for it.
 */
export function personalityFor(rules: Rules, role: Role, id: string | undefined): Personality | null {
  const own = personalitiesOf(rules, role);
  return (id === undefined ? undefined : own.find((p) => p.id === id)) ?? own[0] ?? null;
}

/**
 * How the opponent expects the other side to play: by that role's default personality (the first
 * the scenario lists), or its plain objectives if there is none. The opponent cannot know who it
 * faces, so it assumes the character the scenario presents first.
 */
export function rivalModel(rules: Rules, role: Role): RoleModel {
  return roleModel(rules, role, personalityFor(rules, role, undefined));
}

/** The personality's utility of a state: meters weighted, flags set and choices made. */
export function personalityUtility(model: RoleModel, rules: Rules, state: GameState): number {
  const p = model.personality;
  if (!p) return 0;
  let u = 0;
  const ids = rules.meterIds;
  for (let i = 0; i < ids.length; i++) {
    const w = model.weights[i]!;
    if (w !== 0) u += w * state.meters[ids[i]!]!;
  }
  for (const flag in p.flags) if (state.flags[flag] === true) u += p.flags[flag]!;
  for (const key in p.options) if (state.chose[key] === true) u += p.options[key]!;
  return u;
}

/** How far a value lies outside a target range. */
export function distance(v: number, t: Target): number {
  return v < t.lo ? t.lo - v : v > t.hi ? v - t.hi : 0;
}

/** The shaping term of a state: minus the distance of each meter to the ranges objectives ask for. */
export function shaping(model: RoleModel, rules: Rules, state: GameState): number {
  let s = 0;
  const ids = rules.meterIds;
  for (let i = 0; i < ids.length; i++) {
    const targets = model.targets[i]!;
    if (targets.length === 0) continue;
    const v = state.meters[ids[i]!]!;
    for (const t of targets) s -= SHAPING * t.points * distance(v, t);
  }
  return s;
}

/** What a position is worth to the role: the engine's measure plus the personality's utility. */
export function stateValue(model: RoleModel, rules: Rules, state: GameState): number {
  return positionValue(rules, state, model.role) + personalityUtility(model, rules, state);
}
