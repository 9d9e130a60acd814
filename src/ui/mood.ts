// How a leader's situation stands, for the face drawn beside their meters: confident, strained or
// in danger. Pure: read from the state's meters and their danger zones, and only from the meters
// the person at the screen may see (a face must not give away a rival's secret meters).
import { ROLE_STATE, type EndResult, type GameState, type Role, type Rules } from '../engine/index.ts';
import { inDanger, nearDanger } from './danger.ts';
import { SEE_ALL, type Visible } from './privacy.ts';

export type Mood = 'confident' | 'strained' | 'danger';

export const MOOD_WORDS: Record<Mood, string> = {
  confident: 'confident',
  strained: 'under strain',
  danger: 'in danger',
};

/**
 * In danger when one of the leader's own meters is in a danger zone; strained when one is close
 * to a zone, or when shared meters (exposure, the sanctions regime) are in one; else confident.
 */
export function leaderMood(
  rules: Rules,
  meters: GameState['meters'],
  role: Role,
  visible: Visible = SEE_ALL,
): Mood {
  const own = ROLE_STATE[role];
  let strained = false;
  for (const id of rules.meterIds) {
    const def = rules.meters.get(id)!;
    if (!visible(id) || (def.owner !== own && def.owner !== 'shared')) continue;
    const value = meters[id];
    if (value === undefined) continue;
    if (inDanger(def, value)) {
      if (def.owner === own) return 'danger';
      strained = true;
    } else if (def.owner === own && nearDanger(def, value)) strained = true;
  }
  return strained ? 'strained' : 'confident';
}

/** The face a result at the end of the game calls for. */
export function endingMood(result: EndResult): Mood {
  return result === 'win' ? 'confident' : result === 'draw' ? 'strained' : 'danger';
}
