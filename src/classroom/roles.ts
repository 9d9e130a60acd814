// Who plays what in a class session: the side each student takes, the seats of their game, and
// the side a finished game was played from (its human seats).
import { ROLES, type Role } from '../engine/index.ts';
import type { ReplaySetup } from '../persist/index.ts';
import { hash32 } from './fnv.ts';
import type { ClassSession, RolePlan } from './session.ts';
import { freeText, labelKey, MAX_LABEL_LENGTH } from './text.ts';

/** What a student plays: one role against the computer, or both on one device (pairs). */
export type Side = Role | 'both';

export const SIDE_ROLES: Readonly<Record<Side, readonly Role[]>> = {
  kim: ['kim'],
  putin: ['putin'],
  both: ['kim', 'putin'],
};

/** The sides students play under each plan. */
export function sidesOf(plan: RolePlan): readonly Side[] {
  switch (plan) {
    case 'all-kim':
      return ['kim'];
    case 'all-putin':
      return ['putin'];
    case 'pairs':
      return ['both'];
    case 'half-and-half':
      return ['kim', 'putin'];
  }
}

/**
 * The side a student plays. Under "half-and-half", by the student's number on the class list (1,
 * 2, 3…): odd numbers play Kim, even numbers Putin, so any run of numbers splits evenly; or, by a
 * label (a name or team), by one bit of hash32 of the session's world number and the label (case,
 * spaces and Unicode form aside): about half each, fixed for a label within a session, and drawn
 * afresh for another world. Throws a RangeError for a number that is not a whole number from 1, or
 * a label that is not 1 to 40 characters on one line.
 */
export function roleFor(session: ClassSession, student: number | string): Side {
  if (typeof student === 'number') {
    if (!Number.isSafeInteger(student) || student < 1)
      throw new RangeError('a student number is a whole number from 1');
  } else if (freeText(student, MAX_LABEL_LENGTH) === null) {
    throw new RangeError(`a student label is 1 to ${MAX_LABEL_LENGTH} characters, on one line`);
  }
  if (session.roles !== 'half-and-half') return sidesOf(session.roles)[0]!;
  const bit =
    typeof student === 'number' ? (student + 1) % 2 : hash32(`${session.seed}:${labelKey(student)}`) & 1;
  return bit === 0 ? 'kim' : 'putin';
}

/** The seats of a student's game: the side's roles human, the others the computer at the session's level. */
export function classSetup(session: ClassSession, side: Side): ReplaySetup {
  const humans = SIDE_ROLES[side];
  const setup: ReplaySetup = {
    seats: {
      kim: humans.includes('kim') ? 'human' : 'computer',
      putin: humans.includes('putin') ? 'human' : 'computer',
    },
    mode: side === 'both' ? 'hotseat' : 'vs-computer',
  };
  const computer = ROLES.filter((r) => !humans.includes(r));
  if (computer.length > 0)
    setup.computer = Object.fromEntries(computer.map((r) => [r, { level: session.level }]));
  return setup;
}

/** The side a game was played from: the roles with a human seat (null if the computer held both). */
export function sideOfSeats(seats: ReplaySetup['seats']): Side | null {
  if (seats.kim === 'human') return seats.putin === 'human' ? 'both' : 'kim';
  return seats.putin === 'human' ? 'putin' : null;
}
