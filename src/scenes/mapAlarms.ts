// A ring that pulses on the map over a state with a meter in its danger zone. It is HTML laid over
// the canvas at the state's label (the meters panel says the same in words, so the ring is hidden
// from assistive technology); with reduced motion it stays still.
import { mapHost } from './MapScene.ts';

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
