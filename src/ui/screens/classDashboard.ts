// The teacher's class dashboard: what a class did, from the results its students handed in. The
// class and the inputs that did not count (by name), the endings reached by each side, the class's
// choices on every card beside the card's trade-offs and the article's words, every game's meters
// on one chart, the games worth a look (one click from their replay), every game, the trade-offs
// met and never met, and the exports. The figures come from src/classroom's buildDashboard;
// anything from a result (labels, file names, titles) is data, only ever set as text.
// the teacher's screens bring their own styles: they load with these screens, not with the game
import '../../styles/classroom.css';
import {
  checkSession,
  encodeSessionCode,
  type CardChoices,
  type Dashboard,
  type DuplicateResult,
  type EndingTable,
  type MeterInfo,
  type ResultError,
  SIDE_ROLES,
  type Side,
  type TradeoffUse,
  type UnusualGame,
  type UnusualReason,
} from '../../classroom/index.ts';
import { median, share } from '../../classroom/stats.ts';
import type { EndResult, Role } from '../../engine/index.ts';
import type { Paragraph } from '../../scenario/schema.ts';
import { formatNumber } from '../charts.ts';
import { h, svg } from '../dom.ts';
import { paragraphNumber, ROLE_NAMES, sourceButton } from '../source.ts';
import { computerWords, PLAN_TEXT, timerWords } from './classSetup.ts';

export interface DashboardContext {
  /** What parseResults set aside: each input that did not count, by name, and why. */
  parsed: { errors: readonly ResultError[]; duplicates: readonly DuplicateResult[] };
  /** The article's paragraph by id ("p07"). */
  paragraph(id: string): Paragraph | undefined;
  /** 1-based month of the scenario → "September 2023". */
  monthLabel(turn: number): string;
}

export interface DashboardHandlers {
  /** Open game `gameIndex` (its index in Dashboard.games) in the replay viewer. */
  onWatch(gameIndex: number): void;
  onCsv(): void;
  onChoicesCsv(): void;
  onPrint(): void;
  onLoadMore(): void;
  onBack(): void;
}

const SIDE_NAMES: Record<Side, string> = {
  kim: 'Kim Jong Un',
  putin: 'Vladimir Putin',
  both: 'both sides (in pairs)',
};
const SIDE_SHORT: Record<Side, string> = { kim: 'Kim', putin: 'Putin', both: 'Both (a pair)' };
const RESULT_VERBS: Record<EndResult, string> = { win: 'wins', draw: 'draws', loss: 'loses' };

/** The page's sections, for the jump links: key and link text. */
const JUMPS = [
  ['not-counted', 'Not counted'],
  ['endings', 'Endings'],
  ['cards', 'Choices'],
  ['meters', 'Meters'],
  ['unusual', 'Worth a look'],
  ['games', 'Every game'],
  ['tradeoffs', 'Trade-offs'],
] as const;
type SectionKey = (typeof JUMPS)[number][0];

let counter = 0;

const sectionId = (key: SectionKey | 'title' | 'next'): string => `dashboard-${key}-${counter}`;

function section(key: SectionKey, title: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h(
    'section',
    { class: `debrief-section dash-section dash-${key}`, 'aria-labelledby': sectionId(key) },
    h('h2', { id: sectionId(key) }, title),
    ...children,
  );
}

/** 0.416 → "42%". */
function percent(part: number): string {
  return `${Math.round(part * 100)}%`;
}

/** "1 game", "3 games". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A share as a bar (for the eye; the number beside it says the same). */
function shareCell(part: number): HTMLElement {
  return h(
    'td',
    { class: 'dash-share' },
    h(
      'span',
      { class: 'dash-bar', 'aria-hidden': 'true' },
      h('span', {
        class: 'dash-bar-fill',
        style: `width: ${(Math.min(1, Math.max(0, part)) * 100).toFixed(1)}%`,
      }),
    ),
    h('span', { class: 'dash-share-number' }, percent(part)),
  );
}

