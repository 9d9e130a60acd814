// The one-line facts about a valid scenario that the checker prints.
import type { Scenario } from './schema.ts';

export interface ScenarioSummary {
  id: string;
  title: string;
  turns: number;
  roles: string[];
  /** Cards that can be dealt, per role (offer cards are counted apart). */
  cards: { kim: number; putin: number };
  offers: number;
  events: number;
  reactions: number;
  endings: { kim: number; putin: number; both: number };
  hash: string;
}

export function summarize(s: Scenario, hash: string): ScenarioSummary {
  const dealt = s.cards.filter((c) => !c.offer);
  const endingsOf = (role: string) => s.endings.filter((e) => e.role === role).length;
  return {
    id: s.id,
    title: s.title,
    turns: s.turns,
    roles: [...s.roles],
    cards: {
      kim: dealt.filter((c) => c.role === 'kim').length,
      putin: dealt.filter((c) => c.role === 'putin').length,
    },
    offers: s.cards.length - dealt.length,
    events: s.events.length,
    reactions: s.reactions.length,
    endings: { kim: endingsOf('kim'), putin: endingsOf('putin'), both: endingsOf('both') },
    hash,
  };
}

export function summaryLine(x: ScenarioSummary): string {
  return [
    `${x.id} "${x.title}"`,
    `cards kim ${x.cards.kim}, putin ${x.cards.putin}`,
    `offers ${x.offers}`,
    `events ${x.events}`,
    `reactions ${x.reactions}`,
    `endings kim ${x.endings.kim}, putin ${x.endings.putin}, both ${x.endings.both}`,
    `${x.turns} turns`,
    `hash ${x.hash}`,
  ].join(' · ');
}
