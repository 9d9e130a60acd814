// Two real server processes sharing one real Redis (npm run server -- --redis URL), driven by the
// browser SDK's clients: a teacher on one process and the students on the other; the process
// holding a class killed with SIGKILL mid-game, its students rejoining through the other and
// playing on; Redis itself killed and restarted mid-session. Every game must end exactly as the
// same game played offline with the engine (same state hash): nothing lost, nothing doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { stableHash, type Role } from '../../src/engine/index.ts';
import type { CreateSessionAnswer } from '../../src/live/protocol.ts';
import type { Level } from '../../src/ai/settings.ts';
import { loadCatalogue } from '../../server/catalogue.ts';
import { RedisSessionStore } from '../../server/store/redis.ts';
import { createLiveSession, lookUpCode, Student, Teacher } from '../../tools/live-sim.ts';
import { startTestRedis, type TestRedis } from '../helpers/redis.ts';
import { offlineGame, offlinePair } from './offline.ts';
import { removeDir, startServer, tempDataDir, type ServerProcess } from '../../server/serverProcess.ts';

const summit = loadCatalogue().get('vostochny-summit')!;
const base = { scenarioId: summit.scenario.id, scenarioHash: summit.hash, turnSeconds: null };
let redis: TestRedis;
const dirs: string[] = [];
const running: ServerProcess[] = [];

async function serverOn(url: string): Promise<ServerProcess> {
  const dir = tempDataDir();
  dirs.push(dir);
  const server = await startServer(dir, ['--redis', url]);
  running.push(server);
  return server;
}

beforeAll(async () => {
  redis = await startTestRedis();
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  await redis?.stop();
  for (const dir of dirs) removeDir(dir);
});

/** The port of the process holding the session's room, from Colyseus's room list in Redis. */
async function holderPort(sessionId: string): Promise<number> {
  const client = new Redis(redis.url);
  try {
    const listed = JSON.parse((await client.hget('roomcaches', sessionId)) ?? 'null') as {
      publicAddress?: string;
    } | null;
    return Number(listed?.publicAddress?.split(':').pop());
  } finally {
    client.disconnect();
  }
}

interface Player {
  student: Student;
  seed: number;
}

async function joinAll(
  at: ServerProcess,
  session: CreateSessionAnswer,
  names: string[],
  seed: (i: number) => number,
): Promise<Player[]> {
  const players: Player[] = [];
  for (const [i, name] of names.entries()) {
    const student = await Student.join(at.base, session.sessionId, {
      kind: 'student',
      code: session.joinCode,
      name,
      number: i + 1,
    });
    players.push({ student, seed: seed(i) });
  }
  return players;
}

/** The offline twin of a student's game in a half-and-half class. */
function offlineSolo(worldSeed: number, level: Level, role: Role, choiceSeed: number): string {
  return stableHash(offlineGame(summit.rules, worldSeed, role, level, choiceSeed));
}

