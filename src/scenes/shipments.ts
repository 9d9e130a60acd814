// Which shipments to draw for a move: a view-side reading of meter changes (shells going one way,
// oil and food the other). It changes nothing in the game.
import type { ChronicleEntry, GameState } from '../engine/index.ts';

export interface Shipment {
  route: string;
  label: string;
  reverse: boolean;
}

export const ROUTES = {
  railToRussia: 'rail-pyongyang-vladivostok',
  sea: 'sea-rajin-vladivostok',
  railWest: 'rail-vladivostok-west',
  train: 'rail-armoured-train',
} as const;

export function shipmentsFor(entries: ChronicleEntry[], previous: GameState, state: GameState): Shipment[] {
  const out: Shipment[] = [];
  const total = (id: string) => entries.reduce((sum, e) => sum + (e.changes[id] ?? 0), 0);
  if (total('russia.shells') > 0 && total('dprk.munitions') < 0) {
    out.push({ route: ROUTES.railToRussia, label: 'Shells', reverse: false });
    out.push({ route: ROUTES.railWest, label: 'Shells to the front', reverse: false });
  }
  // only goods that leave one of the two and reach the other travel between them
  if (total('dprk.oil') > 0 && total('russia.oil') < 0)
    out.push({ route: ROUTES.sea, label: 'Oil', reverse: true });
  if (total('dprk.food') > 0 && total('russia.food') < 0) {
    out.push({ route: ROUTES.railToRussia, label: 'Food', reverse: true });
  }
  if (!previous.flags['summit-held'] && state.flags['summit-held']) {
    out.push({ route: ROUTES.train, label: 'Armored train', reverse: false });
  }
  return out;
}
