// The default store: one SQLite file (better-sqlite3, WAL, synchronous=FULL), so a move is on disk
// before it is acknowledged and a `kill -9` loses nothing acknowledged. Moves are written by a
// worker thread (sqliteWriter.ts), so the event loop keeps answering while the disk syncs: the
// moves queued while one batch is being written go together in the next transaction (one fsync
// for all of them), and the promise of each resolves once its transaction has committed. The
// rest (sessions, students, games: rare) is written here, on the same file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ChooseAction } from '../../src/engine/index.ts';
import type { SessionStore, StoreResult, StoredGame, StoredSession, StoredStudent } from './types.ts';

/** What goes to the writer thread (sqliteWriter.mjs), and what comes back. */
interface MoveWrite {
  sessionId: string;
  gameId: string;
  index: number;
  role: string;
  card: string;
  option: string;
}
type MoveOutcome = 'ok' | 'conflict' | 'missing';
type WriterReply = { ok: true; outcomes: MoveOutcome[] } | { ok: false; message: string };

function outcome(o: MoveOutcome): StoreResult {
  return o === 'ok' ? OK : o === 'conflict' ? CONFLICT : MISSING;
}

const OK: StoreResult = { ok: true };
const CONFLICT: StoreResult = { ok: false, reason: 'conflict' };
const MISSING: StoreResult = { ok: false, reason: 'missing' };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  setup TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  started INTEGER NOT NULL,
  paused INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_created ON sessions (created_at);
