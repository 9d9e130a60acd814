// A ring that pulses on the map over a state with a meter in its danger zone. It is HTML laid over
// the canvas at the state's label (the meters panel says the same in words, so the ring is hidden
// from assistive technology); with reduced motion it stays still.
import type { GameState, Rules } from '../engine/index.ts';
import { inDanger } from '../ui/danger.ts';
import type { Visible } from '../ui/privacy.ts';
import { mapHost } from './MapScene.ts';

const PLAYABLE = ['dprk', 'russia'] as const;

/** The playable states with a visible meter of their own in a danger zone. */
export function statesInDanger(rules: Rules, meters: GameState['meters'], visible: Visible): string[] {
  return PLAYABLE.filter((owner) =>
    rules.meterIds.some((id) => {
      const def = rules.meters.get(id)!;
      return def.owner === owner && visible(id) && inDanger(def, meters[id]!) !== null;
    }),
  );
}

/** Puts a ring in `slot` (the map's cell) over each state in danger; removes the others. */
export function placeMapAlarms(slot: Element | null, states: string[]): void {
  if (!slot) return;
  for (const old of slot.querySelectorAll('.map-alarm')) old.remove();
  const view = mapHost.scene?.view;
  if (!view) return;
  const box = slot.getBoundingClientRect();
  for (const id of states) {
    const at = view.statePosition(id);
    const x = at.x - box.left;
    const y = at.y - box.top;
    if (x < 0 || y < 0 || x > box.width || y > box.height) continue;
    const ring = document.createElement('span');
    ring.className = `map-alarm map-alarm-${id}`;
    ring.setAttribute('aria-hidden', 'true');
    ring.style.left = `${x}px`;
    ring.style.top = `${y}px`;
    slot.append(ring);
  }
}
