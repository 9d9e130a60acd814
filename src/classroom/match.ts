// Whether a game belongs to a class session: the same scenario (id and content hash), the same
// world (seed), and played from a side the session gives its students.
import type { ReplayFile } from '../persist/index.ts';
import { sideOfSeats, sidesOf } from './roles.ts';
import type { ClassSession } from './session.ts';

const PLAN_WORDS: Readonly<Record<ClassSession['roles'], string>> = {
  'all-kim': 'every student plays Kim',
  'all-putin': 'every student plays Putin',
  pairs: 'students play both roles in pairs',
  'half-and-half': 'each student plays Kim or Putin against the computer',
};

/** Why `replay` is not a game of `session`, as the end of a sentence; null when it is one. */
export function sessionMismatch(session: ClassSession, replay: ReplayFile): string | null {
  if (replay.scenario.id !== session.scenarioId || replay.scenario.hash !== session.scenarioHash)
    return 'its game is of another scenario, or another version of it, than its class session';
  if (replay.seed !== session.seed)
    return `its game was played in world ${replay.seed}, and its class session's world is ${session.seed}`;
  const side = sideOfSeats(replay.setup.seats);
  if (side === null) return 'its game was played by the computer on both sides, not by a student';
  if (!sidesOf(session.roles).includes(side)) {
    const played = side === 'both' ? 'both roles' : side === 'kim' ? 'Kim' : 'Putin';
    return `its game was played as ${played}, and in its class session ${PLAN_WORDS[session.roles]}`;
  }
  return null;
}
