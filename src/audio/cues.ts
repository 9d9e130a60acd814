// Which sounds a move calls for, read from what the session says happened: the state before and
// after, never a rule of the view's own. Pure (no DOM, no audio), so it is unit-tested.
import { otherRole, type ChronicleEntry, type GameState, type Role, type Rules } from '../engine/index.ts';
import { changeTone } from '../ui/changes.ts';
import { inDanger } from '../ui/danger.ts';
import type { Visible } from '../ui/privacy.ts';

export type Cue =
  | 'choose'
  | 'good'
  | 'bad'
  | 'offer'
  | 'news'
  | 'danger'
  | 'month'
  | 'ending-win'
  | 'ending-draw'
  | 'ending-loss';

export interface CueContext {
  rules: Rules;
  previous: GameState;
  state: GameState;
  /** The roles people play here (none when watching the computer). */
  humanRoles: Role[];
  /** The meters the person at the screen may see (a rival's secrets make no sound). */
  visible: Visible;
}

/** Whether a move's visible changes did its mover more good than harm (ties and unknowns: neither). */
function verdict(rules: Rules, entry: ChronicleEntry, visible: Visible): 'good' | 'bad' | null {
  let score = 0;
  for (const [id, delta] of Object.entries(entry.changes)) {
    if (delta === 0 || !visible(id)) continue;
    const owner = rules.meters.get(id)?.owner;
    const mine = owner === (entry.role === 'kim' ? 'dprk' : 'russia') || owner === 'shared';
    if (!mine) continue;
    const tone = changeTone(rules, id, delta);
    if (tone === 'good') score += Math.abs(delta);
    if (tone === 'bad') score -= Math.abs(delta);
  }
  return score > 0 ? 'good' : score < 0 ? 'bad' : null;
}

/** The ending as the people at the screen take it: their own result (two humans: the better one). */
function endingCue(state: GameState, humanRoles: Role[]): Cue {
  const results = humanRoles.map((r) => state.ending!.result[r]);
  if (results.includes('win')) return 'ending-win';
  if (results.includes('loss') && !results.includes('draw')) return 'ending-loss';
  return 'ending-draw';
}

/** The sounds for one applied move, in the order they should play. */
export function cuesFor({ rules, previous, state, humanRoles, visible }: CueContext): Cue[] {
  const cues: Cue[] = [];
  const fresh = state.chronicle.slice(previous.chronicle.length);
  const move = fresh.find((e) => e.kind === 'choice' || e.kind === 'answer');
  if (move?.role && humanRoles.includes(move.role)) cues.push('choose');
  if (move?.role) {
    const v = verdict(rules, move, visible);
    // the computer's move is felt from the player's side: its gain is not the player's
    const forPlayer =
      humanRoles.length === 0 || humanRoles.includes(move.role) ? v : v === 'good' ? 'bad' : null;
    if (forPlayer) cues.push(forPlayer);
  }
  const entered = rules.meterIds.some((id) => {
    const def = rules.meters.get(id)!;
    return visible(id) && inDanger(def, state.meters[id]!) && !inDanger(def, previous.meters[id]!);
  });
  if (entered) cues.push('danger');
  if (state.phase === 'over' && state.ending) {
    cues.push(endingCue(state, humanRoles));
    return cues;
  }
  const newOffer =
    state.offers.length > previous.offers.length || state.offers[0]?.card !== previous.offers[0]?.card;
  if (
    newOffer &&
    state.offers[0] &&
    (humanRoles.length === 0 || humanRoles.includes(otherRole(state.offers[0].from)))
  )
    cues.push('offer');
  if (state.turn > previous.turn) cues.push('month');
  if (fresh.some((e) => e.kind === 'event' || e.kind === 'reaction' || e.kind === 'delayed'))
    cues.push('news');
  return cues;
}
