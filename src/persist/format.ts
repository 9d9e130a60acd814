// The replay file format, version 1: the types and limits (docs/replay-format.md describes it).
// A replay is the scenario (by id and content hash), the seed and the action log; folding the log
// over the first state gives every state of the game. Setup and savedAt only describe the game.
import type { Level } from '../ai/settings.ts';
import type { ChooseAction, GameState, Role } from '../engine/index.ts';

export const REPLAY_FORMAT = 'shells-for-oil-replay';
export const REPLAY_VERSION = 1;
/** The versions this code reads. */
export const SUPPORTED_VERSIONS: readonly number[] = [REPLAY_VERSION];

/** The largest replay text accepted, in UTF-8 bytes (a 12-month game is about 6 kB). */
export const MAX_REPLAY_BYTES = 512 * 1024;
/** The most moves a log may hold (a 60-month game, the longest a scenario may be, has about 200). */
export const MAX_MOVES = 5000;
/** The longest free-text field (setup.mode, setup.computer.ROLE.personality), in characters. */
export const MAX_TEXT_LENGTH = 64;
/** The longest card, option or ending id a log or outcome may name. */
export const MAX_ID_LENGTH = 80;

/** How the computer played one role. */
export interface ReplayOpponent {
  level: Level;
  /** The computer's personality id for that role; free text, shown as text only. */
  personality?: string;
}

/** Who held a role (the same words as the bridge's Seat, but the format's own, so it stays fixed). */
export type ReplaySeat = 'human' | 'computer';

/** Who sat where. Descriptive only: it does not change how the log replays. */
export interface ReplaySetup {
  seats: Record<Role, ReplaySeat>;
  /**
   * How the computer played each role it held (both in "watch" mode); a role listed here must
   * have the seat "computer".
   */
  computer?: Partial<Record<Role, ReplayOpponent>>;
  /** The title screen's mode ("vs-computer", "hotseat", "watch"); free text, shown as text only. */
  mode?: string;
}

/** Where the game stood when the file was written; checked against a replay of the log. */
export interface ReplayOutcome {
  turn: number;
  phase: GameState['phase'];
  /** The ending's id, or null while the game is still going. */
  ending: string | null;
  /** stableHash of the last state (which includes the log itself). */
  stateHash: string;
}

export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  version: typeof REPLAY_VERSION;
  scenario: { id: string; hash: string };
  seed: number;
  setup: ReplaySetup;
  log: ChooseAction[];
  outcome: ReplayOutcome;
  /** When the caller saved it, as an ISO 8601 date and time (e.g. "2026-11-27T21:10:00.000Z"). */
  savedAt?: string;
}

/** A 16-hex-digit content hash (what stableHash gives). */
export const HASH = /^[0-9a-f]{16}$/;
/** An ISO 8601 date and time with its time zone. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}
