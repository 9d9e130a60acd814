// Layer 4 of validation: what can happen "in principle". Starting from the initial state, it
// collects every flag, stage, meter direction, card and choice that some reachable item can
// produce, until nothing new appears; then names each item whose condition can never hold, and why.
// It over-approximates (each part of a condition is judged alone), so what it reports is certain.
import { STAGES, stageIndex, type Role, type Stage } from '../engine/vocabulary.ts';
import type { Issue, Path } from './issues.ts';
import type { Condition, Option, Outcome, Scenario } from './schema.ts';
import { outcomeSites } from './walk.ts';

interface Knowledge {
  flags: Set<string>;
  cleared: Set<string>;
  stages: Set<Stage>;
  /** The lowest and highest value each meter may take. */
  lo: Map<string, number>;
  hi: Map<string, number>;
  played: Set<string>;
  chose: Set<string>;
  offered: Set<string>;
  objectives: Set<string>;
  score: Record<Role, number>;
}

function quoteList(items: string[]): string {
  return items.map((i) => `"${i}"`).join(', ');
}

/** What an outcome part at `path` is, for "what sets it (...) can never happen". */
function partLabel(path: Path, owner: string): string {
  if (path.includes('later')) return `the delayed outcome of ${owner}`;
  if (path.includes('chances')) return `a chance of ${owner}`;
  if (path.includes('if')) return `a conditional outcome of ${owner}`;
  return owner;
}

class Reach {
  readonly k: Knowledge;
  private readonly setters = new Map<string, string[]>();

  constructor(private readonly s: Scenario) {
    const lo = new Map<string, number>();
    const hi = new Map<string, number>();
    for (const [id, m] of Object.entries(s.meters)) {
      lo.set(id, m.initial);
      hi.set(id, m.initial);
    }
    this.k = {
      flags: new Set(s.initial.flags),
      cleared: new Set(),
      stages: new Set([s.initial.stage]),
      lo,
      hi,
      played: new Set(),
      chose: new Set(),
      offered: new Set(),
      objectives: new Set(),
      score: { kim: 0, putin: 0 },
    };
    for (const site of outcomeSites(s)) {
      for (const f of site.value.flags ?? []) {
        const list = this.setters.get(f) ?? [];
        const label = partLabel(site.path, site.owner);
        if (!list.includes(label)) list.push(label);
        this.setters.set(f, list);
      }
    }
  }

  /** Null if `c` can hold in principle, else the first reason it cannot. */
  why(c: Condition | undefined): string | null {
    if (!c) return null;
    const k = this.k;
    for (const f of c.flags ?? []) {
      if (c.notFlags?.includes(f)) return `it needs flag "${f}" both set and unset`;
      if (!k.flags.has(f)) {
        return `it needs flag "${f}", and what sets it (${(this.setters.get(f) ?? []).join('; ')}) can never happen`;
      }
    }
    for (const f of c.notFlags ?? []) {
      if (this.s.initial.flags.includes(f) && !k.cleared.has(f)) {
        return `it needs flag "${f}" unset, but the game starts with it and nothing that can happen clears it`;
      }
    }
    for (const [id, r] of Object.entries(c.meters ?? {})) {
      const start = this.s.meters[id]!.initial;
      if (r.atLeast !== undefined && r.atLeast > k.hi.get(id)!) {
        return `it needs "${id}" at ${r.atLeast} or more, but nothing that can happen raises it (it starts at ${start})`;
      }
      if (r.atMost !== undefined && r.atMost < k.lo.get(id)!) {
        return `it needs "${id}" at ${r.atMost} or less, but nothing that can happen lowers it (it starts at ${start})`;
      }
    }
    if (c.stage) {
      const { atLeast, atMost } = c.stage;
      const fits = (st: Stage) =>
        (atLeast === undefined || stageIndex(st) >= stageIndex(atLeast)) &&
        (atMost === undefined || stageIndex(st) <= stageIndex(atMost));
      if (![...k.stages].some(fits)) {
        const want =
          atLeast && atMost
            ? `"${atLeast}" to "${atMost}"`
            : atLeast
              ? `"${atLeast}" or later`
              : `"${atMost}" or earlier`;
        const can = quoteList(STAGES.filter((st) => k.stages.has(st)));
        return `it needs the alliance at stage ${want}, but it can only ever be at ${can}`;
      }
    }
    for (const id of c.played ?? []) {
      if (c.notPlayed?.includes(id)) return `it needs card "${id}" both played and not played`;
      if (!k.played.has(id)) return `it needs card "${id}" played, and that card can never be played`;
    }
    for (const pair of c.chose ?? []) {
      if (!k.chose.has(pair)) return `it needs option "${pair}" chosen, and that option can never be chosen`;
    }
    for (const role of ['kim', 'putin'] as const) {
      const least = c.score?.[role]?.atLeast;
      if (least !== undefined && least > k.score[role]) {
        return `it needs ${role}'s score at ${least} or more, but the ${role} objectives that can be met add up to ${k.score[role]}`;
      }
    }
    if (c.any) {
      const reasons = c.any.map((a) => this.why(a));
      if (reasons.every((r) => r !== null))
        return `none of its "any" alternatives can hold (the first: ${reasons[0]})`;
    }
    if (c.not && Object.keys(c.not).length === 0) return '"not: {}" never holds';
    return null;
  }