/** "Kim Jong Un wins, Vladimir Putin loses." */
function resultWords(result: Record<Role, EndResult>): string {
  return (Object.keys(result) as Role[])
    .map((role) => `${ROLE_NAMES[role]} ${RESULT_VERBS[result[role]]}`)
    .join(', ');
}

/** "shells-for-money" → "Shells for money": a trade-off's name when the catalogue has no words for it. */
function tradeoffWords(t: { id: string; statement: string | null }): string {
  if (t.statement) return t.statement;
  const words = t.id.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A button whose visible words are `label`, and whose accessible name also says which game. */
function watchButton(
  label: string,
  game: { game: number; label: string },
  handlers: DashboardHandlers,
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'dash-watch',
      'data-game': game.game,
      onclick: () => handlers.onWatch(game.game),
    },
    label,
    h('span', { class: 'visually-hidden' }, ` of “${game.label}”`),
  );
}

// ---------------------------------------------------------------------------------------------
// The class

function headSection(d: Dashboard, notCounted: number): HTMLElement {
  const session = d.session;
  const checked = session ? checkSession(session) : null;
  const code = checked?.ok ? encodeSessionCode(checked.session) : null;
  const rows: [string, string | Node][] = [['Scenario', d.scenario.title]];
  if (session) {
    if (code) rows.push(['Class code', h('span', { class: 'dash-code' }, code)]);
    rows.push(['Who plays what', PLAN_TEXT[session.roles].name]);
    rows.push(['The computer', computerWords(session)]);
    rows.push(['Turn timer', timerWords(session.turnSeconds)]);
    rows.push(['World', String(session.seed)]);
  }
  const jumps = JUMPS.filter(([key]) => key !== 'not-counted' || notCounted > 0);
  return h(
    'header',
    { class: 'debrief-ending dash-head card-panel' },
    h('p', { class: 'debrief-kicker' }, 'Class dashboard'),
    h('h1', { id: sectionId('title'), tabindex: -1 }, session?.title ?? d.scenario.title),
    h(
      'dl',
      { class: 'dash-session' },
      rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
    ),
    session ? null : h('p', { class: 'muted' }, 'No class session: no result could be read.'),
    h(
      'p',
      { class: 'dash-counted' },
      h('strong', {}, `${plural(d.games.length, 'game')} ${d.games.length === 1 ? 'counts' : 'count'}.`),
      notCounted > 0
        ? [
            ' ',
            h('a', { href: `#${sectionId('not-counted')}` }, `${plural(notCounted, 'result')} did not count`),
            ': each is listed below, by name, with the reason.',
          ]
        : ' Every result loaded counts.',
    ),
    h(
      'nav',
      { class: 'debrief-jump dash-jump', 'aria-label': 'On this page' },
      h(
        'ul',
        {},
        jumps.map(([key, label]) => h('li', {}, h('a', { href: `#${sectionId(key)}` }, label))),
      ),
    ),
  );
}

function problemItem(name: string, tag: string, kind: string, message: string): HTMLElement {
  return h(
    'li',
    { class: `dash-problem dash-problem-${kind}` },
    h(
      'p',
      { class: 'dash-problem-head' },
      h('span', { class: 'dash-problem-name' }, name),
      h('span', { class: 'dash-tag' }, tag),
    ),
    h('p', { class: 'dash-problem-message' }, message),
  );
}

