// Where a meter stands against its danger zones (pure: the meters panel, the map's warning rings,
// the leaders' faces and the sounds all read it here).
import type { MeterDef } from '../scenario/schema.ts';

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
