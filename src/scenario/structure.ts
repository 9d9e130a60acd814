// Checks the scenario's overall shape: who plays, how games end, and what objectives may read.
import type { Issue } from './issues.ts';
import type { Condition, Scenario } from './schema.ts';
import { allConditions } from './walk.ts';

function checkRoles(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const playable = s.roles.join(', ');
  s.roles.forEach((role, i) => {
    if (s.roles.indexOf(role) !== i)
      issues.push({ path: ['roles', i], message: `role "${role}" is listed twice` });
  });
  s.turnOrder?.forEach((role, i) => {
    if (s.turnOrder!.indexOf(role) !== i) {
      issues.push({ path: ['turnOrder', i], message: `role "${role}" is listed twice` });
    } else if (!s.roles.includes(role)) {
      const message = `"${role}" is not playable here (roles: ${playable}); leave turnOrder out when one role plays`;
      issues.push({ path: ['turnOrder', i], message });
    }
  });
  s.cards.forEach((card, i) => {
    if (!s.roles.includes(card.role)) {
      const message = `card "${card.id}" belongs to ${card.role}, who is not playable here (roles: ${playable})`;
      issues.push({ path: ['cards', i, 'role'], message });
    }
  });
  s.objectives.forEach((o, i) => {
    if (!s.roles.includes(o.role)) {
      const message = `objective "${o.id}" belongs to ${o.role}, who is not playable here (roles: ${playable})`;
      issues.push({ path: ['objectives', i, 'role'], message });
    }
  });
  return issues;
}

function checkEndings(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const finals = s.endings.map((e, i) => ({ e, i })).filter(({ e }) => e.kind === 'final');
  const last = finals[finals.length - 1];
  if (!last) {
    issues.push({
      path: ['endings'],
      message: 'there is no final ending (kind: final): a game that runs its course must end somewhere',
    });
  } else if (last.e.when !== undefined) {
    const message = `the last final ending "${last.e.id}" has a "when": remove it, so that every game that runs its course ends somewhere`;
    issues.push({ path: ['endings', last.i, 'when'], at: 'key', message });
  }
  // Final endings are tried in order: one without a condition hides all that follow it.
  const catchAll = finals.find(({ e }) => e.when === undefined);
  for (const { e, i } of finals) {
    if (catchAll && i > catchAll.i) {
      const message = `final ending "${e.id}" is never chosen: "${catchAll.e.id}" comes before it and has no "when"`;
      issues.push({ path: ['endings', i], message });
    }
  }
  s.endings.forEach((e, i) => {
    if (e.kind === 'collapse' && e.when === undefined) {
      const message = `collapse ending "${e.id}" has no "when": it would end every game after the first move`;
      issues.push({ path: ['endings', i, 'kind'], message });
    }
  });
  return issues;
}

function usesScore(c: Condition): boolean {
  return allConditions({ path: [], value: c, owner: '' }).some((site) => site.value.score !== undefined);
}

function checkObjectives(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  s.objectives.forEach((o, i) => {
    if (!usesScore(o.when)) return;
    const message = `objective "${o.id}" reads the score, but the score is the sum of the objectives`;
    issues.push({ path: ['objectives', i, 'when'], message });
  });
  return issues;
}

export function checkStructure(s: Scenario): Issue[] {
  return [...checkRoles(s), ...checkEndings(s), ...checkObjectives(s)];
}
