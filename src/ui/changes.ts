// Meter changes as short chips: "+20 Hard currency", "−30 Munitions".
import type { Rules } from '../engine/index.ts';
import { h } from './dom.ts';
import { SEE_ALL, type Visible } from './privacy.ts';

export function meterLabel(rules: Rules, id: string): string {
  return rules.meters.get(id)?.label ?? id;
}

/**
 * Whether a change is welcome: up is good for a meter that is only dangerous when low, bad for
 * one only dangerous when high; for a meter dangerous at both ends the player has to judge.
 */
export function changeTone(rules: Rules, id: string, delta: number): 'good' | 'bad' | 'mixed' {
  const danger = rules.meters.get(id)?.danger;
  const low = danger?.low !== undefined;
  const high = danger?.high !== undefined;
  if (low === high) return 'mixed';
  return delta > 0 === low ? 'good' : 'bad';
}

/** A meter's label without its owner's name when the context already gives it. */
export function shortLabel(label: string): string {
  return label.replace(/^(North Korea|Russia)(['’]s)?:\s*/i, '').replace(/^./, (c) => c.toUpperCase());
}

export function changeChips(
  rules: Rules,
  changes: Record<string, number>,
  visible: Visible = SEE_ALL,
): HTMLElement | null {
  const moved = Object.entries(changes).filter(([, d]) => d !== 0);
  const entries = moved.filter(([id]) => visible(id));
  const secret = moved.length - entries.length;
  if (moved.length === 0) return null;
  return h(
    'ul',
    { class: 'chips', 'aria-label': 'Meter changes' },
    ...entries.map(([id, delta]) => {
      const rounded = Math.round(delta);
      const sign = rounded > 0 ? '+' : '−';
      return h(
        'li',
        { class: `chip ${changeTone(rules, id, delta)}` },
        `${sign}${Math.abs(rounded)} ${meterLabel(rules, id)}`,
      );
    }),
    secret > 0
      ? h('li', { class: 'chip mixed' }, `${secret} change${secret > 1 ? 's' : ''} kept secret`)
      : null,
  );
}
