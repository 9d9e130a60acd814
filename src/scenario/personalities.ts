// Checks the computer opponent's personalities: unique ids, a role the scenario plays, and every
// meter, flag and choice they weigh defined by the scenario. (Their paragraphs and quote are
// checked with every other cited item, in sources.ts.)
import { didYouMean, type Issue } from './issues.ts';
import { flagsSet } from './references.ts';
import type { Scenario } from './schema.ts';

export function checkPersonalities(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const meters = Object.keys(s.meters);
  const flags = flagsSet(s);
  const cards = new Map(s.cards.map((c) => [c.id, c]));
  const first = new Map<string, number>();
  s.personalities.forEach((p, i) => {
    const at = ['personalities', i] as const;
    const seen = first.get(p.id);
    if (seen === undefined) first.set(p.id, i);
    else {
      issues.push({
        path: [...at, 'id'],
        message: `duplicate personality id "${p.id}" (first used by personality ${seen + 1})`,
      });
    }
    if (!s.roles.includes(p.role)) {
      issues.push({
        path: [...at, 'role'],
        message: `personality "${p.id}" is for ${p.role}, who does not play in this scenario (roles: ${s.roles.join(', ')})`,
      });
    }
    for (const id of Object.keys(p.weights)) {
      if (Object.hasOwn(s.meters, id)) continue;
      issues.push({
        path: [...at, 'weights', id],
        at: 'key',
        message: `unknown meter "${id}" in the weights of personality "${p.id}" (meters: ${meters.join(', ')})${didYouMean(id, meters)}`,
      });
    }
    for (const flag of Object.keys(p.flags)) {
      if (flags.has(flag)) continue;
      issues.push({
        path: [...at, 'flags', flag],
        at: 'key',
        message: `flag "${flag}" is weighed by personality "${p.id}" but nothing sets it${didYouMean(flag, flags)}`,
      });
    }
    for (const pair of Object.keys(p.options)) {
      const [cardId = '', optionId = ''] = pair.split('/');
      const card = cards.get(cardId);
      const path = [...at, 'options', pair];
      if (!card) {
        issues.push({
          path,
          at: 'key',
          message: `unknown card "${cardId}" in the options of personality "${p.id}"${didYouMean(cardId, cards.keys())}`,
        });
      } else if (!card.options.some((o) => o.id === optionId)) {
        const ids = card.options.map((o) => o.id);
        issues.push({
          path,
          at: 'key',
          message: `card "${cardId}" has no option "${optionId}" (options: ${ids.join(', ')})`,
        });
      }
    }
  });
  return issues;
}
