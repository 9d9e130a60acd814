// Endings that another ending always beats: a collapse ending is tried after every move and at the
// end of every month, before the final endings, and final endings are tried in order, first match
// wins. So an ending whose condition implies that of a collapse ending (its threshold lies past the
// collapse's), or a final ending whose condition implies that of an earlier final ending, can never
// be chosen. The implication is decided from the conditions alone and only claimed when certain:
// anything it cannot decide (an `any` on the pre-empted side, a `not` it cannot refute) counts as
// "may differ", and the random games of the smoke check then have the last word.
import { STAGES, stageIndex, type Role } from '../engine/vocabulary.ts';
import type { Issue, Path } from './issues.ts';
import type { Condition, Ending, Scenario } from './schema.ts';

type Interval = [number, number];

/** What is certain whenever a condition holds: its top-level parts (not its `any` or `not`). */
interface Facts {
  meters: Map<string, Interval>;
  flags: Set<string>;
  notFlags: Set<string>;
  stage: Interval;
  turn: Interval;
  played: Set<string>;
  notPlayed: Set<string>;
  chose: Set<string>;
  score: Record<Role, Interval>;
}

interface Range {
  atLeast?: number | undefined;
  atMost?: number | undefined;
}

function clip(range: Range | undefined, within: Interval): Interval {
  return [Math.max(range?.atLeast ?? -Infinity, within[0]), Math.min(range?.atMost ?? Infinity, within[1])];
}

function inside(a: Interval, b: Range | undefined): boolean {
  return a[0] >= (b?.atLeast ?? -Infinity) && a[1] <= (b?.atMost ?? Infinity);
}

function apart(a: Interval, b: Range | undefined): boolean {
  return a[1] < (b?.atLeast ?? -Infinity) || a[0] > (b?.atMost ?? Infinity);
}

function stageRange(c: Condition['stage']): Range | undefined {
  if (!c) return undefined;
  return {
    atLeast: c.atLeast === undefined ? undefined : stageIndex(c.atLeast),
    atMost: c.atMost === undefined ? undefined : stageIndex(c.atMost),
  };
}

function factsOf(s: Scenario, c: Condition, turns: Interval, points: Record<Role, number>): Facts {
  const meters = new Map<string, Interval>();
  for (const [id, def] of Object.entries(s.meters)) meters.set(id, clip(c.meters?.[id], [def.min, def.max]));
  const chose = new Set(c.chose ?? []);
  return {
    meters,
    flags: new Set(c.flags ?? []),
    notFlags: new Set(c.notFlags ?? []),
    stage: clip(stageRange(c.stage), [0, STAGES.length - 1]),
    turn: clip(c.turn, turns),
    played: new Set([...(c.played ?? []), ...[...chose].map((pair) => pair.split('/')[0]!)]),
    notPlayed: new Set(c.notPlayed ?? []),
    chose,
    score: { kim: clip(c.score?.kim, [0, points.kim]), putin: clip(c.score?.putin, [0, points.putin]) },
  };
}

/** True when `b` holds in every state where the facts hold (false when that cannot be decided). */
function implies(a: Facts, b: Condition): boolean {
  for (const [id, range] of Object.entries(b.meters ?? {})) {
    const known = a.meters.get(id);
    if (!known || !inside(known, range)) return false;
  }
  if (!(b.flags ?? []).every((f) => a.flags.has(f))) return false;
  if (!(b.notFlags ?? []).every((f) => a.notFlags.has(f))) return false;
  if (b.stage && !inside(a.stage, stageRange(b.stage))) return false;
  if (b.turn && !inside(a.turn, b.turn)) return false;
  if (!(b.played ?? []).every((id) => a.played.has(id))) return false;
  if (!(b.notPlayed ?? []).every((id) => a.notPlayed.has(id))) return false;
  if (!(b.chose ?? []).every((pair) => a.chose.has(pair))) return false;
  for (const role of ['kim', 'putin'] as const) {
    if (b.score?.[role] && !inside(a.score[role], b.score[role])) return false;
  }
  if (b.any && !b.any.some((alternative) => implies(a, alternative))) return false;
  if (b.not && !excludes(a, b.not)) return false;
  return true;
}

