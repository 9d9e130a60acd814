// The opponent as a Policy, the interface the simulation and the page already use.
import type { Policy } from '../engine/index.ts';
import { decide, checkSettings } from './decide.ts';
import { type OpponentSettings } from './settings.ts';

/** A name for reports: "hard", or "hard (cautious-guardian)" with a personality. */
export function opponentName(settings: OpponentSettings): string {
  return settings.personality === undefined ? settings.level : `${settings.level} (${settings.personality})`;
}

/**
 * An opponent that plays by its objectives. Its moves depend only on the state and the settings.
 * Bad settings (an unknown personality, say) throw on the first move, as a programming error.
 */
export function createOpponent(settings: OpponentSettings): Policy & { readonly settings: OpponentSettings } {
  const fixed: OpponentSettings = { ...settings };
  return {
    name: opponentName(fixed),
    settings: fixed,
    choose(rules, state) {
      const problem = checkSettings(rules, fixed);
      if (problem !== null) throw new RangeError(`opponent: ${problem}`);
      const decision = decide(rules, state, fixed);
      return decision.ok ? decision.action : null;
    },
  };
}
