// Checks the offer graph: an option's `offer` names an offer card of the other role, every offer
// card is sent by something, and offers never loop (a loop could bounce within one month forever).
import { didYouMean, type Issue } from './issues.ts';
import type { Card, Scenario } from './schema.ts';

function checkTargets(s: Scenario, cards: Map<string, Card>): Issue[] {
  const issues: Issue[] = [];
  s.cards.forEach((card, c) =>
    card.options.forEach((option, o) => {
      if (option.offer === undefined) return;
      const path = ['cards', c, 'options', o, 'offer'];
      const target = cards.get(option.offer);
      const offerIds = s.cards.filter((x) => x.offer).map((x) => x.id);
      if (!target) {
        issues.push({ path, message: `unknown card "${option.offer}"${didYouMean(option.offer, offerIds)}` });
      } else if (!target.offer) {
        issues.push({ path, message: `card "${target.id}" is not an offer card (it needs "offer: true")` });
      } else if (target.role === card.role) {
        const message = `card "${card.id}" (${card.role}) offers "${target.id}" to its own role: an offer goes to the other role`;
        issues.push({ path, message });
      }
    }),
  );
  return issues;
}

function checkOfferCards(s: Scenario): Issue[] {
  const targeted = new Set(s.cards.flatMap((c) => c.options.map((o) => o.offer)));
  const issues: Issue[] = [];
  s.cards.forEach((card, c) => {
    if (!card.offer) return;
    if (!targeted.has(card.id)) {
      issues.push({
        path: ['cards', c, 'offer'],
        message: `offer card "${card.id}" is never offered by any option`,
      });
    }
    // Offer cards are never dealt: the engine ignores their `when` and `weight`.
    for (const key of ['when', 'weight'] as const) {
      if (card[key] !== undefined) {
        const message = `an offer card is never dealt, so its "${key}" is ignored (put conditions on its options)`;
        issues.push({ path: ['cards', c, key], at: 'key', message });
      }
    }
  });
  return issues;
}

function checkCycles(s: Scenario, cards: Map<string, Card>): Issue[] {
  const index = new Map(s.cards.map((c, i) => [c.id, i]));
  const state = new Map<string, 'open' | 'done'>();
  const issues: Issue[] = [];
  const visit = (id: string, trail: string[]): void => {
    state.set(id, 'open');
    const card = cards.get(id)!;
    card.options.forEach((option, o) => {
      const next = option.offer;
      if (next === undefined || !cards.has(next)) return;
      if (state.get(next) === 'open') {
        const chain = [...trail, id];
        const loop = [...chain.slice(chain.indexOf(next)), next];
        const path = ['cards', index.get(id)!, 'options', o, 'offer'];
        issues.push({ path, message: `offers go round in a cycle: ${loop.join(' → ')}` });
      } else if (!state.has(next)) visit(next, [...trail, id]);
    });
    state.set(id, 'done');
  };
  for (const card of s.cards) if (!state.has(card.id)) visit(card.id, []);
  return issues;
}

export function checkOffers(s: Scenario): Issue[] {
  const cards = new Map(s.cards.map((c) => [c.id, c]));
  return [...checkTargets(s, cards), ...checkOfferCards(s), ...checkCycles(s, cards)];
}
