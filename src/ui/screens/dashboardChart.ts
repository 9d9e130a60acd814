// The class dashboard: every game's meters on one chart (and, for screen readers, as a table).
import { type Dashboard, type MeterInfo } from '../../classroom/index.ts';
import { median } from '../../classroom/stats.ts';
import { formatNumber } from '../charts.ts';
import { h, svg } from '../dom.ts';
import { dashboardPage, section, SIDE_NAMES, type DashboardContext } from './dashboardParts.ts';

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
export function shortMonth(label: string): string {
  return label.replace(/^(\p{L}{3})\p{L}*\s+(\d{4})$/u, '$1 $2');
}

/**
 * The chart's points: point j is the start of month j + 1 (timeline index j). A game that ended
 * has one more point, where it ended; past the last month any game reached, that is "End".
 */
export function pointLabels(d: Dashboard, ctx: DashboardContext): string[] {
  const points = Math.max(1, ...d.games.map((g) => g.timeline.length));
  const lastMonth = Math.max(0, ...d.games.map((g) => g.months));
  return Array.from({ length: points }, (_, j) => (j + 1 > lastMonth ? 'End' : ctx.monthLabel(j + 1)));
}

export function classChart(d: Dashboard, meter: MeterInfo, labels: string[]): HTMLElement {
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

export function metersSection(d: Dashboard, ctx: DashboardContext): HTMLElement {
  const meter = d.meters[0];
  if (!meter || d.games.length === 0)
    return section('meters', 'Every game’s meters', h('p', { class: 'muted' }, 'No game to draw.'));
  const labels = pointLabels(d, ctx);
  let chart = classChart(d, meter, labels);
  const id = `dashboard-meter-${dashboardPage()}`;
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
