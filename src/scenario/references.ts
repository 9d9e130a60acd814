// Checks that every name used in the scenario refers to something it defines: meters, flags,
// cards and options; and that ids are unique where the engine looks them up.
import { didYouMean, type Issue, type Path } from './issues.ts';
import type { CheckContext } from './crossCheck.ts';
import type { Scenario } from './schema.ts';
import { everyCondition, outcomeSites } from './walk.ts';

function checkMeters(s: Scenario): Issue[] {
  const known = Object.keys(s.meters);
  const check = (record: Record<string, unknown> | undefined, path: Path, what: string): Issue[] =>
    Object.keys(record ?? {})
      .filter((id) => !Object.hasOwn(s.meters, id))
      .map((id) => ({
        path: [...path, id],
        at: 'key' as const,
        message: `unknown meter "${id}" in ${what} (meters: ${known.join(', ')})${didYouMean(id, known)}`,
      }));
  return [
    ...outcomeSites(s).flatMap((o) =>
      check(o.value.effects, [...o.path, 'effects'], `the effects of ${o.owner}`),
    ),
    ...everyCondition(s).flatMap((c) =>
      check(c.value.meters, [...c.path, 'meters'], `a condition of ${c.owner}`),
    ),
  ];
}

/** Flags that some outcome sets, or that the game starts with. */
export function flagsSet(s: Scenario): Set<string> {
  const set = new Set(s.initial.flags);
  for (const o of outcomeSites(s)) for (const f of o.value.flags ?? []) set.add(f);
  return set;
}

function checkFlags(s: Scenario): Issue[] {
  const set = flagsSet(s);
  const issues: Issue[] = [];
  for (const c of everyCondition(s)) {
    for (const key of ['flags', 'notFlags'] as const) {
      c.value[key]?.forEach((flag, i) => {
        if (set.has(flag)) return;
        const message = `flag "${flag}" is read by ${c.owner} but nothing sets it${didYouMean(flag, set)}`;
        issues.push({ path: [...c.path, key, i], message });
      });
    }
  }
  for (const o of outcomeSites(s)) {
    o.value.clearFlags?.forEach((flag, i) => {
      if (set.has(flag)) return;
      const message = `flag "${flag}" is cleared by ${o.owner} but nothing sets it${didYouMean(flag, set)}`;
      issues.push({ path: [...o.path, 'clearFlags', i], message });
    });
  }
  return issues;
}

function checkCardRefs(s: Scenario): Issue[] {
  const cards = new Map(s.cards.map((c) => [c.id, c]));
  const issues: Issue[] = [];
  for (const c of everyCondition(s)) {
    for (const key of ['played', 'notPlayed'] as const) {
      c.value[key]?.forEach((id, i) => {
        if (!cards.has(id)) {
          const message = `unknown card "${id}" in ${key}${didYouMean(id, cards.keys())}`;
          issues.push({ path: [...c.path, key, i], message });
        }
      });
    }
    c.value.chose?.forEach((pair, i) => {
      const [cardId = '', optionId = ''] = pair.split('/');
      const card = cards.get(cardId);
      const path = [...c.path, 'chose', i];
      if (!card)
        issues.push({
          path,
          message: `unknown card "${cardId}" in chose${didYouMean(cardId, cards.keys())}`,
        });
      else if (!card.options.some((o) => o.id === optionId)) {
        const ids = card.options.map((o) => o.id);
        issues.push({
          path,
          message: `card "${cardId}" has no option "${optionId}" (options: ${ids.join(', ')})`,
        });
      }
    });
  }
  return issues;
}

function uniqueIds(items: { id: string }[], path: Path, what: string, ctx: CheckContext): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) {
      first.set(item.id, i);
      return;
    }
    const line = ctx.lineOf([...path, seen, 'id']);
    const also = line === undefined ? `${what} ${seen + 1}` : `line ${line}`;
    issues.push({
      path: [...path, i, 'id'],
      message: `duplicate ${what} id "${item.id}" (first used at ${also})`,
    });
  });
  return issues;
}

function checkIds(s: Scenario, ctx: CheckContext): Issue[] {
  const issues = [
    ...uniqueIds(s.cards, ['cards'], 'card', ctx),
    ...s.cards.flatMap((card, c) => uniqueIds(card.options, ['cards', c, 'options'], 'option', ctx)),
    ...uniqueIds(s.events, ['events'], 'event', ctx),
    ...uniqueIds(s.reactions, ['reactions'], 'reaction', ctx),
    ...uniqueIds(s.endings, ['endings'], 'ending', ctx),
    ...uniqueIds(s.objectives, ['objectives'], 'objective', ctx),
    ...uniqueIds(s.hints ?? [], ['hints'], 'hint', ctx),
  ];
  // The engine records what has fired by id, events and reactions alike.
  const events = new Set(s.events.map((e) => e.id));
  s.reactions.forEach((r, i) => {
    if (events.has(r.id)) {
      const message = `reaction id "${r.id}" is also an event id (events and reactions share one set of ids)`;
      issues.push({ path: ['reactions', i, 'id'], message });
    }
  });
  return issues;
}

// The engine keeps flags, plays and firings in plain objects keyed by id, where "constructor"
// would read as an inherited property; no other lowercase id can clash.
const RESERVED = 'constructor';

function checkReserved(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const message = `the id "${RESERVED}" is reserved (it clashes with a built-in JavaScript property): choose another`;
  const lists = { cards: s.cards, events: s.events, reactions: s.reactions } as const;
  for (const [key, list] of Object.entries(lists)) {
    list.forEach((item, i) => {
      if (item.id === RESERVED) issues.push({ path: [key, i, 'id'], message });
    });
  }
  if (Object.hasOwn(s.meters, RESERVED)) issues.push({ path: ['meters', RESERVED], at: 'key', message });
  for (const o of outcomeSites(s)) {
    o.value.flags?.forEach((f, i) => {
      if (f === RESERVED) issues.push({ path: [...o.path, 'flags', i], message });
    });
  }
  s.initial.flags.forEach((f, i) => {
    if (f === RESERVED) issues.push({ path: ['initial', 'flags', i], message });
  });
  return issues;
}

export function checkReferences(s: Scenario, ctx: CheckContext): Issue[] {
  return [...checkReserved(s), ...checkIds(s, ctx), ...checkMeters(s), ...checkFlags(s), ...checkCardRefs(s)];
}