CREATE TABLE IF NOT EXISTS students (
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  number INTEGER,
  role TEXT NOT NULL,
  game_id TEXT,
  ord INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS games (
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  seed INTEGER NOT NULL,
  players TEXT NOT NULL,
  computer TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS moves (
  session_id TEXT NOT NULL,
  game_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  role TEXT NOT NULL,
  card TEXT NOT NULL,
  option TEXT NOT NULL,
  PRIMARY KEY (session_id, game_id, idx),
  FOREIGN KEY (session_id, game_id) REFERENCES games (session_id, id) ON DELETE CASCADE
);
`;

interface SessionRow {
  id: string;
  setup: string;
  join_code: string;
  secret_hash: string;
  created_at: number;
  started: number;
  paused: number;
}
interface StudentRow {
  session_id: string;
  id: string;
  token_hash: string;
  name: string;
  number: number | null;
  role: string;
  game_id: string | null;
  ord: number;
  removed: number;
}
interface GameRow {
  session_id: string;
  id: string;
  seed: number;
  players: string;
  computer: string;
  created_at: number;
}
interface MoveRow {
  game_id: string;
  idx: number;
  role: string;
  card: string;
  option: string;
}

function sessionOf(row: SessionRow): StoredSession {
  return {
    id: row.id,
    setup: JSON.parse(row.setup) as StoredSession['setup'],
    joinCode: row.join_code,
    teacherSecretHash: row.secret_hash,
    createdAt: row.created_at,
    started: row.started === 1,
    paused: row.paused === 1,
  };
}

function studentOf(row: StudentRow): StoredStudent {
  return {
    id: row.id,
    sessionId: row.session_id,
    tokenHash: row.token_hash,
    name: row.name,
    number: row.number,
    role: row.role as StoredStudent['role'],
    gameId: row.game_id,
    order: row.ord,
    removed: row.removed === 1,
  };
}

interface QueuedMove {
  sessionId: string;
  gameId: string;
  index: number;
  action: ChooseAction;
  resolve: (result: StoreResult) => void;
  reject: (error: unknown) => void;
}

export class SqliteStore implements SessionStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: QueuedMove[] = [];
  private flushing = false;
  /** The move writer's thread (a file database); null: moves are written on this thread. */
  private readonly writer: Worker | null = null;
  private inFlight: QueuedMove[] | null = null;
  private drained: (() => void) | null = null;

  /** Opens (creating if needed) the database file `path`; ':memory:' for a throwaway one. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // (every write transaction here and in the writer thread begins IMMEDIATE: a deferred one that
    // reads first and then writes fails at once with "database is locked" when the other
    // connection wrote in between, instead of waiting out this timeout)
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    if (path !== ':memory:') {
      this.writer = new Worker(new URL('./sqliteWriter.mjs', import.meta.url), { workerData: { path } });
      this.writer.on('message', (reply: WriterReply) => this.settle(reply));
      this.writer.on('error', (error) => this.settle({ ok: false, message: error.message }));
      this.writer.unref();
    }
  }

  /** A prepared statement, prepared once. */
  private q(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async createSession(s: StoredSession): Promise<StoreResult> {
    const taken = this.db
      .prepare('SELECT 1 FROM sessions WHERE id = ? OR join_code = ?')
      .get(s.id, s.joinCode);
    if (taken) return CONFLICT;
    this.db
      .prepare(
        'INSERT INTO sessions (id, setup, join_code, secret_hash, created_at, started, paused) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        s.id,
        JSON.stringify(s.setup),
        s.joinCode,
        s.teacherSecretHash,
        s.createdAt,
        s.started ? 1 : 0,
        s.paused ? 1 : 0,
      );
    return OK;
  }

  async getSession(id: string): Promise<StoredSession | null> {
    const row = this.q('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? sessionOf(row) : null;
  }

  async findByJoinCode(joinCode: string): Promise<StoredSession | null> {
    const row = this.q('SELECT * FROM sessions WHERE join_code = ?').get(joinCode) as SessionRow | undefined;
    return row ? sessionOf(row) : null;
  }

  async listSessions(): Promise<StoredSession[]> {
    return (this.q('SELECT * FROM sessions ORDER BY created_at').all() as SessionRow[]).map(sessionOf);
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<StoredSession, 'started' | 'paused'>>,
  ): Promise<StoreResult> {
    const row = this.q('SELECT started, paused FROM sessions WHERE id = ?').get(id) as
      Pick<SessionRow, 'started' | 'paused'> | undefined;
    if (!row) return MISSING;
    const started = patch.started ?? row.started === 1;
    const paused = patch.paused ?? row.paused === 1;
    this.q('UPDATE sessions SET started = ?, paused = ? WHERE id = ?').run(
      started ? 1 : 0,
      paused ? 1 : 0,
      id,
    );
    return OK;
  }

  async deleteSession(id: string): Promise<void> {
    this.db
      .transaction(() => {
        this.q('DELETE FROM moves WHERE session_id = ?').run(id);
        this.q('DELETE FROM games WHERE session_id = ?').run(id);
        this.q('DELETE FROM students WHERE session_id = ?').run(id);
        this.q('DELETE FROM sessions WHERE id = ?').run(id);
      })
      .immediate();
  }

  async deleteSessionsBefore(createdBefore: number): Promise<string[]> {
    const ids = this.db
      .prepare('SELECT id FROM sessions WHERE created_at < ?')
      .pluck()
      .all(createdBefore) as string[];
    for (const id of ids) await this.deleteSession(id);
    return ids;
  }

  async addStudent(st: StoredStudent): Promise<StoreResult> {
    if (!this.q('SELECT 1 FROM sessions WHERE id = ?').get(st.sessionId)) return MISSING;
    if (this.q('SELECT 1 FROM students WHERE session_id = ? AND id = ?').get(st.sessionId, st.id))
      return CONFLICT;
    this.db
      .prepare(
        'INSERT INTO students (session_id, id, token_hash, name, number, role, game_id, ord, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        st.sessionId,
        st.id,
        st.tokenHash,
        st.name,
        st.number,
        st.role,
        st.gameId,
        st.order,
        st.removed ? 1 : 0,
      );
    return OK;
  }

  async updateStudent(
    sessionId: string,
    id: string,
    patch: Partial<Pick<StoredStudent, 'gameId' | 'removed'>>,
  ): Promise<StoreResult> {
    const row = this.db
      .prepare('SELECT game_id, removed FROM students WHERE session_id = ? AND id = ?')
      .get(sessionId, id) as Pick<StudentRow, 'game_id' | 'removed'> | undefined;
    if (!row) return MISSING;
    const gameId = patch.gameId === undefined ? row.game_id : patch.gameId;
    const removed = patch.removed ?? row.removed === 1;
    this.db
      .prepare('UPDATE students SET game_id = ?, removed = ? WHERE session_id = ? AND id = ?')
      .run(gameId, removed ? 1 : 0, sessionId, id);
    return OK;
  }

  async listStudents(sessionId: string): Promise<StoredStudent[]> {
    const rows = this.db
      .prepare('SELECT * FROM students WHERE session_id = ? ORDER BY ord')
      .all(sessionId) as StudentRow[];
    return rows.map(studentOf);
  }

  async addGame(g: StoredGame): Promise<StoreResult> {
    if (!this.q('SELECT 1 FROM sessions WHERE id = ?').get(g.sessionId)) return MISSING;
    if (this.q('SELECT 1 FROM games WHERE session_id = ? AND id = ?').get(g.sessionId, g.id)) return CONFLICT;
    this.db
      .transaction(() => {
        this.db
          .prepare(
            'INSERT INTO games (session_id, id, seed, players, computer, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(g.sessionId, g.id, g.seed, JSON.stringify(g.players), JSON.stringify(g.computer), g.createdAt);
        g.log.forEach((a, i) => this.insertMove(g.sessionId, g.id, i, a));
      })
      .immediate();
    return OK;
  }

  appendMove(sessionId: string, gameId: string, index: number, action: ChooseAction): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sessionId, gameId, index, action, resolve, reject });
      if (!this.flushing && this.inFlight === null) {
        this.flushing = true;
        setImmediate(() => (this.writer ? this.sendBatch() : this.flush()));
      }
    });
  }

  /** Hands every queued move to the writer thread (one batch at a time). */
  private sendBatch(): void {
    this.flushing = false;
    if (this.inFlight !== null || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.inFlight = batch;
    this.writer!.ref(); // a batch in flight keeps the process alive until it is on disk
    const moves: MoveWrite[] = batch.map(({ sessionId, gameId, index, action }) => ({
      sessionId,
      gameId,
      index,
      role: action.role,
      card: action.card,
      option: action.option,
    }));
    // a worker's postMessage has no target origin
    // eslint-disable-next-line unicorn/require-post-message-target-origin
    this.writer!.postMessage(moves);
  }

  /** The writer's answer for the batch in flight; the next batch goes. */
  private settle(reply: WriterReply): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    this.writer?.unref();
    if (reply.ok) batch.forEach((m, i) => m.resolve(outcome(reply.outcomes[i] ?? 'missing')));
    else for (const m of batch) m.reject(new Error(`the move could not be stored: ${reply.message}`));
    if (this.queue.length > 0) this.sendBatch();
    else this.drained?.();
  }

  /** Writes every queued move in one transaction, then settles each one's promise. */
  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.flushing = false;
    const results: StoreResult[] = [];
    try {
      this.db
        .transaction(() => {
          for (const m of batch) results.push(this.appendNow(m));
        })
        .immediate();
    } catch (error) {
      for (const m of batch) m.reject(error);
      return;
    }
    batch.forEach((m, i) => m.resolve(results[i]!));
  }

  private appendNow({ sessionId, gameId, index, action }: QueuedMove): StoreResult {
    if (!this.q('SELECT 1 FROM games WHERE session_id = ? AND id = ?').get(sessionId, gameId)) return MISSING;
    const length = this.db
      .prepare('SELECT COUNT(*) FROM moves WHERE session_id = ? AND game_id = ?')
      .pluck()
      .get(sessionId, gameId) as number;
    if (length !== index) return CONFLICT;
    this.insertMove(sessionId, gameId, index, action);
    return OK;
  }

  private insertMove(sessionId: string, gameId: string, index: number, a: ChooseAction): void {
    this.db
      .prepare('INSERT INTO moves (session_id, game_id, idx, role, card, option) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sessionId, gameId, index, a.role, a.card, a.option);
  }

  async listGames(sessionId: string): Promise<StoredGame[]> {
    const games = this.db
      .prepare('SELECT * FROM games WHERE session_id = ? ORDER BY created_at, id')
      .all(sessionId) as GameRow[];
    const moves = this.db
      .prepare(
        'SELECT game_id, idx, role, card, option FROM moves WHERE session_id = ? ORDER BY game_id, idx',
      )
      .all(sessionId) as MoveRow[];
    const logs = new Map<string, ChooseAction[]>();
    for (const m of moves) {
      let log = logs.get(m.game_id);
      if (!log) logs.set(m.game_id, (log = []));
      log.push({ type: 'choose', role: m.role as ChooseAction['role'], card: m.card, option: m.option });
    }
    return games.map((g) => ({
      id: g.id,
      sessionId: g.session_id,
      seed: g.seed,
      players: JSON.parse(g.players) as StoredGame['players'],
      computer: JSON.parse(g.computer) as StoredGame['computer'],
      log: logs.get(g.id) ?? [],
      createdAt: g.created_at,
    }));
  }

  async close(): Promise<void> {
    if (this.writer) {
      if (this.inFlight !== null || this.queue.length > 0) {
        await new Promise<void>((resolve) => {
          this.drained = resolve;
          if (this.inFlight === null) this.sendBatch();
        });
      }
      await this.writer.terminate();
    } else if (this.queue.length > 0) this.flush();
    this.db.close();
  }
}
