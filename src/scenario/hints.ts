// Static warnings: things that are allowed but usually a slip — a flag nobody reads, a meter that
// nothing changes or that no rule ever looks at.
import type { Issue } from './issues.ts';
import type { Scenario } from './schema.ts';
import { everyCondition, outcomeSites } from './walk.ts';

export function scenarioHints(s: Scenario): Issue[] {
  const readFlags = new Set<string>();
  const readMeters = new Set<string>();
  for (const { value: c } of everyCondition(s)) {
    for (const f of [...(c.flags ?? []), ...(c.notFlags ?? [])]) readFlags.add(f);
    for (const m of Object.keys(c.meters ?? {})) readMeters.add(m);
  }
  const hints: Issue[] = [];
  const flagged = new Set<string>();
  for (const site of outcomeSites(s)) {
    site.value.flags?.forEach((f, i) => {
      if (readFlags.has(f) || flagged.has(f)) return;
      flagged.add(f);
      hints.push({
        path: [...site.path, 'flags', i],
        message: `flag "${f}" is set by ${site.owner} but no condition reads it`,
      });
    });
  }
  const changed = new Set(outcomeSites(s).flatMap((o) => Object.keys(o.value.effects ?? {})));
  for (const id of Object.keys(s.meters)) {
    if (!changed.has(id)) {
      hints.push({
        path: ['meters', id],
        at: 'key',
        message: `meter "${id}" is never changed by any effect`,
      });
    } else if (!readMeters.has(id)) {
      const message = `meter "${id}" is never read by any condition: no card, event, ending or objective depends on it`;
      hints.push({ path: ['meters', id], at: 'key', message });
    }
  }
  return hints;
}