/** True when `b` can never hold where the facts hold. */
function excludes(a: Facts, b: Condition): boolean {
  for (const [id, range] of Object.entries(b.meters ?? {})) {
    const known = a.meters.get(id);
    if (known && apart(known, range)) return true;
  }
  if ((b.flags ?? []).some((f) => a.notFlags.has(f))) return true;
  if ((b.notFlags ?? []).some((f) => a.flags.has(f))) return true;
  if (b.stage && apart(a.stage, stageRange(b.stage))) return true;
  if (b.turn && apart(a.turn, b.turn)) return true;
  if ((b.played ?? []).some((id) => a.notPlayed.has(id))) return true;
  if ((b.notPlayed ?? []).some((id) => a.played.has(id))) return true;
  for (const role of ['kim', 'putin'] as const) {
    if (b.score?.[role] && apart(a.score[role], b.score[role])) return true;
  }
  if (b.any?.every((alternative) => excludes(a, alternative))) return true;
  if (b.not && implies(a, b.not)) return true;
  return false;
}

function rangeWords(r: Range, what: (n: number) => string): string {
  if (r.atLeast !== undefined && r.atMost !== undefined) return `${what(r.atLeast)} to ${r.atMost}`;
  if (r.atLeast !== undefined) return `${what(r.atLeast)} or more`;
  return `${what(r.atMost!)} or less`;
}

/** A condition in words: '"exposure" at 80 or more and flag "deal" set'. */
export function describeCondition(c: Condition): string {
  const parts: string[] = [];
  for (const [id, r] of Object.entries(c.meters ?? {}))
    parts.push(`"${id}" ${rangeWords(r, (n) => `at ${n}`)}`);
  for (const f of c.flags ?? []) parts.push(`flag "${f}" set`);
  for (const f of c.notFlags ?? []) parts.push(`flag "${f}" unset`);
  if (c.stage) {
    const { atLeast, atMost } = c.stage;
    const at =
      atLeast && atMost
        ? `"${atLeast}" to "${atMost}"`
        : atLeast
          ? `"${atLeast}" or later`
          : `"${atMost}" or earlier`;
    parts.push(`the alliance at ${at}`);
  }
  if (c.turn) parts.push(`turn ${rangeWords(c.turn, String)}`);
  for (const id of c.played ?? []) parts.push(`card "${id}" played`);
  for (const id of c.notPlayed ?? []) parts.push(`card "${id}" not played`);
  for (const pair of c.chose ?? []) parts.push(`option "${pair}" chosen`);
  for (const role of ['kim', 'putin'] as const) {
    const r = c.score?.[role];
    if (r) parts.push(`${role}'s score ${rangeWords(r, (n) => `at ${n}`)}`);
  }
  if (c.any) parts.push(`one of (${c.any.map(describeCondition).join('; or ')})`);
  if (c.not) parts.push(`not (${describeCondition(c.not)})`);
  return parts.length === 0 ? 'nothing' : parts.join(' and ');
}

interface Indexed {
  ending: Ending;
  when: Condition;
  index: number;
}

export function checkPreemption(s: Scenario, lineOf: (path: Path) => number | undefined): Issue[] {
  const points = { kim: 0, putin: 0 };
  for (const o of s.objectives) points[o.role] += o.points;
  const withWhen = s.endings
    .map((ending, index) => ({ ending, when: ending.when, index }))
    .filter((x): x is Indexed => x.when !== undefined);
  const collapses = withWhen.filter((x) => x.ending.kind === 'collapse');
  const line = (x: Indexed) => {
    const n = lineOf(['endings', x.index]);
    return n === undefined ? '' : ` (line ${n})`;
  };
  const issues: Issue[] = [];
  for (const e of withWhen) {
    const final = e.ending.kind === 'final';
    // final endings are chosen after the last month only
    const facts = factsOf(s, e.when, final ? [s.turns, s.turns] : [1, s.turns], points);
    // a collapse is beaten by collapses tried before it; a final ending by every collapse
    const collapse = collapses.find((c) => (final || c.index < e.index) && implies(facts, c.when));
    if (collapse) {
      const message = `ending "${e.ending.id}" can never be chosen: collapse ending "${collapse.ending.id}"${line(collapse)} needs only ${describeCondition(collapse.when)} and ends the game at once, while this ending needs ${describeCondition(e.when)}, so the collapse always comes first`;
      issues.push({ path: ['endings', e.index, 'when'], message });
      continue;
    }
    if (!final) continue;
    const broader = withWhen.find(
      (f) => f.ending.kind === 'final' && f.index < e.index && implies(facts, f.when),
    );
    if (broader) {
      const message = `final ending "${e.ending.id}" is never chosen: "${broader.ending.id}"${line(broader)} comes before it and holds whenever it does (it needs ${describeCondition(broader.when)}; this one needs ${describeCondition(e.when)})`;
      issues.push({ path: ['endings', e.index, 'when'], message });
    }
  }
  return issues;
}
