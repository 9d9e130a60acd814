// What the player at the screen may see. In a two-player game on one device each side's private
// meters (the scenario marks them) are hidden from the other: not drawn, not in the HTML, not read
// out. Against the computer, or watching, everything is shown.
import { ROLE_STATE, type Role, type Rules } from '../engine/index.ts';

export type Visible = (meterId: string) => boolean;

export const SEE_ALL: Visible = () => true;

/** Meters `viewer` may see; null means nobody's secrets are kept. */
export function visibleTo(rules: Rules, viewer: Role | null): Visible {
  if (viewer === null) return SEE_ALL;
  return (id) => {
    const def = rules.meters.get(id);
    return !def?.private || def.owner === ROLE_STATE[viewer];
  };
}