  private add<T>(set: Set<T>, value: T): boolean {
    if (set.has(value)) return false;
    set.add(value);
    return true;
  }

  private applyPart(o: Outcome): boolean {
    const k = this.k;
    let changed = false;
    for (const f of o.flags ?? []) changed = this.add(k.flags, f) || changed;
    for (const f of o.clearFlags ?? []) changed = this.add(k.cleared, f) || changed;
    const at = [...k.stages].map(stageIndex);
    if (o.stage && at.some((i) => i < stageIndex(o.stage!))) changed = this.add(k.stages, o.stage) || changed;
    if (o.stageFallsTo && at.some((i) => i > stageIndex(o.stageFallsTo!))) {
      changed = this.add(k.stages, o.stageFallsTo) || changed;
    }
    for (const [id, d] of Object.entries(o.effects ?? {})) {
      const def = this.s.meters[id]!;
      // Repeated effects can push a meter all the way to its bound, so one step in a direction is enough.
      const [bounds, end] = d > 0 ? [k.hi, def.max] : [k.lo, def.min];
      if (d !== 0 && bounds.get(id) !== end) {
        bounds.set(id, end);
        changed = true;
      }
    }
    return changed;
  }

  /** Applies an outcome and those of its conditional parts that can hold. */
  applyTree(o: Outcome): boolean {
    let changed = this.applyPart(o);
    for (const branch of o.if ?? []) {
      if (this.why(branch.when) === null) changed = this.applyTree(branch) || changed;
    }
    return changed;
  }

  /** The first turn a card's option could be chosen, from the top-level turn bounds. */
  firstTurn(cardWhen: Condition | undefined, option: Option): number {
    return Math.max(1, cardWhen?.turn?.atLeast ?? 1, option.when?.turn?.atLeast ?? 1);
  }

  /** One pass over everything; true if anything new became possible. */
  pass(): boolean {
    const { s, k } = this;
    let changed = false;
    for (const card of s.cards) {
      const open = card.offer ? k.offered.has(card.id) : this.why(card.when) === null;
      if (!open) continue;
      for (const option of card.options) {
        if (this.why(option.when) !== null) continue;
        changed = this.add(k.played, card.id) || changed;
        changed = this.add(k.chose, `${card.id}/${option.id}`) || changed;
        changed = this.applyTree(option) || changed;
        for (const d of option.later ?? []) {
          if (this.firstTurn(card.when, option) + d.after <= s.turns) changed = this.applyTree(d) || changed;
        }
        for (const ch of option.chances ?? []) changed = this.applyTree(ch) || changed;
        if (option.offer) changed = this.add(k.offered, option.offer) || changed;
      }
    }
    for (const h of [...s.events, ...s.reactions]) {
      if (this.why(h.when) === null) changed = this.applyTree(h) || changed;
    }
    for (const o of s.objectives) {
      if (this.why(o.when) === null && this.add(k.objectives, o.id)) {
        k.score[o.role] += o.points;
        changed = true;
      }
    }
    return changed;
  }
}

