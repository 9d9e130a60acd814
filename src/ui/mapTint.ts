// What the map shows: which states can be inspected, and the meter the player tints them by.
import type { GameState, Rules } from '../engine/index.ts';
import { ACTOR_NAMES } from '../engine/index.ts';
import { shortLabel } from './changes.ts';
import { SEE_ALL, type Visible } from './privacy.ts';

export const MAP_STATES = [
  { id: 'dprk', name: 'North Korea' },
  { id: 'russia', name: 'Russia' },
  { id: 'china', name: 'China' },
  { id: 'rok', name: 'South Korea' },
  { id: 'japan', name: 'Japan' },
] as const;

/** Tint choices: each kind of meter both states may have ("munitions", "oil"...), or none. */
export function tintChoices(rules: Rules): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const id of rules.meterIds) {
    const def = rules.meters.get(id)!;
    if (def.owner === 'shared') continue;
    const kind = id.split('.')[1] ?? id;
    if (!seen.has(kind)) seen.set(kind, shortLabel(def.label).toLowerCase());
  }
  return [{ id: 'none', label: 'No colour' }, ...[...seen].map(([id, label]) => ({ id, label }))];
}

/** The chosen meter of each playable state, from 0 (its minimum) to 1 (its maximum). */
export function tintValues(
  rules: Rules,
  state: GameState,
  kind: string,
  visible: Visible = SEE_ALL,
): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const owner of ['dprk', 'russia'] as const) {
    const id = `${owner}.${kind}`;
    const def = rules.meters.get(id);
    values[owner] = def && visible(id) ? (state.meters[id]! - def.min) / (def.max - def.min) : null;
  }
  return values;
}

/** One line describing a state: its meters, or what it is for a non-player state. */
export function stateSummary(rules: Rules, state: GameState, id: string, visible: Visible = SEE_ALL): string {
  const name = MAP_STATES.find((s) => s.id === id)?.name ?? id;
  if (id === 'dprk' || id === 'russia') {
    const parts = rules.meterIds
      .filter((m) => rules.meters.get(m)!.owner === id)
      .map(
        (m) =>
          `${shortLabel(rules.meters.get(m)!.label)} ${visible(m) ? Math.round(state.meters[m]!) : 'secret'}`,
      );
    return `${name}: ${parts.join(', ')}.`;
  }
  const actor = id === 'rok' ? 'rok' : id === 'china' ? 'china' : 'japan';
  const reactions = rules.reactions.filter((r) => r.actor === actor);
  const fired = reactions.filter((r) => (state.fired[r.id] ?? 0) > 0).length;
  return `${ACTOR_NAMES[actor]}: not played by anyone; it reacts to what happens (${fired} of ${reactions.length} of its reactions so far).`;
}
