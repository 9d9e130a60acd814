// Where a meter stands against its danger zones (pure: the meters panel, the map's warning rings,
// the leaders' faces and the sounds all read it here).
import type { GameState, Rules } from '../engine/index.ts';
import type { MeterDef } from '../scenario/schema.ts';
import type { Visible } from './privacy.ts';

export function inDanger(def: MeterDef, v: number): 'low' | 'high' | null {
  if (def.danger?.low !== undefined && v <= def.danger.low) return 'low';
  if (def.danger?.high !== undefined && v >= def.danger.high) return 'high';
  return null;
}

/** True when the meter is outside its danger zones but within `share` of the range from one. */
export function nearDanger(def: MeterDef, v: number, share = 0.08): boolean {
  if (inDanger(def, v)) return false;
  const margin = (def.max - def.min) * share;
  if (def.danger?.low !== undefined && v <= def.danger.low + margin) return true;
  if (def.danger?.high !== undefined && v >= def.danger.high - margin) return true;
  return false;
}

/** The playable states with a meter of their own, visible to the viewer, in a danger zone. */
export function statesInDanger(rules: Rules, meters: GameState['meters'], visible: Visible): string[] {
  return (['dprk', 'russia'] as const).filter((owner) =>
    rules.meterIds.some((id) => {
      const def = rules.meters.get(id)!;
      return def.owner === owner && visible(id) && inDanger(def, meters[id]!) !== null;
    }),
  );
}
