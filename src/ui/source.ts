// The source of a card, event or ending: the article's own paragraphs, verbatim, with the quoted
// words marked, and the trade-offs the choice plays out. Shown on a light "paper" panel.
import { content } from '../bridge/content.ts';
import { ACTOR_NAMES, type Actor, type Role } from '../engine/vocabulary.ts';
import { h } from './dom.ts';
import { openModal } from './modal.ts';

export interface SourceItem {
  title: string;
  /** Paragraph ids such as "p04". */
  paragraphs: string[];
  /** Words quoted verbatim from those paragraphs. */
  quote?: string;
  /** Trade-off ids from the catalogue. */
  tradeoffs?: string[];
}

export const ROLE_NAMES: Record<Role, string> = { kim: 'Kim Jong Un', putin: 'Vladimir Putin' };

/** The person or body who faces a trade-off, by name. */
export function whoName(who: Role | Actor): string {
  return who === 'kim' || who === 'putin' ? ROLE_NAMES[who] : ACTOR_NAMES[who];
}

/** "p04" → 4. */
export function paragraphNumber(id: string): number {
  return Number(id.replace(/^p/, ''));
}

/** The text split around every exact occurrence of `quote`, each occurrence inside a <mark>. */
export function highlight(text: string, quote: string | undefined): (string | HTMLElement)[] {
  if (!quote) return [text];
  const parts: (string | HTMLElement)[] = [];
  let from = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(h('mark', {}, quote));
    from = at + quote.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/** The body of the source dialog (exported for tests and previews). */
export function sourceBody(item: SourceItem): HTMLElement {
  const article = content.article;
  const paragraphs = item.paragraphs.map((id) => ({ id, paragraph: content.paragraph(id) }));
  const quote = item.quote?.trim() ? item.quote : undefined;
  const quoteFound = quote !== undefined && paragraphs.some((p) => p.paragraph?.text.includes(quote));

  const cited = paragraphs.map(({ id, paragraph }) => {
    const number = paragraphNumber(id);
    if (!paragraph) {
      return h('li', { class: 'source-paragraph missing' }, `Paragraph ${id} is not in the article.`);
    }
    return h(
      'li',
      { class: 'source-paragraph', value: Number.isFinite(number) ? number : null },
      h(
        'p',
        { class: 'source-paragraph-where' },
        `Paragraph ${Number.isFinite(number) ? number : id}`,
        paragraph.section ? ` · ${paragraph.section}` : null,
      ),
      h('p', { class: 'source-paragraph-text' }, highlight(paragraph.text, quoteFound ? quote : undefined)),
    );
  });

  const tradeoffs = (item.tradeoffs ?? []).map((id) => {
    const t = content.tradeoff(id);
    if (!t) return h('li', { class: 'source-tradeoff' }, id);
    return h(
      'li',
      { class: 'source-tradeoff' },
      h('p', { class: 'source-tradeoff-who' }, `Faced by ${whoName(t.faces)}`),
      h('p', {}, t.statement),
    );
  });

  return h(
    'div',
    { class: 'source' },
    h(
      'div',
      { class: 'source-article' },
      h('p', { class: 'source-kicker' }, 'From the article'),
      h('h3', { class: 'source-article-title' }, article.title),
      h(
        'p',
        { class: 'source-byline' },
        [article.publisher, article.date].filter(Boolean).join(', '),
        article.source ? h('span', { class: 'source-note' }, ` · ${article.source}`) : null,
      ),
    ),
    quote && !quoteFound
      ? h('blockquote', { class: 'source-quote' }, h('p', {}, `“${quote}”`))
      : quoteFound
        ? h('p', { class: 'source-hint' }, 'The words the game quotes are highlighted.')
        : null,
    cited.length > 0
      ? h(
          'section',
          { class: 'source-section', 'aria-label': 'Cited paragraphs' },
          h('ol', { class: 'source-paragraphs' }, cited),
        )
      : null,
    tradeoffs.length > 0
      ? h(
          'section',
          { class: 'source-section' },
          h('h3', {}, tradeoffs.length === 1 ? 'The trade-off' : 'The trade-offs'),
          h('ul', { class: 'source-tradeoffs' }, tradeoffs),
        )
      : null,
  );
}

/** The small "Source" button that opens an item's source, named for screen readers. */
export function sourceButton(item: SourceItem): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'source-button small',
      'aria-label': `Source for “${item.title}”`,
      onclick: () => openSource(item),
    },
    'Source',
  );
}

/** Opens the source of a card, event or ending in a dialog. */
export function openSource(item: SourceItem): void {
  const title = /^source\b/i.test(item.title) ? item.title : `Source: ${item.title}`;
  const { element } = openModal({ title, body: sourceBody(item), className: 'paper source-dialog' });
  // Bring the quoted words into view (focus stays on the title, so the reader can scroll back up).
  element.querySelector('mark')?.scrollIntoView?.({ block: 'nearest' });
}
