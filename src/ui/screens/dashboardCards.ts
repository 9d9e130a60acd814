// The class dashboard: what the class chose on every card, beside its trade-offs and the article's words.
import { type CardChoices, type Dashboard, SIDE_ROLES } from '../../classroom/index.ts';
import { share } from '../../classroom/stats.ts';
import { h } from '../dom.ts';
import { paragraphNumber, ROLE_NAMES, sourceButton } from '../source.ts';
import {
  dashboardPage,
  plural,
  section,
  shareCell,
  tradeoffWords,
  type DashboardContext,
} from './dashboardParts.ts';

// ---------------------------------------------------------------------------------------------
// Choices on every card

/** The article's words for a card: its quote, else its first cited paragraph. */
export function articleWords(card: CardChoices, ctx: DashboardContext): HTMLElement {
  const numbers = card.paragraphs.map((id) => {
    const n = paragraphNumber(id);
    return Number.isFinite(n) ? String(n) : id;
  });
  const cite = `${numbers.length === 1 ? 'Paragraph' : 'Paragraphs'} ${numbers.join(', ')}`;
  const first = card.paragraphs[0];
  const paragraph = first === undefined ? undefined : ctx.paragraph(first);
  let words: HTMLElement;
  if (card.quote) words = h('blockquote', { class: 'quote dash-quote' }, h('p', {}, `“${card.quote}”`));
  else if (paragraph) words = h('blockquote', { class: 'quote dash-quote' }, h('p', {}, paragraph.text));
  else
    words = h(
      'p',
      { class: 'muted' },
      first ? `Paragraph ${first} is not in the article.` : 'It cites no paragraph.',
    );
  return h(
    'div',
    { class: 'dash-article' },
    h('h4', {}, 'In the article'),
    words,
    card.paragraphs.length > 0
      ? h(
          'p',
          { class: 'dash-cite' },
          h('span', { class: 'muted' }, cite),
          sourceButton({
            title: card.title,
            paragraphs: card.paragraphs,
            ...(card.quote ? { quote: card.quote } : {}),
            tradeoffs: card.tradeoffs.map((t) => t.id),
          }),
        )
      : null,
  );
}

type Chooser = 'students' | 'computer';
const CHOOSER_NAMES: Record<Chooser, string> = { students: 'Students', computer: 'Computer' };

/**
 * Who chooses on a card in this class: students where a side they play holds its role, the
 * computer where one does not (and anyone who did choose on it, whatever the session says).
 */
export function choosers(d: Dashboard, card: CardChoices): Chooser[] {
  const sides = d.endings.map((t) => t.side);
  const chose = (who: Chooser) => card.options.some((o) => o[who] > 0);
  const list: Chooser[] = [];
  if (sides.some((side) => SIDE_ROLES[side].includes(card.role)) || chose('students')) list.push('students');
  if (sides.some((side) => !SIDE_ROLES[side].includes(card.role)) || chose('computer')) list.push('computer');
  return list.length > 0 ? list : ['students'];
}

/** Each option's count and share, by whoever chooses on the card in this class. */
export function choicesTable(d: Dashboard, card: CardChoices): HTMLElement {
  const who = choosers(d, card);
  const totals = Object.fromEntries(
    who.map((w) => [w, card.options.reduce((sum, o) => sum + o[w], 0)]),
  ) as Record<Chooser, number>;
  return h(
    'table',
    { class: 'dash-table dash-choices' },
    h('caption', { class: 'visually-hidden' }, `What the class chose on “${card.title}”`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Option'),
        who.flatMap((w) => [
          h('th', { scope: 'col', class: 'dash-num' }, CHOOSER_NAMES[w]),
          h(
            'th',
            { scope: 'col' },
            h('span', { class: 'visually-hidden' }, `${CHOOSER_NAMES[w]}: `),
            'share',
          ),
        ]),
      ),
    ),
    h(
      'tbody',
      {},
      card.options.map((o) =>
        h(
          'tr',
          { 'data-option': o.option },
          h('th', { scope: 'row' }, o.label),
          who.flatMap((w) => [
            h('td', { class: `dash-num dash-${w}` }, String(o[w])),
            shareCell(share(o[w], totals[w])),
          ]),
        ),
      ),
    ),
  );
}

export function cardItem(d: Dashboard, card: CardChoices, ctx: DashboardContext): HTMLElement {
  const id = `dashboard-card-${dashboardPage()}-${card.card}`;
  const who = card.offer ? `An offer ${ROLE_NAMES[card.role]} answers` : `${ROLE_NAMES[card.role]}’s card`;
  const reach =
    card.dealtIn === 0
      ? 'Never dealt in any game.'
      : `Dealt in ${card.dealtIn} of ${plural(d.games.length, 'game')}; chosen in ${card.chosenIn}.`;
  return h(
    'li',
    { class: `dash-card role-${card.role}`, 'data-card': card.card },
    h(
      'article',
      { 'aria-labelledby': id },
      h('h3', { id }, card.title),
      h('p', { class: 'dash-card-meta muted' }, `${who}. ${reach}`),
      h(
        'div',
        { class: 'dash-card-body' },
        h('div', { class: 'dash-card-choices' }, choicesTable(d, card)),
        h(
          'div',
          { class: 'dash-card-context' },
          card.tradeoffs.length > 0
            ? h(
                'div',
                { class: 'dash-card-tradeoffs' },
                h('h4', {}, card.tradeoffs.length === 1 ? 'The trade-off' : 'The trade-offs'),
                h(
                  'ul',
                  {},
                  card.tradeoffs.map((t) => h('li', {}, tradeoffWords(t))),
                ),
              )
            : null,
          articleWords(card, ctx),
        ),
      ),
    ),
  );
}

export function cardsSection(d: Dashboard, ctx: DashboardContext): HTMLElement {
  return section(
    'cards',
    'What the class chose, card by card',
    h(
      'p',
      { class: 'muted' },
      'How often each option was chosen: by students, and by the computer where it played the card’s side. A card played more than once in a game counts each time.',
    ),
    h(
      'ol',
      { class: 'dash-card-list' },
      d.cards.map((card) => cardItem(d, card, ctx)),
    ),
  );
}
