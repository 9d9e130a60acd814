// The shared session store on a real redis-server: what one connection writes another reads,
// conflicts are refused rather than overwritten, deleting a session leaves no key behind, and an
// acknowledged move survives Redis being killed with SIGKILL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { RedisSessionStore } from '../../server/store/redis.ts';
import type { StoredGame, StoredSession, StoredStudent } from '../../server/store/types.ts';
import type { ClassSession } from '../../src/classroom/session.ts';
import { startTestRedis, type TestRedis } from '../helpers/redis.ts';

let redis: TestRedis;
let a: RedisSessionStore;
let b: RedisSessionStore;

beforeAll(async () => {
  redis = await startTestRedis();
  // two stores, as two server processes would have
  a = await RedisSessionStore.open(redis.url);
  b = await RedisSessionStore.open(redis.url);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
});

const setup: ClassSession = {
  scenarioId: 'vostochny-summit',
  scenarioHash: 'abc',
  roles: 'pairs',
  level: 'normal',
  turnSeconds: null,
  seed: 7,
  title: 'Period 3',
} as ClassSession;

let counter = 0;
function session(overrides: Partial<StoredSession> = {}): StoredSession {
  counter++;
  return {
    id: `session-${String(counter).padStart(14, '0')}`,
    setup,
    joinCode: `CODE${String(counter).padStart(4, '0')}`,
    teacherSecretHash: 'hash',
    createdAt: 1_764_000_000_000 + counter,
    started: false,
    paused: false,
    ...overrides,
  };
}

function student(sessionId: string, id: string, order: number): StoredStudent {
  return {
    id,
    sessionId,
    tokenHash: `t-${id}`,
    name: `Ana ${id}`,
    number: order === 0 ? null : order,
    role: 'kim',
    gameId: null,
    order,
    removed: false,
  };
}

function game(sessionId: string, id: string): StoredGame {
  return {
    id,
    sessionId,
    seed: 4_294_967_295,
    players: { kim: 's1' },
    computer: { putin: { level: 'hard' } },
    log: [],
    createdAt: 1_764_000_000_123,
  };
}

describe('RedisSessionStore', () => {
  it('reads through one process what another wrote, and refuses a taken id or join code', async () => {
    const s = session();
    expect(await a.createSession(s)).toEqual({ ok: true });
    expect(await b.getSession(s.id)).toEqual(s);
    expect(await b.findByJoinCode(s.joinCode)).toEqual(s);
    expect(await b.createSession({ ...s, joinCode: 'OTHER001' })).toEqual({ ok: false, reason: 'conflict' });
    expect(await b.createSession(s)).toEqual({ ok: true }); // the same write again: nothing changes
    expect(await b.createSession({ ...session(), joinCode: s.joinCode })).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(await b.updateSession(s.id, { started: true, paused: true })).toEqual({ ok: true });
    expect(await a.getSession(s.id)).toMatchObject({ started: true, paused: true });
    expect(await a.updateSession('no-such-session', { paused: false })).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect((await a.listSessions()).map((x) => x.id)).toContain(s.id);
  });

  it('keeps students and games in order, with every field as written', async () => {
    const s = session();
    await a.createSession(s);
    expect(await a.addStudent(student(s.id, 's1', 0))).toEqual({ ok: true });
    expect(await b.addStudent(student(s.id, 's2', 1))).toEqual({ ok: true });
    expect(await b.addStudent(student(s.id, 's1', 2))).toEqual({ ok: false, reason: 'conflict' });
    expect(await b.addStudent(student(s.id, 's1', 0))).toEqual({ ok: true }); // the same write again
    expect(await b.addStudent(student('nobody-here', 's1', 0))).toEqual({ ok: false, reason: 'missing' });
    expect(await a.addGame(game(s.id, 'g1'))).toEqual({ ok: true });
    expect(await a.updateStudent(s.id, 's1', { gameId: 'g1' })).toEqual({ ok: true });
    expect(await a.updateStudent(s.id, 's2', { removed: true })).toEqual({ ok: true });
    expect(await a.updateStudent(s.id, 's9', { removed: true })).toEqual({ ok: false, reason: 'missing' });
    expect(await b.listStudents(s.id)).toEqual([
      { ...student(s.id, 's1', 0), gameId: 'g1' },
      { ...student(s.id, 's2', 1), removed: true },
    ]);
    const withLog = { ...game(s.id, 'g2'), log: [{ type: 'choose', role: 'kim', card: 'c', option: 'o' }] };
    expect(await a.addGame(withLog as StoredGame)).toEqual({ ok: true });
    expect(await b.listGames(s.id)).toEqual([game(s.id, 'g1'), withLog]);
  });

  it('appends a move only at the log length it extends', async () => {
    const s = session();
    await a.createSession(s);
    await a.addGame(game(s.id, 'g1'));
    const move = { type: 'choose', role: 'kim', card: 'summit', option: 'go' } as const;
    expect(await a.appendMove(s.id, 'g1', 0, move)).toEqual({ ok: true });
    // the same write again (its answer lost when Redis died): done once, not doubled
    expect(await b.appendMove(s.id, 'g1', 0, move)).toEqual({ ok: true });
    // another move at a length already taken (a second process, a stale request): refused
    expect(await b.appendMove(s.id, 'g1', 0, { ...move, option: 'stay' })).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(await b.appendMove(s.id, 'g1', 5, move)).toEqual({ ok: false, reason: 'conflict' });
    expect(await b.appendMove(s.id, 'g1', 1, { ...move, role: 'putin' })).toEqual({ ok: true });
    expect(await b.appendMove(s.id, 'gone', 0, move)).toEqual({ ok: false, reason: 'missing' });
    expect((await a.listGames(s.id))[0]?.log).toEqual([move, { ...move, role: 'putin' }]);
  });

  it('deletes a session with everything under it, and sweeps sessions past the retention time', async () => {
    const client = new Redis(redis.url);
    try {
      const before = new Set(await client.keys('*'));
      const old = session({ createdAt: 1000 });
      const young = session({ createdAt: 5000 });
      for (const s of [old, young]) {
        await a.createSession(s);
        await a.addStudent(student(s.id, 's1', 0));
        await a.addGame(game(s.id, 'g1'));
        await a.appendMove(s.id, 'g1', 0, { type: 'choose', role: 'kim', card: 'c', option: 'o' });
      }
      expect(await b.deleteSessionsBefore(5000)).toEqual([old.id]);
      expect(await a.getSession(old.id)).toBeNull();
      expect(await a.findByJoinCode(old.joinCode)).toBeNull();
      expect(await a.getSession(young.id)).not.toBeNull();
      await b.deleteSession(young.id);
      const left = (await client.keys('*')).filter((key) => !before.has(key));
      expect(left).toEqual([]);
    } finally {
      client.disconnect();
    }
  });

  it('loses no acknowledged move when Redis is killed with SIGKILL and started again', async () => {
    const s = session();
    await a.createSession(s);
    await a.addGame(game(s.id, 'g1'));
    const moves = Array.from({ length: 20 }, (_, i) => ({
      type: 'choose' as const,
      role: i % 2 ? ('putin' as const) : ('kim' as const),
      card: `card-${i}`,
      option: 'yes',
    }));
    for (const [i, move] of moves.entries())
      expect(await a.appendMove(s.id, 'g1', i, move)).toEqual({ ok: true });
    await redis.crash();
    // the same connections come back by themselves
    expect((await b.listGames(s.id))[0]?.log).toEqual(moves);
    expect(await a.appendMove(s.id, 'g1', moves.length, moves[0]!)).toEqual({ ok: true });
  });
});
