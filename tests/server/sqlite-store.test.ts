// The SQLite store: what it writes it reads back after the file is opened again, a taken id or
// join code is refused, a move is appended only at the log length it extends (also when many
// arrive in one turn of the event loop and share a transaction), and deleting a session leaves no
// row of it behind.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { StoredGame, StoredSession, StoredStudent } from '../../server/store/types.ts';
import type { ChooseAction } from '../../src/engine/index.ts';
import { removeDir, tempDataDir } from '../../server/serverProcess.ts';

const dir = tempDataDir();
const file = join(dir, 'live.sqlite');
afterAll(() => removeDir(dir));

const session = (id: string, joinCode: string, createdAt = 1000): StoredSession => ({
  id,
  setup: {
    scenarioId: 'vostochny-summit',
    scenarioHash: '0123456789abcdef',
    roles: 'pairs',
    level: 'easy',
    turnSeconds: 60,
    seed: 9,
    title: 'Période 3 <i>',
  },
  joinCode,
  teacherSecretHash: 'hash',
  createdAt,
  started: false,
  paused: false,
});
const student = (sessionId: string, id: string, order: number): StoredStudent => ({
  id,
  sessionId,
  tokenHash: `t-${id}`,
  name: `Ana ${id} "O'Neil"`,
  number: order + 1,
  role: order % 2 === 0 ? 'kim' : 'putin',
  gameId: null,
  order,
  removed: false,
});
const game = (sessionId: string, id: string): StoredGame => ({
  id,
  sessionId,
  seed: 4_294_967_295,
  players: { kim: 's1', putin: 's2' },
  computer: {},
  log: [],
  createdAt: 2000,
});
const move = (i: number): ChooseAction => ({
  type: 'choose',
  role: i % 2 ? 'putin' : 'kim',
  card: `c${i}`,
  option: 'o',
});

describe('SqliteStore', () => {
  it('keeps everything across a reopen, and refuses taken ids and codes', async () => {
    const store = new SqliteStore(file);
    expect(await store.createSession(session('A', 'AAAAAAAA'))).toEqual({ ok: true });
    expect(await store.createSession(session('A', 'BBBBBBBB'))).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.createSession(session('B', 'AAAAAAAA'))).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.addStudent(student('nope', 's1', 0))).toEqual({ ok: false, reason: 'missing' });
    expect(await store.addStudent(student('A', 's1', 0))).toEqual({ ok: true });
    expect(await store.addStudent(student('A', 's1', 0))).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.addStudent(student('A', 's2', 1))).toEqual({ ok: true });
    expect(await store.addGame(game('A', 'g1'))).toEqual({ ok: true });
    expect(await store.updateStudent('A', 's1', { gameId: 'g1' })).toEqual({ ok: true });
    expect(await store.updateStudent('A', 's9', { removed: true })).toEqual({ ok: false, reason: 'missing' });
    expect(await store.updateSession('A', { started: true })).toEqual({ ok: true });
    // moves in one turn of the event loop: one transaction, each at its own index
    const results = await Promise.all([0, 1, 2, 1, 4].map((i) => store.appendMove('A', 'g1', i, move(i))));
    expect(results).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: false, reason: 'conflict' },
      { ok: false, reason: 'conflict' },
    ]);
    expect(await store.appendMove('A', 'g9', 0, move(0))).toEqual({ ok: false, reason: 'missing' });
    await store.close();

    const again = new SqliteStore(file);
    expect(await again.getSession('A')).toEqual({ ...session('A', 'AAAAAAAA'), started: true });
    expect((await again.findByJoinCode('AAAAAAAA'))?.id).toBe('A');
    expect(await again.findByJoinCode('ZZZZZZZZ')).toBeNull();
    expect(await again.listStudents('A')).toEqual([
      { ...student('A', 's1', 0), gameId: 'g1' },
      student('A', 's2', 1),
    ]);
    expect(await again.listGames('A')).toEqual([{ ...game('A', 'g1'), log: [move(0), move(1), move(2)] }]);
    await again.close();
  });

  it('deletes a session with everything in it, and the sessions past their time', async () => {
    const store = new SqliteStore(file);
    await store.createSession(session('C', 'CCCCCCCC', 5000));
    await store.addStudent(student('C', 's1', 0));
    await store.addGame({ ...game('C', 'g1'), log: [move(0)] });
    expect((await store.deleteSessionsBefore(2000)).toSorted()).toEqual(['A']);
    expect(await store.getSession('A')).toBeNull();
    await store.deleteSession('C');
    expect(await store.listSessions()).toEqual([]);
    await store.close();
    const db = new Database(file, { readonly: true });
    for (const table of ['sessions', 'students', 'games', 'moves'])
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0);
    db.close();
  });
});