function notCountedSection(ctx: DashboardContext): HTMLElement | null {
  const { errors, duplicates } = ctx.parsed;
  const total = errors.length + duplicates.length;
  if (total === 0) return null;
  return section(
    'not-counted',
    `Not counted (${total})`,
    h(
      'p',
      { class: 'dash-problems-note' },
      h('span', { class: 'dash-warn', 'aria-hidden': 'true' }, '⚠ '),
      'These inputs are left out of every figure on this page. Ask their authors to hand them in again if they should count.',
    ),
    h('ul', { class: 'dash-problems' }, [
      ...errors.map((e) => problemItem(e.name, 'Not counted', 'error', e.message)),
      ...duplicates.map((dup) => problemItem(dup.name, 'A repeat: counted once', 'duplicate', dup.message)),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Endings

function endingTable(d: Dashboard, table: EndingTable): HTMLElement {
  const scores = d.scores.filter((s) => s.side === table.side && s.games > 0);
  return h(
    'div',
    { class: 'dash-ending-table', 'data-side': table.side },
    h('h3', {}, `Played as ${SIDE_NAMES[table.side]}: ${plural(table.games, 'game')}`),
    h(
      'table',
      { class: 'dash-table' },
      h('caption', { class: 'visually-hidden' }, `Endings reached, played as ${SIDE_NAMES[table.side]}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Ending'),
          h('th', { scope: 'col' }, 'What it means'),
          h('th', { scope: 'col', class: 'dash-num' }, 'Games'),
          h('th', { scope: 'col' }, 'Share'),
        ),
      ),
      h(
        'tbody',
        {},
        table.rows.map((row) =>
          h(
            'tr',
            { class: row.count === 0 ? 'dash-none' : row.ending === null ? 'dash-open' : null },
            h('th', { scope: 'row' }, row.title),
            h('td', {}, row.result ? resultWords(row.result) : 'Handed in before the game ended'),
            h('td', { class: 'dash-num dash-count' }, String(row.count)),
            shareCell(row.share),
          ),
        ),
      ),
    ),
    scores.length > 0
      ? h(
          'p',
          { class: 'dash-scores muted' },
          'Scores of the finished games (points from objectives met): ',
          scores
            .map(
              (s) =>
                `${ROLE_NAMES[s.role]}, median ${formatNumber(s.median)} of ${s.maxPoints} (over ${plural(s.games, 'game')})`,
            )
            .join('; '),
          '.',
        )
      : null,
  );
}

function endingsSection(d: Dashboard): HTMLElement {
  return section(
    'endings',
    'Endings reached',
    d.endings.length === 0
      ? h('p', { class: 'muted' }, 'No game was counted.')
      : h(
          'div',
          { class: 'dash-ending-tables' },
          d.endings.map((t) => endingTable(d, t)),
        ),
  );
}

// ---------------------------------------------------------------------------------------------
// Choices on every card

/** The article's words for a card: its quote, else its first cited paragraph. */
function articleWords(card: CardChoices, ctx: DashboardContext): HTMLElement {
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
function choosers(d: Dashboard, card: CardChoices): Chooser[] {
  const sides = d.endings.map((t) => t.side);
  const chose = (who: Chooser) => card.options.some((o) => o[who] > 0);
  const list: Chooser[] = [];
  if (sides.some((side) => SIDE_ROLES[side].includes(card.role)) || chose('students')) list.push('students');
  if (sides.some((side) => !SIDE_ROLES[side].includes(card.role)) || chose('computer')) list.push('computer');
  return list.length > 0 ? list : ['students'];
}

/** Each option's count and share, by whoever chooses on the card in this class. */
function choicesTable(d: Dashboard, card: CardChoices): HTMLElement {
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

function cardItem(d: Dashboard, card: CardChoices, ctx: DashboardContext): HTMLElement {
  const id = `dashboard-card-${counter}-${card.card}`;
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

function cardsSection(d: Dashboard, ctx: DashboardContext): HTMLElement {
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

// ---------------------------------------------------------------------------------------------
// Every game's meters on one chart

const W = 720;
const H = 300;
const M = { left: 44, right: 14, top: 12, bottom: 30 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** Rough width of an axis label's character, in user units, to keep labels apart. */
const CHAR_W = 7.5;

/** "September 2023" → "Sep 2023". */
function shortMonth(label: string): string {
  return label.replace(/^(\p{L}{3})\p{L}*\s+(\d{4})$/u, '$1 $2');
}

/**
 * The chart's points: point j is the start of month j + 1 (timeline index j). A game that ended
 * has one more point, where it ended; past the last month any game reached, that is "End".
 */
function pointLabels(d: Dashboard, ctx: DashboardContext): string[] {
  const points = Math.max(1, ...d.games.map((g) => g.timeline.length));
  const lastMonth = Math.max(0, ...d.games.map((g) => g.months));
  return Array.from({ length: points }, (_, j) => (j + 1 > lastMonth ? 'End' : ctx.monthLabel(j + 1)));
}

function classChart(d: Dashboard, meter: MeterInfo, labels: string[]): HTMLElement {
  const points = labels.length;
  const span = meter.max - meter.min || 1;
  const x = (j: number): number =>
    points === 1 ? M.left + PLOT_W / 2 : M.left + (j / (points - 1)) * PLOT_W;
  const y = (v: number): number =>
    M.top + (1 - (Math.min(meter.max, Math.max(meter.min, v)) - meter.min) / span) * PLOT_H;
  const series = d.games.map((g) => g.timeline.map((t) => t[meter.id] ?? Number.NaN));
  const medians = labels.map((_, j) => {
    const values = series.map((s) => s[j]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    return values.length === 0 ? Number.NaN : median(values);
  });
  const path = (values: number[]): string => {
    const moves = values.flatMap((v, j) =>
      Number.isFinite(v) ? [`${x(j).toFixed(1)},${y(v).toFixed(1)}`] : [],
    );
    // a lone point still shows, as a dot (the lines have round caps)
    if (moves.length === 0) return '';
    return moves.length === 1 ? `M${moves[0]} l0,0` : `M${moves.join(' L')}`;
  };

  const parts: SVGElement[] = [
    svg('rect', { class: 'dash-plot', x: M.left, y: M.top, width: PLOT_W, height: PLOT_H }),
  ];
  for (const v of new Set([meter.max, (meter.max + meter.min) / 2, meter.min])) {
    parts.push(
      svg('line', { class: 'dash-grid', x1: M.left, x2: M.left + PLOT_W, y1: y(v), y2: y(v) }),
      svg(
        'text',
        { class: 'dash-axis', x: M.left - 6, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        formatNumber(v),
      ),
    );
  }
  // Month labels, as many as fit, the last always.
  const step = Math.max(1, Math.ceil((points * 9 * CHAR_W) / PLOT_W));
  const ticks = labels.map((_, j) => j).filter((j) => j % step === 0 && points - 1 - j >= step / 2);
  if (points > 1) ticks.push(points - 1);
  for (const j of ticks) {
    const anchor = points === 1 ? 'middle' : j === 0 ? 'start' : j === points - 1 ? 'end' : 'middle';
    parts.push(
      svg('text', { class: 'dash-axis', x: x(j), y: H - 8, 'text-anchor': anchor }, shortMonth(labels[j]!)),
    );
  }
  d.games.forEach((g, i) => {
    parts.push(
      svg(
        'path',
        { class: `dash-line side-${g.side}`, d: path(series[i]!), 'data-game': g.index },
        svg('title', {}, g.label),
      ),
    );
  });
  parts.push(svg('path', { class: 'dash-median', d: path(medians) }, svg('title', {}, 'The class median')));

  const first = medians.findIndex(Number.isFinite);
  const last = medians.findLastIndex(Number.isFinite);
  const summary =
    first < 0
      ? 'No game to draw.'
      : `The class median goes from ${formatNumber(medians[first]!)} (${labels[first]}) to ${formatNumber(medians[last]!)} (${labels[last]}), on a scale of ${formatNumber(meter.min)} to ${formatNumber(meter.max)}.`;
  const title = `${meter.label}: every game, month by month`;
  const chart = svg(
    'svg',
    {
      class: 'dash-chart-svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': `${title}. One thin line per game, a thick line for the class median. ${summary} The numbers are in the table that follows.`,
      focusable: 'false',
    },
    ...parts,
  );

  const sides = [...new Set(d.games.map((g) => g.side))];
  const legend = h(
    'p',
    { class: 'dash-legend' },
    'Thin lines: one game each (',
    sides.flatMap((side, i) => [
      i > 0 ? '; ' : null,
      h('span', { class: `dash-swatch side-${side}`, 'aria-hidden': 'true' }),
      `played as ${SIDE_NAMES[side]}`,
    ]),
    '). ',
    h('span', { class: 'dash-swatch dash-swatch-median', 'aria-hidden': 'true' }),
    'Thick line: the class median, of the games that reached each point. The last point of a finished game is where it ended.',
  );

  // the wrapper, not the table, is hidden: a <table> will not shrink below its content
  const table = h(
    'table',
    {},
    h('caption', {}, title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Game'),
        h('th', { scope: 'col' }, 'Played as'),
        labels.map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      d.games.map((g, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, g.label),
          h('td', {}, SIDE_NAMES[g.side]),
          labels.map((_, j) => h('td', {}, formatNumber(series[i]![j] ?? Number.NaN))),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Class median'),
        h('td', {}),
        medians.map((v) => h('td', {}, formatNumber(v))),
      ),
    ),
  );

  return h(
    'figure',
    { class: 'dash-chart', 'data-meter': meter.id },
    h(
      'figcaption',
      { class: 'dash-chart-title' },
      meter.label,
      meter.private ? h('span', { class: 'muted' }, ' (hidden from the other side during play)') : null,
    ),
    chart,
    legend,
    h('div', { class: 'visually-hidden' }, table),
  );
}

function metersSection(d: Dashboard, ctx: DashboardContext): HTMLElement {
  const meter = d.meters[0];
  if (!meter || d.games.length === 0)
    return section('meters', 'Every game’s meters', h('p', { class: 'muted' }, 'No game to draw.'));
  const labels = pointLabels(d, ctx);
  let chart = classChart(d, meter, labels);
  const id = `dashboard-meter-${counter}`;
  const select = h(
    'select',
    {
      id,
      onchange: () => {
        const chosen = d.meters.find((m) => m.id === select.value);
        if (!chosen) return;
        const next = classChart(d, chosen, labels);
        chart.replaceWith(next);
        chart = next;
      },
    },
    d.meters.map((m) => h('option', { value: m.id }, m.label)),
  );
  return section(
    'meters',
    'Every game’s meters',
    h('p', { class: 'dash-meter-pick' }, h('label', { for: id }, 'Meter'), select),
    chart,
  );
}

// ---------------------------------------------------------------------------------------------
// Games worth a look, and every game

function reasonWords(side: Side, reason: UnusualReason): string {
  switch (reason.kind) {
    case 'rare-ending': {
      const few = `only ${reason.count} of the ${plural(reason.games, 'game')} played as ${SIDE_NAMES[side]} (${percent(reason.share)})`;
      return reason.ending === null
        ? `Handed in before the game ended, like ${few}.`
        : `Reached “${reason.title}”, as ${few} did.`;
    }
    case 'far-score':
      return `${ROLE_NAMES[reason.role]} scored ${formatNumber(reason.score)} points, ${formatNumber(reason.distance)} from the class’s median of ${formatNumber(reason.median)} (${formatNumber(reason.threshold)} or more stands out).`;
  }
}

function unusualItem(u: UnusualGame, handlers: DashboardHandlers): HTMLElement {
  return h(
    'li',
    { class: 'dash-unusual-game', 'data-game': u.game },
    h(
      'div',
      { class: 'dash-unusual-main' },
      h('h3', {}, u.label),
      h(
        'p',
        { class: 'muted' },
        `Played as ${SIDE_NAMES[u.side]} · `,
        h('span', { class: 'dash-file' }, u.name),
      ),
      h(
        'ul',
        { class: 'dash-reasons' },
        u.reasons.map((r) => h('li', {}, reasonWords(u.side, r))),
      ),
    ),
    watchButton('Watch the replay', u, handlers),
  );
}

function unusualSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  return section(
    'unusual',
    'Games worth a look',
    h(
      'p',
      { class: 'muted' },
      'Games that reached an ending few others reached, or whose score lies far from the class’s.',
    ),
    d.unusual.length === 0
      ? h('p', {}, 'None: no game stands out from the others.')
      : h(
          'ul',
          { class: 'dash-unusual-list' },
          d.unusual.map((u) => unusualItem(u, handlers)),
        ),
  );
}

function gamesSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  return section(
    'games',
    'Every game',
    h(
      'div',
      { class: 'dash-scroll' },
      h(
        'table',
        { class: 'dash-table dash-games-table' },
        h('caption', { class: 'visually-hidden' }, 'Every game counted, in the order loaded'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Student or team'),
            h('th', { scope: 'col' }, 'Played as'),
            h('th', { scope: 'col' }, 'Ending'),
            h('th', { scope: 'col', class: 'dash-num' }, 'Kim’s points'),
            h('th', { scope: 'col', class: 'dash-num' }, 'Putin’s points'),
            h('th', { scope: 'col', class: 'dash-num' }, 'Months'),
            h('th', { scope: 'col' }, 'From'),
            h(
              'th',
              { scope: 'col', class: 'dash-no-print' },
              h('span', { class: 'visually-hidden' }, 'Replay'),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          d.games.map((g) =>
            h(
              'tr',
              { 'data-game': g.index },
              h('th', { scope: 'row' }, g.label),
              h('td', { class: 'dash-side' }, SIDE_SHORT[g.side]),
              h('td', {}, g.ending?.title ?? 'Not finished'),
              h('td', { class: 'dash-num' }, formatNumber(g.score.kim)),
              h('td', { class: 'dash-num' }, formatNumber(g.score.putin)),
              h('td', { class: 'dash-num' }, String(g.months)),
              h('td', { class: 'dash-file' }, g.name),
              h(
                'td',
                { class: 'dash-no-print' },
                watchButton('Watch', { game: g.index, label: g.label }, handlers),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Trade-offs

function tradeoffList(d: Dashboard, uses: readonly TradeoffUse[], met: boolean): HTMLElement {
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

function tradeoffsSection(d: Dashboard): HTMLElement {
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

// ---------------------------------------------------------------------------------------------
// What next, and the page

function actionButton(cls: string, label: string, onclick: () => void, primary = false): HTMLElement {
  return h(
    'button',
    { type: 'button', class: `${cls}${primary ? ' primary' : ''}`, onclick: () => onclick() },
    label,
  );
}

function actionsNav(handlers: DashboardHandlers): HTMLElement {
  return h(
    'nav',
    { class: 'debrief-actions dash-actions', 'aria-labelledby': sectionId('next') },
    h('h2', { id: sectionId('next'), class: 'visually-hidden' }, 'What next'),
    actionButton('dash-csv', 'Download the table (CSV)', handlers.onCsv, true),
    actionButton('dash-choices-csv', 'Download the choices (CSV)', handlers.onChoicesCsv),
    actionButton('dash-print', 'Print', handlers.onPrint),
    actionButton('dash-load-more', 'Load more results', handlers.onLoadMore),
    actionButton('dash-back', 'Back to the title', handlers.onBack),
  );
}

export function renderDashboard(
  d: Dashboard,
  ctx: DashboardContext,
  handlers: DashboardHandlers,
): HTMLElement {
  counter++;
  const notCounted = ctx.parsed.errors.length + ctx.parsed.duplicates.length;
  return h(
    'div',
    { class: 'page class-dashboard' },
    h(
      'main',
      { class: 'page-inner debrief-inner dash-inner', 'aria-labelledby': sectionId('title') },
      headSection(d, notCounted),
      notCountedSection(ctx),
      endingsSection(d),
      cardsSection(d, ctx),
      metersSection(d, ctx),
      unusualSection(d, handlers),
      gamesSection(d, handlers),
      tradeoffsSection(d),
      actionsNav(handlers),
    ),
  );
}
