// Where live sessions are kept: one async interface, so the default SQLite store (sqlite.ts) and a
// shared one (Redis, issue 12) are interchangeable. A session is its set-up, its students and their
// games; a game is a seed, its seats and its action log (its state is rebuilt by the engine's
// replay). Nothing else is stored: no accounts, no addresses. Secrets and tokens are stored only as
// hashes (SHA-256, base64url).
import type { ClassSession } from '../../src/classroom/session.ts';
import type { ChooseAction, Role } from '../../src/engine/index.ts';
import type { Level } from '../../src/ai/settings.ts';

export interface StoredSession {
  /** 22 base64url characters (128 random bits); the Colyseus roomId. */
  id: string;
  /** The class session as checked by checkSession. */
  setup: ClassSession;
  /** 8 canonical Crockford base-32 symbols; unique among stored sessions. */
  joinCode: string;
  teacherSecretHash: string;
  /** Milliseconds since 1970 (the retention sweep deletes sessions older than the retention time). */
  createdAt: number;
  started: boolean;
  paused: boolean;
}

export interface StoredStudent {
  /** Unique within its session (short: "s1", "s2", … in join order). */
  id: string;
  sessionId: string;
  tokenHash: string;
  name: string;
  /** Half and half: the number on the class list the student gave, if any. */
  number: number | null;
  role: Role;
  /** The game the student plays in; null while a pair waits for a partner. */
  gameId: string | null;
  /** Join order within the session (0, 1, …). */
  order: number;
  removed: boolean;
}

export interface StoredGame {
  /** Unique within its session ("g1", "g2", …). */
  id: string;
  sessionId: string;
  seed: number;
  /** The student holding each human role; a role without one is the computer's. */
  players: Partial<Record<Role, string>>;
  /** How the computer plays the roles it holds (the session's level; the scenario's default personality). */
  computer: Partial<Record<Role, { level: Level }>>;
  /** Every move so far, in order (the replay's log). */
  log: ChooseAction[];
  createdAt: number;
}

export type StoreResult = { ok: true } | { ok: false; reason: 'conflict' | 'missing' };

export interface SessionStore {
  /** Adds a new session; 'conflict' if its id or join code is taken. */
  createSession(session: StoredSession): Promise<StoreResult>;
  getSession(id: string): Promise<StoredSession | null>;
  /** The session with this join code (canonical symbols), if any. */
  findByJoinCode(joinCode: string): Promise<StoredSession | null>;
  /** Every stored session (the server restores them at start). */
  listSessions(): Promise<StoredSession[]>;
  updateSession(id: string, patch: Partial<Pick<StoredSession, 'started' | 'paused'>>): Promise<StoreResult>;
  /** Deletes the session and all its students and games. */
  deleteSession(id: string): Promise<void>;
  /** Deletes every session created before `createdBefore` (ms); gives their ids. */
  deleteSessionsBefore(createdBefore: number): Promise<string[]>;

  /** Adds a student; 'conflict' if the id is taken in the session, 'missing' without the session. */
  addStudent(student: StoredStudent): Promise<StoreResult>;
  updateStudent(
    sessionId: string,
    id: string,
    patch: Partial<Pick<StoredStudent, 'gameId' | 'removed'>>,
  ): Promise<StoreResult>;
  listStudents(sessionId: string): Promise<StoredStudent[]>;

  /** Adds a game (empty log or not); 'conflict' if the id is taken, 'missing' without the session. */
  addGame(game: StoredGame): Promise<StoreResult>;
  /**
   * Appends one move, durably (on disk, or acknowledged by the shared store) before it resolves.
   * `index` is the log length the move extends: 'conflict' if the stored log is not that long
   * (another process or a doubled request got there first), 'missing' if the game is gone.
   */
  appendMove(sessionId: string, gameId: string, index: number, action: ChooseAction): Promise<StoreResult>;
  listGames(sessionId: string): Promise<StoredGame[]>;

  close(): Promise<void>;
}
