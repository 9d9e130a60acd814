// The news between months: what landed late, what happened, how the other states reacted.
import { ACTOR_NAMES, type ChronicleEntry, type Rules } from '../../engine/index.ts';
import { h } from '../dom.ts';
import { changeChips } from '../changes.ts';
import { SEE_ALL, type Visible } from '../privacy.ts';
import { openSource } from '../source.ts';
import { portrait, type Subject } from '../portraits.ts';
import { ROLE_NAMES } from './briefing.ts';

function sourceOf(
  rules: Rules,
  entry: ChronicleEntry,
): { title: string; paragraphs: string[]; quote?: string } | null {
  if (entry.kind === 'delayed') {
    const card = rules.cards.get(entry.id);
    return card ? { title: card.title, paragraphs: card.paragraphs, quote: card.quote } : null;
  }
  const item = [...rules.events, ...rules.reactions].find((e) => e.id === entry.id);
  return item ? { title: item.title, paragraphs: item.paragraphs, quote: item.quote } : null;
}

function byline(entry: ChronicleEntry): string {
  if (entry.kind === 'reaction' && entry.actor) return ACTOR_NAMES[entry.actor];
  if (entry.kind === 'delayed' && entry.role) return `${ROLE_NAMES[entry.role]}: a choice bears fruit`;
  return 'Events';
}

/** Whose emblem or face heads a news item. */
function subjectOf(entry: ChronicleEntry): Subject {
  if (entry.kind === 'reaction' && entry.actor) return entry.actor;
  if (entry.kind === 'delayed' && entry.role) return entry.role;
  return 'events';
}

export function renderNews(rules: Rules, entries: ChronicleEntry[], visible: Visible = SEE_ALL): HTMLElement {
  const items = entries.filter((e) => e.kind !== 'ending');
  return h(
    'ul',
    { class: 'news-list' },
    ...items.map((entry) => {
      const source = sourceOf(rules, entry);
      return h(
        'li',
        { class: `news-item kind-${entry.kind}` },
        portrait(subjectOf(entry), { className: 'news-face' }),
        h('p', { class: 'eyebrow' }, byline(entry)),
        h('h3', {}, entry.title),
        h('p', {}, entry.text),
        changeChips(rules, entry.changes, visible),
        source
          ? h(
              'button',
              {
                type: 'button',
                class: 'source-button small',
                'aria-label': `Source for “${entry.title}”`,
                onclick: () => openSource(source),
              },
              'Source',
            )
          : null,
      );
    }),
  );
}

/** The same news as one sentence for the live region. */
export function newsAnnouncement(entries: ChronicleEntry[]): string {
  return entries
    .filter((e) => e.kind !== 'ending')
    .map((e) => `${e.title}. ${e.text}`)
    .join(' ');
}
