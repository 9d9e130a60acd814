// Small line charts of meters over time: an inline SVG that scales with its box (viewBox), danger
// zones shaded at both ends, and the same numbers in a visually hidden table for screen readers.
import '../styles/charts.css';
import { h, svg } from './dom.ts';

export interface ChartSeries {
  label: string;
  values: number[];
  /** Any CSS colour, CSS variables included (e.g. "var(--kim)"). */
  color: string;
}

export interface MeterChartOptions {
  title: string;
  series: ChartSeries[];
  min: number;
  max: number;
  danger?: { low?: number | undefined; high?: number | undefined } | undefined;
  /** One label per point, e.g. the month (in the description and the table). */
  xLabels: string[];
  /** Shorter labels for the axis, e.g. "Sep 2023" (default: xLabels). */
  xAxisLabels?: string[];
}

// The drawing is in user units; CSS gives the SVG its width and the height follows.
const W = 280;
const H = 150;
const M = { left: 32, right: 32, top: 10, bottom: 22 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** Axis text height in user units, as large as it gets (the CSS sets it in rem). */
const FONT = 13;
/** Rough width of one character at FONT, to keep axis labels from overlapping. */
const CHAR_W = 8;
const DASHES = ['', '5 3', '2 3', '8 3 2 3'];

let counter = 0;

/** 12 → "12", 12.345 → "12.3". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

function describe(opts: MeterChartOptions, points: number): string {
  const first = opts.xLabels[0] ?? '';
  const last = opts.xLabels[points - 1] ?? '';
  const sentences = opts.series.map((s) => {
    const values = s.values.filter(Number.isFinite);
    if (values.length === 0) return `${s.label}: no data.`;
    const name = opts.series.length === 1 ? '' : `${s.label}: `;
    const start = values[0]!;
    const end = values[values.length - 1]!;
    const span =
      points > 1
        ? `from ${formatNumber(start)} (${first}) to ${formatNumber(end)} (${last})`
        : `${formatNumber(start)} (${first})`;
    return `${name}${span}, lowest ${formatNumber(Math.min(...values))}, highest ${formatNumber(Math.max(...values))}.`;
  });
  const zones: string[] = [];
  if (opts.danger?.low !== undefined) zones.push(`at or below ${formatNumber(opts.danger.low)}`);
  if (opts.danger?.high !== undefined) zones.push(`at or above ${formatNumber(opts.danger.high)}`);
  const danger = zones.length > 0 ? ` Danger ${zones.join(' and ')}.` : '';
  return `${sentences.join(' ')} Scale ${formatNumber(opts.min)} to ${formatNumber(opts.max)}.${danger}`;
}

export function meterChart(opts: MeterChartOptions): HTMLElement {
  const id = ++counter;
  const points = Math.max(opts.xLabels.length, ...opts.series.map((s) => s.values.length), 1);
  const span = opts.max - opts.min || 1;
  const clamp = (v: number): number => Math.min(opts.max, Math.max(opts.min, v));
  const x = (i: number): number =>
    points === 1 ? M.left + PLOT_W / 2 : M.left + (i / (points - 1)) * PLOT_W;
  const y = (v: number): number => M.top + (1 - (clamp(v) - opts.min) / span) * PLOT_H;
  const summary = describe(opts, points);

  const parts: SVGElement[] = [
    svg('title', { id: `chart-${id}-title` }, opts.title),
    svg('desc', {}, summary),
  ];
  parts.push(svg('rect', { class: 'chart-plot', x: M.left, y: M.top, width: PLOT_W, height: PLOT_H }));

  // Danger zones at either end, hatched so that no line colour is lost in them, with a dashed line
  // at each threshold.
  const low = opts.danger?.low;
  const high = opts.danger?.high;
  const zones: { from: number; to: number; at: number }[] = [];
  if (low !== undefined && low > opts.min) zones.push({ from: low, to: opts.min, at: low });
  if (high !== undefined && high < opts.max) zones.push({ from: opts.max, to: high, at: high });
  if (zones.length > 0) {
    const hatch = `chart-${id}-hatch`;
    parts.push(
      svg(
        'defs',
        {},
        svg(
          'pattern',
          { id: hatch, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' },
          svg('rect', { class: 'chart-hatch-bg', width: 6, height: 6 }),
          svg('line', { class: 'chart-hatch', x1: 1, y1: 0, x2: 1, y2: 6 }),
        ),
      ),
    );
    for (const zone of zones) {
      const top = y(zone.from);
      parts.push(
        svg('rect', {
          class: 'chart-danger',
          fill: `url(#${hatch})`,
          x: M.left,
          y: top,
          width: PLOT_W,
          height: y(zone.to) - top,
        }),
        svg('line', {
          class: 'chart-threshold',
          x1: M.left,
          x2: M.left + PLOT_W,
          y1: y(zone.at),
          y2: y(zone.at),
        }),
      );
    }
  }

  // Y axis: the ends of the scale, then the thresholds where they leave room for their labels.
  const ticks: number[] = [];
  for (const v of [opts.max, opts.min, high, low]) {
    if (v === undefined || v < opts.min || v > opts.max) continue;
    if (ticks.every((t) => Math.abs(y(t) - y(v)) >= FONT + 1)) ticks.push(v);
  }
  for (const v of ticks) {
    parts.push(
      svg(
        'text',
        { class: 'chart-axis', x: M.left - 4, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        formatNumber(v),
      ),
    );
  }
  parts.push(
    svg('line', { class: 'chart-axis-line', x1: M.left, x2: M.left, y1: M.top, y2: M.top + PLOT_H }),
  );
  parts.push(
    svg('line', {
      class: 'chart-axis-line',
      x1: M.left,
      x2: M.left + PLOT_W,
      y1: M.top + PLOT_H,
      y2: M.top + PLOT_H,
    }),
  );

  // X axis: first and last labels, and the middle one when it fits between them.
  const placed: { from: number; to: number }[] = [];
  const candidates = points === 1 ? [0] : [0, points - 1, Math.round((points - 1) / 2)];
  for (const i of new Set(candidates)) {
    const label = (opts.xAxisLabels ?? opts.xLabels)[i];
    if (!label) continue;
    const width = label.length * CHAR_W;
    const anchor = points === 1 ? 'middle' : i === 0 ? 'start' : i === points - 1 ? 'end' : 'middle';
    const from = anchor === 'start' ? x(i) : anchor === 'end' ? x(i) - width : x(i) - width / 2;
    const box = { from: from - 8, to: from + width + 8 };
    if (placed.some((p) => box.from < p.to && p.from < box.to)) continue;
    placed.push(box);
    parts.push(svg('text', { class: 'chart-axis', x: x(i), y: H - 6, 'text-anchor': anchor }, label));
  }

  // The lines, a dot on each point, and the final value at the end of a lone line.
  opts.series.forEach((s, index) => {
    const style = `stroke: ${s.color}`;
    const segments: string[][] = [[]];
    s.values.forEach((v, i) => {
      if (Number.isFinite(v)) segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
      else if (segments[segments.length - 1]!.length > 0) segments.push([]);
    });
    for (const segment of segments) {
      if (segment.length === 0) continue;
      const dash = DASHES[index % DASHES.length]!;
      parts.push(
        // A dark casing under the line keeps it readable over the hatched danger zones.
        svg('polyline', { class: 'chart-line-casing', points: segment.join(' ') }),
        svg('polyline', {
          class: 'chart-line',
          points: segment.join(' '),
          style,
          ...(dash ? { 'stroke-dasharray': dash } : {}),
        }),
      );
    }
    if (points <= 30 || points === 1) {
      s.values.forEach((v, i) => {
        if (Number.isFinite(v))
          parts.push(
            svg('circle', { class: 'chart-dot', cx: x(i), cy: y(v), r: 2.6, style: `fill: ${s.color}` }),
          );
      });
    }
    const lastIndex = s.values.findLastIndex(Number.isFinite);
    if (opts.series.length === 1 && lastIndex >= 0) {
      const v = s.values[lastIndex]!;
      parts.push(
        svg(
          'text',
          { class: 'chart-value', x: x(lastIndex) + 5, y: y(v), 'dominant-baseline': 'middle' },
          formatNumber(v),
        ),
      );
    }
  });

  const chart = svg(
    'svg',
    {
      class: 'chart-svg',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': `${opts.title}. ${summary}`,
      focusable: 'false',
    },
    ...parts,
  );

  const legend =
    opts.series.length > 1
      ? h(
          'ul',
          { class: 'chart-legend', 'aria-hidden': 'true' },
          opts.series.map((s) =>
            h('li', {}, h('span', { class: 'chart-swatch', style: `background: ${s.color}` }), s.label),
          ),
        )
      : null;

  // the wrapper, not the table, is hidden: a <table> will not shrink below its content
  const table = h(
    'table',
    {},
    h('caption', {}, opts.title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Month'),
        opts.series.map((s) => h('th', { scope: 'col' }, s.label)),
      ),
    ),
    h(
      'tbody',
      {},
      Array.from({ length: points }, (_, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, opts.xLabels[i] ?? String(i + 1)),
          opts.series.map((s) => h('td', {}, formatNumber(s.values[i] ?? Number.NaN))),
        ),
      ),
    ),
  );

  return h(
    'figure',
    { class: 'meter-chart' },
    h('figcaption', { class: 'meter-chart-title' }, opts.title),
    chart,
    legend,
    h('div', { class: 'visually-hidden' }, table),
  );
}
