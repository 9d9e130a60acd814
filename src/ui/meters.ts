// Meter rows: a bar with both danger zones shaded, the value, and the same as an ARIA meter.
import type { Rules } from '../engine/index.ts';
import type { MeterDef } from '../scenario/schema.ts';
import { h } from './dom.ts';
import { changeTone, shortLabel } from './changes.ts';
import { SEE_ALL, type Visible } from './privacy.ts';
import { inDanger } from './danger.ts';

function pct(def: MeterDef, v: number): number {
  return ((v - def.min) / (def.max - def.min)) * 100;
}

export function meterRow(rules: Rules, id: string, value: number, previous?: number): HTMLElement {
  const def = rules.meters.get(id)!;
  const danger = inDanger(def, value);
  const bar = h('div', { class: 'meter-bar', 'aria-hidden': 'true' });
  if (def.danger?.low !== undefined) {
    bar.append(h('span', { class: 'zone low', style: `width:${pct(def, def.danger.low)}%` }));
  }
  if (def.danger?.high !== undefined) {
    bar.append(h('span', { class: 'zone high', style: `width:${100 - pct(def, def.danger.high)}%` }));
  }
  const delta = previous === undefined ? 0 : Math.round(value - previous);
  // a bar that moved starts where it was; animateMeters (motion on) slides it to its new value
  bar.append(
    h('span', {
      class: 'fill',
      style: `width:${pct(def, value)}%`,
      'data-from': delta !== 0 ? pct(def, previous!) : null,
    }),
  );
  const dangerText = danger === 'low' ? ', dangerously low' : danger === 'high' ? ', dangerously high' : '';
  return h(
    'div',
    {
      class: `meter${danger ? ' danger' : ''}${delta !== 0 ? ` moved ${changeTone(rules, id, delta)}` : ''}`,
      role: 'meter',
      'aria-valuemin': def.min,
      'aria-valuemax': def.max,
      'aria-valuenow': Math.round(value),
      'aria-valuetext': `${Math.round(value)} of ${def.max}${dangerText}`,
      'aria-label': def.label,
      title: def.description,
      'data-meter': id,
    },
    h(
      'div',
      { class: 'meter-head' },
      h('span', { class: 'meter-label' }, def.owner === 'shared' ? def.label : shortLabel(def.label)),
      h(
        'span',
        { class: 'meter-value' },
        delta !== 0
          ? h(
              'span',
              { class: `delta ${changeTone(rules, id, delta)}` },
              `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`,
            )
          : null,
        String(Math.round(value)),
      ),
    ),
    bar,
  );
}

/** A meter the viewer may not see: its name only, no value anywhere in the page. */
function hiddenRow(rules: Rules, id: string): HTMLElement {
  const def = rules.meters.get(id)!;
  return h(
    'div',
    { class: 'meter hidden-meter', 'data-meter': id },
    h(
      'div',
      { class: 'meter-head' },
      h('span', { class: 'meter-label' }, shortLabel(def.label)),
      h('span', { class: 'meter-value muted' }, 'secret'),
    ),
    h('div', { class: 'meter-bar', 'aria-hidden': 'true' }),
  );
}

export function meterPanel(
  rules: Rules,
  owner: 'dprk' | 'russia' | 'shared',
  title: string,
  meters: Record<string, number>,
  previous: Record<string, number> | undefined,
  className: string,
  visible: Visible = SEE_ALL,
  /** A face beside the heading (the leader's portrait). */
  face?: Element,
): HTMLElement {
  const ids = rules.meterIds.filter((id) => rules.meters.get(id)!.owner === owner);
  const headingId = `meters-${owner}`;
  return h(
    'section',
    // tabindex: a panel that scrolls (large text, small screens) must be scrollable by keyboard too
    {
      class: `meter-panel ${className}`,
      'aria-labelledby': headingId,
      tabindex: owner === 'shared' ? null : 0,
    },
    face
      ? h('div', { class: 'panel-head' }, face, h('h2', { id: headingId }, title))
      : h('h2', { id: headingId }, title),
    ...ids.map((id) =>
      visible(id) ? meterRow(rules, id, meters[id]!, previous?.[id]) : hiddenRow(rules, id),
    ),
  );
}

/**
 * Slides each moved bar from its old value to its new one (a CSS transition). With reduced motion
 * the bars are simply drawn at their new values.
 */
export function animateMeters(root: HTMLElement, motion: boolean): void {
  if (!motion) return;
  const fills = [...root.querySelectorAll<HTMLElement>('.meter-bar .fill[data-from]')];
  const targets = fills.map((fill) => fill.style.width);
  fills.forEach((fill) => (fill.style.width = `${fill.dataset['from']}%`));
  void root.offsetWidth; // the old widths are laid out before the new ones are set
  fills.forEach((fill, i) => (fill.style.width = targets[i]!));
}
