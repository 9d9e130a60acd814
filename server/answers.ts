// How a live class answers: the outbox it speaks to the devices through, and the plain refusals
// of a join or a command.
import type { ErrorCode, ServerMessages } from '../src/live/protocol.ts';

/** How the class answers the devices connected to it. */
export interface Outbox {
  toStudent<K extends keyof ServerMessages>(studentId: string, type: K, payload: ServerMessages[K]): void;
  toTeachers<K extends keyof ServerMessages>(type: K, payload: ServerMessages[K]): void;
  /** Closes every connection of this student. */
  dropStudent(studentId: string): void;
}

export type Refusal = { ok: false; code: ErrorCode; message: string };
export type Joined = { ok: true; studentId: string; token: string | null };

export function refuse(code: ErrorCode, message: string): Refusal {
  return { ok: false, code, message };
}
