// Sound for a game in progress: the cues each applied move calls for, and the side's quiet bed.
import type { Session, SessionEvents } from '../bridge/session.ts';
import type { Role } from '../engine/index.ts';
import type { Visible } from '../ui/privacy.ts';
import { cuesFor } from './cues.ts';
import { installSound, play, setBed } from './synth.ts';

export { installSound, play, setBed } from './synth.ts';
export type { Cue } from './cues.ts';

/**
 * Plays what each of the session's moves calls for, as seen by the person at the screen; starts
 * the bed of `side`. Returns the way to stop both.
 */
export function soundForSession(
  session: Session,
  side: Role | 'neutral',
  visible: () => Visible,
): () => void {
  installSound();
  setBed(side);
  const onChanged = ({ state, previous }: SessionEvents['changed']) =>
    play(
      cuesFor({ rules: session.rules, previous, state, humanRoles: session.humanRoles, visible: visible() }),
    );
  session.events.on('changed', onChanged);
  return () => {
    session.events.off('changed', onChanged);
    setBed(null);
  };
}
