// Sound for a game in progress: the cues each applied move calls for, and the side's quiet bed.
import type { Session, SessionEvents } from '../bridge/session.ts';
import type { Role } from '../engine/index.ts';
import type { Visible } from '../ui/privacy.ts';
import { cuesFor, type Cue } from './cues.ts';
import { installSound, play, setBed } from './synth.ts';

export { installSound, play, setBed } from './synth.ts';
export type { Cue } from './cues.ts';

/** Cues that belong to the screen after the outcome: the news of the new month, the ending. */
const HELD: ReadonlySet<Cue> = new Set(['month', 'news', 'ending-win', 'ending-draw', 'ending-loss']);

export interface GameSound {
  /** Plays what waits for the next screen (the month's bell and news, the ending's music). */
  next(): void;
  /** Stops listening and the bed; what was held for the ending still plays. */
  stop(): void;
}

/**
 * Plays what each of the session's moves calls for, as seen by the person at the screen, and
 * the bed of `side`. A move's own sounds play at once; the month's and the ending's wait for
 * `next` (the view says when its next screen shows, never which sound).
 */
export function soundForSession(session: Session, side: Role | 'neutral', visible: () => Visible): GameSound {
  installSound();
  setBed(side);
  let held: Cue[] = [];
  const onChanged = ({ state, previous }: SessionEvents['changed']) => {
    const cues = cuesFor({
      rules: session.rules,
      previous,
      state,
      humanRoles: session.humanRoles,
      visible: visible(),
    });
    play(cues.filter((c) => !HELD.has(c)));
    held = cues.filter((c) => HELD.has(c));
  };
  session.events.on('changed', onChanged);
  const next = () => {
    play(held);
    held = [];
  };
  return {
    next,
    stop: () => {
      session.events.off('changed', onChanged);
      setBed(null);
      next();
    },
  };
}
