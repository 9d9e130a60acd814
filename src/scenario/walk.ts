// Finds every condition, outcome and cited source in a scenario, each with its data path and a
// label for messages, so that each check is a short loop instead of its own tree walk.
import type { Path } from './issues.ts';
import type { Condition, ConditionalOutcome, Outcome, Scenario } from './schema.ts';

export interface Site<T> {
  path: Path;
  value: T;
  /** Who it belongs to, for messages: 'card "sell-shells"', 'option "sell-shells/sell"'. */
  owner: string;
}

export interface Sourced {
  paragraphs: string[];
  quote?: string | undefined;
}

/** An outcome part and, under `if`, its conditional children (each a part of its own). */
function outcomeParts(outcome: Outcome, path: Path, owner: string, into: Site<Outcome>[]): void {
  into.push({ path, value: outcome, owner });
  outcome.if?.forEach((branch: ConditionalOutcome, i) =>
    outcomeParts(branch, [...path, 'if', i], owner, into),
  );
}

/** Every outcome part: options (with their `if`, `later` and `chances`), events and reactions. */
export function outcomeSites(s: Scenario): Site<Outcome>[] {
  const sites: Site<Outcome>[] = [];
  s.cards.forEach((card, c) =>
    card.options.forEach((option, o) => {
      const path = ['cards', c, 'options', o];
      const owner = `option "${card.id}/${option.id}"`;
      outcomeParts(option, path, owner, sites);
      option.later?.forEach((d, i) => outcomeParts(d, [...path, 'later', i], owner, sites));
      option.chances?.forEach((ch, i) => outcomeParts(ch, [...path, 'chances', i], owner, sites));
    }),
  );
  s.events.forEach((e, i) => outcomeParts(e, ['events', i], `event "${e.id}"`, sites));
  s.reactions.forEach((r, i) => outcomeParts(r, ['reactions', i], `reaction "${r.id}"`, sites));
  return sites;
}

/** Every top-level `when`: of cards, options, conditional outcomes, events, reactions, endings, objectives, hints. */
export function conditionSites(s: Scenario): Site<Condition>[] {
  const sites: Site<Condition>[] = [];
  const add = (cond: Condition | undefined, path: Path, owner: string) => {
    if (cond) sites.push({ path: [...path, 'when'], value: cond, owner });
  };
  s.cards.forEach((card, c) => {
    add(card.when, ['cards', c], `card "${card.id}"`);
    card.options.forEach((o, i) => add(o.when, ['cards', c, 'options', i], `option "${card.id}/${o.id}"`));
  });
  for (const site of outcomeSites(s)) {
    // Only the parts under `if` are conditional outcomes; events and reactions come below.
    if (site.path[site.path.length - 2] === 'if')
      add((site.value as ConditionalOutcome).when, site.path, site.owner);
  }
  s.events.forEach((e, i) => add(e.when, ['events', i], `event "${e.id}"`));
  s.reactions.forEach((r, i) => add(r.when, ['reactions', i], `reaction "${r.id}"`));
  s.endings.forEach((e, i) => add(e.when, ['endings', i], `ending "${e.id}"`));
  s.objectives.forEach((o, i) => add(o.when, ['objectives', i], `objective "${o.id}"`));
  s.hints?.forEach((h, i) => add(h.when, ['hints', i], `hint "${h.id}"`));
  return sites;
}

/** A condition and every condition nested in it (under `any` and `not`), each with its path. */
export function allConditions(site: Site<Condition>): Site<Condition>[] {
  const out: Site<Condition>[] = [site];
  site.value.any?.forEach((c, i) =>
    out.push(...allConditions({ ...site, path: [...site.path, 'any', i], value: c })),
  );
  if (site.value.not)
    out.push(...allConditions({ ...site, path: [...site.path, 'not'], value: site.value.not }));
  return out;
}

/** Every condition in the scenario, nested ones included. */
export function everyCondition(s: Scenario): Site<Condition>[] {
  return conditionSites(s).flatMap(allConditions);
}

/** Everything that cites the article: the briefing, cards, events, reactions, endings, personalities. */
export function sourcedSites(s: Scenario): Site<Sourced>[] {
  return [
    { path: ['briefing'], value: s.briefing, owner: 'the briefing' },
    ...s.cards.map((c, i) => ({ path: ['cards', i], value: c, owner: `card "${c.id}"` })),
    ...s.events.map((e, i) => ({ path: ['events', i], value: e, owner: `event "${e.id}"` })),
    ...s.reactions.map((r, i) => ({ path: ['reactions', i], value: r, owner: `reaction "${r.id}"` })),
    ...s.endings.map((e, i) => ({ path: ['endings', i], value: e, owner: `ending "${e.id}"` })),
    ...s.personalities.map((p, i) => ({
      path: ['personalities', i],
      value: p,
      owner: `personality "${p.id}"`,
    })),
  ];
}
