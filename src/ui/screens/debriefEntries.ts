// The debrief's timeline entries in words: where an entry of the game's chronicle came from (its
// cited paragraphs), who acted, what they chose, and the meters it moved.
import { ACTOR_NAMES, type ChronicleEntry, type Rules } from '../../engine/index.ts';
import { formatNumber } from '../charts.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES, type SourceItem } from '../source.ts';

/** The cited paragraphs of whatever a chronicle entry came from. */
export function entrySource(rules: Rules, entry: ChronicleEntry): SourceItem | null {
  switch (entry.kind) {
    case 'choice':
    case 'answer':
    case 'delayed': {
      const card = rules.cards.get(entry.id);
      return card
        ? { title: card.title, paragraphs: card.paragraphs, quote: card.quote, tradeoffs: card.tradeoffs }
        : null;
    }
    case 'event': {
      const event = rules.events.find((e) => e.id === entry.id);
      return event ? { title: event.title, paragraphs: event.paragraphs, quote: event.quote } : null;
    }
    case 'reaction': {
      const reaction = rules.reactions.find((r) => r.id === entry.id);
      return reaction
        ? { title: reaction.title, paragraphs: reaction.paragraphs, quote: reaction.quote }
        : null;
    }
    case 'ending': {
      const ending = rules.endings.get(entry.id);
      return ending ? { title: ending.title, paragraphs: ending.paragraphs, quote: ending.quote } : null;
    }
  }
}

/** Who acted, in words. */
export function entryWho(entry: ChronicleEntry): string {
  if (entry.role) return ROLE_NAMES[entry.role];
  if (entry.actor) return ACTOR_NAMES[entry.actor];
  if (entry.kind === 'ending') return 'The end';
  return 'News';
}

/** What the role did, for entries that come from a card's option. */
export function entryChoice(rules: Rules, entry: ChronicleEntry): string | null {
  const option = entry.option ? rules.options.get(`${entry.id}/${entry.option}`) : undefined;
  if (!option) return null;
  switch (entry.kind) {
    case 'choice':
      return `Chose “${option.label}”`;
    case 'answer':
      return `Answered the offer: “${option.label}”`;
    case 'delayed':
      return `What “${option.label}” set in motion`;
    default:
      return null;
  }
}

export function changeChips(rules: Rules, entry: ChronicleEntry): HTMLElement {
  const ids = rules.meterIds.filter((id) => (entry.changes[id] ?? 0) !== 0);
  for (const id in entry.changes) if (!ids.includes(id) && entry.changes[id] !== 0) ids.push(id);
  if (ids.length === 0) return h('p', { class: 'chips-none muted' }, 'No meter moved.');
  return h(
    'ul',
    { class: 'chips', 'aria-label': 'Meter changes' },
    ids.map((id) => {
      const delta = entry.changes[id]!;
      const def = rules.meters.get(id);
      const owner = def?.owner ?? 'shared';
      const sign = delta > 0 ? '+' : '−';
      return h(
        'li',
        { class: `chip chip-${owner} ${delta > 0 ? 'chip-up' : 'chip-down'}` },
        h('span', { class: 'chip-arrow', 'aria-hidden': 'true' }, delta > 0 ? '▲' : '▼'),
        h('span', { class: 'chip-label' }, def?.label ?? id),
        ' ',
        h('span', { class: 'chip-delta' }, `${sign}${formatNumber(Math.abs(delta))}`),
      );
    }),
  );
}
