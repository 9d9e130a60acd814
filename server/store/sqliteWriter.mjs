// The SQLite store's move writer, in a worker thread: it appends each batch of moves in one
// transaction (synchronous = FULL: on disk when it answers), so the server's event loop keeps
// answering other devices while the disk syncs. Started by sqlite.ts; one batch at a time.
// Plain JavaScript, so the thread needs no TypeScript loader; sqlite.ts types what crosses.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 10000');
const exists = db.prepare('SELECT 1 FROM games WHERE session_id = ? AND id = ?');
const length = db.prepare('SELECT COUNT(*) FROM moves WHERE session_id = ? AND game_id = ?').pluck();
const insert = db.prepare(
  'INSERT INTO moves (session_id, game_id, idx, role, card, option) VALUES (?, ?, ?, ?, ?, ?)',
);

/** Per move: 'ok', 'conflict' (the log is not that long) or 'missing' (no such game). */
const writeAll = db.transaction((moves) =>
  moves.map((m) => {
    if (!exists.get(m.sessionId, m.gameId)) return 'missing';
    if (length.get(m.sessionId, m.gameId) !== m.index) return 'conflict';
    insert.run(m.sessionId, m.gameId, m.index, m.role, m.card, m.option);
    return 'ok';
  }),
);

parentPort.on('message', (moves) => {
  let reply;
  try {
    // IMMEDIATE: the write lock is taken (waiting up to busy_timeout) before the first read, so a
    // write by the main thread in between cannot fail this one with "database is locked"
    reply = { ok: true, outcomes: writeAll.immediate(moves) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  // a worker's postMessage has no target origin: it answers the thread that started it
  // eslint-disable-next-line unicorn/require-post-message-target-origin
  parentPort.postMessage(reply);
});
