// Meter rows: a bar with both danger zones shaded, the value, and the same as an ARIA meter.
import type { Rules } from '../engine/index.ts';
import type { MeterDef } from '../scenario/schema.ts';
import { h } from './dom.ts';
import { changeTone, shortLabel } from './changes.ts';
import { SEE_ALL, type Visible } from './privacy.ts';

function pct(def: MeterDef, v: number): number {
  return ((v - def.min) / (def.max - def.min)) * 100;
}

export function inDanger(def: MeterDef, v: number): 'low' | 'high' | null {
  if (def.danger?.low !== undefined && v <= def.danger.low) return 'low';
  if (def.danger?.high !== undefined && v >= def.danger.high) return 'high';
  return null;
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
  bar.append(h('span', { class: 'fill', style: `width:${pct(def, value)}%` }));
  const delta = previous === undefined ? 0 : Math.round(value - previous);
  const dangerText = danger === 'low' ? ', dangerously low' : danger === 'high' ? ', dangerously high' : '';
  return h(
    'div',
    {
      class: `meter${danger ? ' danger' : ''}`,
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
    h('h2', { id: headingId }, title),
    ...ids.map((id) =>
      visible(id) ? meterRow(rules, id, meters[id]!, previous?.[id]) : hiddenRow(rules, id),
    ),
  );
}
