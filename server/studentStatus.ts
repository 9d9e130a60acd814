// Where a student stands in a live class (waiting for the teacher or a partner, playing, paused,
// finished, removed), in the words the student's device shows, and who holds each side of the
// student's game. Pure, over the class's records.
import type { Role } from '../src/engine/index.ts';
import type { StudentStatus } from '../src/live/protocol.ts';
import type { LiveGame } from './liveGame.ts';
import type { StoredSession, StoredStudent } from './store/types.ts';

export const STATUS_TEXT: Record<StudentStatus, string> = {
  'waiting-start': 'Waiting for your teacher to start the class.',
  'waiting-partner': 'Waiting for a partner to play the other side.',
  playing: 'The class is playing.',
  paused: 'Your teacher has paused the class.',
  finished: 'Your game is over.',
  ended: 'Your teacher has ended this live class.',
  removed: 'Your teacher removed you from this class.',
};

export function statusOf(
  session: StoredSession,
  student: StoredStudent,
  game: LiveGame | undefined,
): StudentStatus {
  if (student.removed) return 'removed';
  if (game?.state.phase === 'over') return 'finished';
  if (!session.started) return 'waiting-start';
  if (!game) return 'waiting-partner';
  if (session.paused) return 'paused';
  return 'playing';
}

/** Who holds each role of the student's game (a pair still waiting: both students). */
export function seatsOf(
  session: StoredSession,
  student: StoredStudent,
  game: LiveGame | undefined,
): Record<Role, 'human' | 'computer'> {
  if (!game) {
    const pairs = session.setup.roles === 'pairs';
    return {
      kim: pairs || student.role === 'kim' ? 'human' : 'computer',
      putin: pairs || student.role === 'putin' ? 'human' : 'computer',
    };
  }
  const seat = (r: Role) => (game.stored.players[r] === undefined ? 'computer' : 'human');
  return { kim: seat('kim'), putin: seat('putin') };
}
