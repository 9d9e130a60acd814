// Evaluates a scenario condition against a state. Every key present must hold. Each condition is
// compiled once into a small closure (cached per condition object), since simulations test the
// same conditions hundreds of thousands of times.
import type { Condition } from '../scenario/schema.ts';
import type { Rules } from './rules.ts';
import type { GameState } from './state.ts';
import { STAGE_INDEX } from './vocabulary.ts';

/** A compiled condition. */
export type Test = (rules: Rules, state: GameState) => boolean;

const ALWAYS: Test = () => true;

// The compiled test rides on the condition object itself under a private symbol (a hidden,
// non-enumerable property: JSON, hashes and clones never see it), which is much cheaper to reach
// than a WeakMap on the hot path. Frozen conditions fall back to the WeakMap.
const TEST = Symbol('compiled condition');
const fallback = new WeakMap<Condition, Test>();
type WithTest = Condition & { [TEST]?: Test };

function both(tests: Test[]): Test {
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (rules, state) => {
    for (const test of tests) if (!test(rules, state)) return false;
    return true;
  };
}

function compile(cond: Condition): Test {
  const tests: Test[] = [];
  for (const [id, range] of Object.entries(cond.meters ?? {})) {
    const lo = range.atLeast ?? -Infinity;
    const hi = range.atMost ?? Infinity;
    tests.push((_, s) => {
      const v = s.meters[id] ?? 0;
      return v >= lo && v <= hi;
    });
  }
  // `=== true` rather than truthiness: an unknown id such as "constructor" must not find
  // Object.prototype's member
  for (const f of cond.flags ?? []) tests.push((_, s) => s.flags[f] === true);
  for (const f of cond.notFlags ?? []) tests.push((_, s) => s.flags[f] !== true);
  if (cond.stage) {
    const lo = cond.stage.atLeast === undefined ? 0 : STAGE_INDEX[cond.stage.atLeast];
    const hi = cond.stage.atMost === undefined ? Infinity : STAGE_INDEX[cond.stage.atMost];
    tests.push((_, s) => {
      const at = STAGE_INDEX[s.stage];
      return at >= lo && at <= hi;
    });
  }
  if (cond.turn) {
    const lo = cond.turn.atLeast ?? -Infinity;
    const hi = cond.turn.atMost ?? Infinity;
    tests.push((_, s) => s.turn >= lo && s.turn <= hi);
  }
  for (const c of cond.played ?? []) tests.push((_, s) => (s.played[c] ?? 0) > 0);
  for (const c of cond.notPlayed ?? []) tests.push((_, s) => !((s.played[c] ?? 0) > 0));
  for (const pair of cond.chose ?? []) tests.push((_, s) => s.chose[pair] === true);
  for (const role of ['kim', 'putin'] as const) {
    const range = cond.score?.[role];
    if (!range) continue;
    const lo = range.atLeast ?? -Infinity;
    const hi = range.atMost ?? Infinity;
    tests.push((rules, s) => {
      const v = scoreOf(rules, s, role);
      return v >= lo && v <= hi;
    });
  }
  if (cond.any) {
    const options = cond.any.map(testFor);
    tests.push((rules, s) => options.some((test) => test(rules, s)));
  }
  if (cond.not) {
    const inner = testFor(cond.not);
    tests.push((rules, s) => !inner(rules, s));
  }
  return both(tests);
}

function testFor(cond: WithTest): Test {
  const cached = cond[TEST] ?? fallback.get(cond);
  if (cached) return cached;
  const test = compile(cond);
  if (Object.isExtensible(cond)) Object.defineProperty(cond, TEST, { value: test, enumerable: false });
  else fallback.set(cond, test);
  return test;
}

/** The compiled test of a condition (one that always holds for none). */
export function compileCondition(cond: Condition | undefined): Test {
  return cond === undefined ? ALWAYS : testFor(cond);
}

export function holds(rules: Rules, state: GameState, cond: Condition | undefined): boolean {
  return cond === undefined || testFor(cond)(rules, state);
}

/** How often a card has been played (0 for an id that is not a card). */
export function timesPlayed(state: GameState, card: string): number {
  const n = state.played[card];
  return typeof n === 'number' ? n : 0;
}

/** Points from the role's objectives that hold in this state. Objectives never read the score. */
export function scoreOf(rules: Rules, state: GameState, role: 'kim' | 'putin'): number {
  let points = 0;
  for (const { item, when } of rules.compiled.objectives[role]) {
    if (when(rules, state)) points += item.points;
  }
  return points;
}
