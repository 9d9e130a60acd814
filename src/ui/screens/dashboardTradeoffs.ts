// The class dashboard: the article's trade-offs the class met and never met.
import { type Dashboard, type TradeoffUse } from '../../classroom/index.ts';
import { h } from '../dom.ts';
import { plural, section, tradeoffWords } from './dashboardParts.ts';

// ---------------------------------------------------------------------------------------------
// Trade-offs

export function tradeoffList(d: Dashboard, uses: readonly TradeoffUse[], met: boolean): HTMLElement {
  if (uses.length === 0)
    return h(
      'p',
      { class: 'muted' },
      met ? 'None.' : 'None: the class met every trade-off of this scenario.',
    );
  const title = (id: string) => d.cards.find((c) => c.card === id)?.title ?? id;
  return h(
    'ul',
    { class: 'tradeoff-list' },
    uses.map((t) =>
      h(
        'li',
        { class: 'tradeoff', 'data-tradeoff': t.id },
        h('p', { class: 'tradeoff-statement' }, tradeoffWords(t)),
        h(
          'p',
          { class: 'muted small' },
          `Through ${t.cards.map((c) => `“${title(c)}”`).join(', ')}`,
          met ? ` · met in ${plural(t.dealtIn, 'game')}, chosen in ${t.chosenIn}` : '',
        ),
      ),
    ),
  );
}

export function tradeoffsSection(d: Dashboard): HTMLElement {
  const { met, never } = d.tradeoffs;
  return section(
    'tradeoffs',
    'The article’s trade-offs',
    h(
      'p',
      { class: 'muted' },
      `The class met ${met.length} of the ${met.length + never.length} trade-offs this scenario plays out: a card of it was dealt, or offered, in at least one game.`,
    ),
    h(
      'div',
      { class: 'tradeoff-columns' },
      h(
        'div',
        { class: 'tradeoffs-untouched dash-tradeoffs-never' },
        h('h3', {}, `Never met (${never.length})`),
        tradeoffList(d, never, false),
      ),
      h(
        'div',
        { class: 'tradeoffs-played dash-tradeoffs-met' },
        h('h3', {}, `Met (${met.length})`),
        tradeoffList(d, met, true),
      ),
    ),
  );
}