/** Conditional parts (`if`) of a reachable outcome that never apply. */
function deadBranches(r: Reach, o: Outcome, path: Path, owner: string): Issue[] {
  return (o.if ?? []).flatMap((branch, i) => {
    const here = [...path, 'if', i];
    const reason = r.why(branch.when);
    if (reason === null) return deadBranches(r, branch, here, owner);
    return [{ path: [...here, 'when'], message: `this part of ${owner}'s outcome never applies: ${reason}` }];
  });
}

function cardIssues(r: Reach, s: Scenario): Issue[] {
  const issues: Issue[] = [];
  s.cards.forEach((card, c) => {
    const path = ['cards', c];
    const senders = s.cards.flatMap((x) =>
      x.options.filter((o) => o.offer === card.id).map((o) => `"${x.id}/${o.id}"`),
    );
    const cardReason = card.offer
      ? r.k.offered.has(card.id)
        ? null
        : `the options that offer it (${senders.join(', ')}) can never be chosen`
      : r.why(card.when);
    const verb = card.offer ? 'never arrives' : 'can never be dealt';
    if (cardReason !== null) {
      issues.push({
        path: card.offer ? [...path, 'offer'] : [...path, 'when'],
        message: `card "${card.id}" ${verb}: ${cardReason}`,
      });
      return;
    }
    const optionReasons = card.options.map((o) => r.why(o.when));
    if (optionReasons.every((x) => x !== null)) {
      issues.push({
        path: [...path, 'options'],
        message: `card "${card.id}" ${verb}: none of its options can ever be open`,
      });
      return;
    }
    card.options.forEach((option, o) => {
      const here = [...path, 'options', o];
      const owner = `option "${card.id}/${option.id}"`;
      const reason = optionReasons[o];
      if (reason) {
        issues.push({ path: [...here, 'when'], message: `${owner} can never be chosen: ${reason}` });
        return;
      }
      issues.push(...deadBranches(r, option, here, owner));
      option.later?.forEach((d, i) => {
        const first = r.firstTurn(card.when, option);
        if (first + d.after > s.turns) {
          const message = `the delayed outcome of ${owner} never lands: chosen on turn ${first} at the earliest, it would land on turn ${first + d.after}, after the last turn (${s.turns})`;
          issues.push({ path: [...here, 'later', i, 'after'], message });
        } else issues.push(...deadBranches(r, d, [...here, 'later', i], owner));
      });
      option.chances?.forEach((ch, i) => issues.push(...deadBranches(r, ch, [...here, 'chances', i], owner)));
    });
  });
  return issues;
}

export function checkReachability(s: Scenario): Issue[] {
  const r = new Reach(s);
  while (r.pass()) {
    // keep going until nothing new becomes possible
  }
  const issues = cardIssues(r, s);
  const happenings = [
    ...s.events.map((e, i) => ({ item: e, path: ['events', i], label: `event "${e.id}"` })),
    ...s.reactions.map((e, i) => ({ item: e, path: ['reactions', i], label: `reaction "${e.id}"` })),
  ];
  for (const { item, path, label } of happenings) {
    const reason = r.why(item.when);
    if (reason !== null)
      issues.push({ path: [...path, 'when'], message: `${label} can never fire: ${reason}` });
    else issues.push(...deadBranches(r, item, path, label));
  }
  s.endings.forEach((e, i) => {
    const reason = r.why(e.when);
    if (reason !== null)
      issues.push({
        path: ['endings', i, 'when'],
        message: `ending "${e.id}" can never be reached: ${reason}`,
      });
  });
  s.objectives.forEach((o, i) => {
    const reason = r.why(o.when);
    if (reason !== null)
      issues.push({
        path: ['objectives', i, 'when'],
        message: `objective "${o.id}" can never be met: ${reason}`,
      });
  });
  return issues;
}
