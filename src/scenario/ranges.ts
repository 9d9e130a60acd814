// Checks ranges that can be judged without playing: turns within the game, meter bounds within the
// meter, stage ranges in order, score bounds within the objectives' points, danger zones inside meters.
import type { Issue, Path } from './issues.ts';
import { ROLES, STAGES, stageIndex } from '../engine/vocabulary.ts';
import type { Scenario } from './schema.ts';
import { everyCondition } from './walk.ts';

interface Range {
  atLeast?: number | undefined;
  atMost?: number | undefined;
}

/** Issues for a numeric range: bounds in the wrong order or outside lo..hi (`what` names the scale). */
function numericRange(range: Range, path: Path, lo: number, hi: number, what: string): Issue[] {
  const { atLeast, atMost } = range;
  if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
    return [{ path, message: `atLeast (${atLeast}) is above atMost (${atMost}): this can never hold` }];
  }
  const issues: Issue[] = [];
  for (const key of ['atLeast', 'atMost'] as const) {
    const v = range[key];
    if (v !== undefined && (v < lo || v > hi)) {
      issues.push({ path: [...path, key], message: `${key} ${v} is outside ${what} (${lo} to ${hi})` });
    }
  }
  return issues;
}

function checkConditions(s: Scenario): Issue[] {
  const points = { kim: 0, putin: 0 };
  for (const o of s.objectives) points[o.role] += o.points;
  const issues: Issue[] = [];
  for (const { value: c, path } of everyCondition(s)) {
    if (c.turn) issues.push(...numericRange(c.turn, [...path, 'turn'], 1, s.turns, "the game's turns"));
    for (const [id, range] of Object.entries(c.meters ?? {})) {
      if (!Object.hasOwn(s.meters, id)) continue; // reported by references.ts
      const def = s.meters[id]!;
      issues.push(...numericRange(range, [...path, 'meters', id], def.min, def.max, `the range of "${id}"`));
    }
    for (const role of ROLES) {
      const range = c.score?.[role];
      const what = `the points of ${role}'s objectives`;
      if (range) issues.push(...numericRange(range, [...path, 'score', role], 0, points[role], what));
    }
    const { atLeast, atMost } = c.stage ?? {};
    if (atLeast !== undefined && atMost !== undefined && stageIndex(atLeast) > stageIndex(atMost)) {
      const message = `atLeast "${atLeast}" comes after atMost "${atMost}" (stages: ${STAGES.join(', ')}): this can never hold`;
      issues.push({ path: [...path, 'stage'], message });
    }
  }
  return issues;
}

function checkDanger(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  for (const [id, def] of Object.entries(s.meters)) {
    if (!def.danger) continue;
    const path = ['meters', id, 'danger'];
    const { low, high } = def.danger;
    for (const [key, v] of [
      ['low', low],
      ['high', high],
    ] as const) {
      if (v !== undefined && (v < def.min || v > def.max)) {
        issues.push({
          path: [...path, key],
          message: `danger ${key} ${v} is outside the meter's range (${def.min} to ${def.max})`,
        });
      }
    }
    if (low !== undefined && high !== undefined && low >= high) {
      issues.push({ path, message: `danger low (${low}) must be below danger high (${high})` });
    }
  }
  return issues;
}

export function checkRanges(s: Scenario): Issue[] {
  return [...checkConditions(s), ...checkDanger(s)];
}