describe('the class server on Redis, several processes', () => {
  it('lets a teacher on one process watch students who joined through another', async () => {
    const [a, b] = await Promise.all([serverOn(redis.url), serverOn(redis.url)]);
    const session = await createLiveSession(a.base, {
      ...base,
      roles: 'half-and-half',
      level: 'normal',
      seed: 31,
    });
    // the join code made on A is known to B
    expect((await lookUpCode(b.base, session.joinCode)).sessionId).toBe(session.sessionId);
    const teacher = await Teacher.join(a.base, session.sessionId, session.teacherSecret);
    const players = await joinAll(b, session, ['Ana', 'Ben', 'Chen', 'Dara'], (i) => 40 + i);
    const roster = await teacher.waitFor('roster', (r) => r.students.length === 4);
    expect(roster.students.map((s) => s.name)).toEqual(['Ana', 'Ben', 'Chen', 'Dara']);

    for (const p of players) p.student.autoplay({ rules: summit.rules, choiceSeed: p.seed });
    teacher.send('start');
    await Promise.all(
      players.map((p) => p.student.waitFor('status', (s) => s.status === 'finished', 90_000)),
    );
    const finished = await teacher.waitFor(
      'roster',
      (r) => r.students.length === 4 && r.students.every((s) => s.status === 'finished'),
    );
    expect(finished.students).toHaveLength(4);
    for (const p of players)
      expect(p.student.stateHash).toBe(offlineSolo(31, 'normal', p.student.role!, p.seed));
    await Promise.all([teacher, ...players.map((p) => p.student)].map((d) => d.leave()));
    await Promise.all([a, b].map((s) => s.stop()));
  }, 240_000);

  it('moves the games of a killed process to another, where they go on to the same end', async () => {
    const [a, b, c] = await Promise.all([serverOn(redis.url), serverOn(redis.url), serverOn(redis.url)]);
    const solo = await createLiveSession(a.base, {
      ...base,
      roles: 'half-and-half',
      level: 'normal',
      seed: 77,
    });
    const pairs = await createLiveSession(b.base, { ...base, roles: 'pairs', level: 'easy', seed: 8 });
    const players = [
      ...(await joinAll(b, solo, ['Eli', 'Fay', 'Gus'], (i) => 60 + i)),
      ...(await joinAll(a, pairs, ['Kim side', 'Putin side'], (i) => 70 + i)),
    ];
    for (const p of players) p.student.autoplay({ rules: summit.rules, choiceSeed: p.seed, thinkMs: 200 });
    for (const s of [solo, pairs]) (await Teacher.join(a.base, s.sessionId, s.teacherSecret)).send('start');
    await Promise.all(players.map((p) => p.student.waitFor('ack', (ack) => ack.logLength >= 3, 60_000)));

    // kill the process that holds the half-and-half class, whichever it is
    const holding = await holderPort(solo.sessionId);
    const holder = [a, b, c].find((s) => s.port === holding)!;
    const survivors = [a, b, c].filter((s) => s !== holder);
    await holder.stop('SIGKILL');
    const seats = players.map(({ student, seed }) => {
      student.stop();
      // this test rejoins at once, as the page does when the SDK's own reconnection has failed
      student.room.reconnection.enabled = false;
      return {
        seed,
        token: student.token,
        studentId: student.studentId,
        seen: student.mirror!.log.length,
        acked: Math.max(...student.received.flatMap((m) => (m.type === 'ack' ? [m.payload.logLength] : []))),
      };
    });

    // every device rejoins by the session id with its token (as the page does once the SDK's own
    // reconnection fails), all at once and through both processes still up: one room opens
    const back: Player[] = await Promise.all(
      seats.map(async (seat, i) => {
        const session = i < 3 ? solo : pairs;
        const student = await Student.join(survivors[i % 2]!.base, session.sessionId, {
          kind: 'student',
          code: session.joinCode,
          token: seat.token,
        });
        expect(student.studentId).toBe(seat.studentId);
        expect(student.last('view')!.game.log.length).toBeGreaterThanOrEqual(seat.acked);
        expect(student.last('status')!.status).toBe('playing');
        return { student, seed: seat.seed };
      }),
    );
    expect(survivors.map((s) => s.port)).toContain(await holderPort(solo.sessionId));
    const teacher = await Teacher.join(survivors[1]!.base, solo.sessionId, solo.teacherSecret);
    const roster = await teacher.waitFor('roster', (r) => r.students.every((s) => s.status === 'playing'));
    expect(roster.students.map((s) => s.name)).toEqual(['Eli', 'Fay', 'Gus']);
    expect(roster.started).toBe(true);

    for (const p of back) p.student.autoplay({ rules: summit.rules, choiceSeed: p.seed });
    await Promise.all(back.map((p) => p.student.waitFor('status', (s) => s.status === 'finished', 90_000)));
    for (const [i, p] of back.entries()) {
      const expected =
        i < 3
          ? offlineSolo(77, 'normal', p.student.role!, p.seed)
          : stableHash(offlinePair(summit.rules, 8, { kim: 70, putin: 71 }));
      expect(p.student.stateHash).toBe(expected);
    }
    await Promise.all([teacher, ...back.map((p) => p.student)].map((d) => d.leave()));
    await Promise.all(survivors.map((s) => s.stop()));
  }, 240_000);

  it('keeps every game going, with nothing lost, while Redis is killed and started again', async () => {
    const [a, b] = await Promise.all([serverOn(redis.url), serverOn(redis.url)]);
    const session = await createLiveSession(a.base, {
      ...base,
      roles: 'half-and-half',
      level: 'easy',
      seed: 12,
    });
    const teacher = await Teacher.join(b.base, session.sessionId, session.teacherSecret);
    const players = await joinAll(b, session, ['Hana', 'Ivo', 'Jun'], (i) => 90 + i);
    for (const p of players) p.student.autoplay({ rules: summit.rules, choiceSeed: p.seed, thinkMs: 100 });
    teacher.send('start');
    await Promise.all(players.map((p) => p.student.waitFor('ack', (ack) => ack.logLength >= 3, 60_000)));

    // down for long enough that every student sends a move while it is away
    await redis.crash(1500);
    // the same WebSockets, the same rooms: play goes on, the moves made meanwhile were kept waiting
    await Promise.all(
      players.map((p) => p.student.waitFor('status', (s) => s.status === 'finished', 90_000)),
    );
    for (const p of players) {
      expect(p.student.closed).toBeNull();
      expect(p.student.stateHash).toBe(offlineSolo(12, 'easy', p.student.role!, p.seed));
    }
    // and Redis holds every move of every game, once
    const store = await RedisSessionStore.open(redis.url);
    try {
      const logs = (await store.listGames(session.sessionId))
        .map((g) => g.log.length)
        .toSorted((x, y) => x - y);
      expect(logs).toEqual(players.map((p) => p.student.mirror!.log.length).toSorted((x, y) => x - y));
    } finally {
      await store.close();
    }
    await Promise.all([teacher, ...players.map((p) => p.student)].map((d) => d.leave()));
    await Promise.all([a, b].map((s) => s.stop()));
  }, 240_000);
});
