// What keeps a live class safe: teacher powers only with the teacher's secret (never the join
// code), pause and remove, joins rate-limited per address, plain answers to bad requests, a
// session deleted when the teacher ends it or when its retention time is up.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/catalogue.ts';
import { createLiveSession, Device, postJson, Student, Teacher } from '../../tools/live-sim.ts';
import { removeDir, startServer, tempDataDir } from '../../server/serverProcess.ts';
import { serverForThisFile } from './fileServer.ts';

const summit = loadCatalogue().get('vostochny-summit')!;
const SETUP = {
  scenarioId: summit.scenario.id,
  scenarioHash: summit.hash,
  roles: 'all-kim' as const,
  level: 'easy' as const,
  turnSeconds: null,
  seed: 1,
};
const server = serverForThisFile();

function sessionsOnDisk(dir: string): number {
  const db = new Database(join(dir, 'live.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM sessions').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('teacher powers', () => {
  it('come only with the teacher secret', async () => {
    const made = await createLiveSession(server().base, SETUP);
    const student = await Student.join(server().base, made.sessionId, {
      kind: 'student',
      code: made.joinCode,
      name: 'Eve',
    });
    for (const type of ['start', 'pause', 'resume', 'end', 'remove', 'pair']) {
      const payload =
        type === 'remove' ? { studentId: 's1' } : type === 'pair' ? { a: 's1', b: 's2' } : undefined;
      student.send(type, payload);
      expect(await student.waitFor('error', (e) => e.code === 'not-allowed', 5000, false)).toBeTruthy();
    }
    await expect(
      Device.connect(server().base, made.sessionId, { kind: 'teacher', secret: made.joinCode }),
    ).rejects.toThrow(/To join a live class/);
    await expect(
      Device.connect(server().base, made.sessionId, {
        kind: 'teacher',
        secret: `${made.teacherSecret.slice(0, -2)}AA`,
      }),
    ).rejects.toThrow(/teacher link/);
    // nothing the student sent changed the class
    const teacher = await Teacher.join(server().base, made.sessionId, made.teacherSecret);
    const roster = await teacher.waitFor('roster');
    expect(roster).toMatchObject({ started: false, paused: false });
    expect(roster.students.map((s) => s.status)).toEqual(['waiting']);
    await Promise.all([student.leave(), teacher.leave()]);
  });

  it('pause stops every move until resume; a removed student cannot come back', async () => {
    const made = await createLiveSession(server().base, SETUP);
    const teacher = await Teacher.join(server().base, made.sessionId, made.teacherSecret);
    const eve = await Student.join(server().base, made.sessionId, {
      kind: 'student',
      code: made.joinCode,
      name: 'Eve',
    });
    teacher.send('start');
    await eve.waitFor('status', (s) => s.status === 'playing');
    teacher.send('pause');
    await eve.waitFor('status', (s) => s.status === 'paused');
    const view = eve.last('view')!;
    const card = view.game.hands.kim![0]!;
    eve.send('move', { card, option: 'x', turn: view.game.turn, logLength: view.logLength });
    expect((await eve.waitFor('error', () => true, 5000, false)).code).toBe('paused');
    teacher.send('resume');
    await eve.waitFor('status', (s) => s.status === 'playing', 5000, false);

    teacher.send('remove', { studentId: eve.studentId });
    await eve.waitFor('status', (s) => s.status === 'removed', 5000, false);
    await expect(
      Device.connect(server().base, made.sessionId, {
        kind: 'student',
        code: made.joinCode,
        token: eve.token,
      }),
    ).rejects.toThrow(/removed/);
    const roster = await teacher.waitFor('roster', (r) => r.students[0]?.status === 'removed');
    expect(roster.students).toHaveLength(1);
    await teacher.leave();
  });

  it('ending the class tells every device and deletes the session', async () => {
    const before = sessionsOnDisk(server().dataDir);
    const made = await createLiveSession(server().base, SETUP);
    expect(sessionsOnDisk(server().dataDir)).toBe(before + 1);
    const teacher = await Teacher.join(server().base, made.sessionId, made.teacherSecret);
    const eve = await Student.join(server().base, made.sessionId, {
      kind: 'student',
      code: made.joinCode,
      name: 'Eve',
    });
    teacher.send('start');
    eve.autoplay({ rules: summit.rules });
    await eve.waitFor('ack');
    teacher.send('end');
    const final = await teacher.waitFor('results', (r) => r.final);
    expect(final.results).toHaveLength(1);
    expect(final.results[0]!.result.label).toBe('Eve');
    await eve.waitFor('status', (s) => s.status === 'ended');
    expect((await postJson(server().base, '/join', { code: made.joinCode })).status).toBe(404);
    expect(sessionsOnDisk(server().dataDir)).toBe(before);
  });
});

describe('bad requests', () => {
  it('get a plain answer and change nothing', async () => {
    const cases: [unknown, number, string][] = [
      ['{"scenarioId":', 400, 'bad-request'],
      [{ ...SETUP, seed: -1 }, 400, 'bad-request'],
      [{ ...SETUP, turnSeconds: 7 }, 400, 'bad-session'],
      [{ ...SETUP, scenarioHash: '0123456789abcdef' }, 400, 'bad-session'],
      [{ ...SETUP, scenarioId: 'no-such-scenario' }, 400, 'bad-session'],
      [{ ...SETUP, title: 'x'.repeat(20_000) }, 413, 'too-large'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await postJson(server().base, '/sessions', body);
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ error: { code } });
      expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts|<|Error:/);
    }
    expect((await postJson(server().base, '/join', { code: 12 })).status).toBe(400);
    expect((await fetch(`${server().base}/api/live/nothing`)).status).toBe(404);
  });
});

describe('limits', () => {
  it('an address that keeps guessing codes is refused for a while', async () => {
    const dir = tempDataDir();
    const own = await startServer(dir);
    try {
      const made = await createLiveSession(own.base, SETUP);
      for (let i = 0; i < 20; i++) {
        const answer = await postJson(own.base, '/join', { code: `ZZZZ${String(1000 + i)}` });
        expect(answer.status).toBe(404);
      }
      const refused = await postJson(own.base, '/join', { code: made.joinCode });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error: { code: 'rate-limited' } });
      // joining the room straight away is refused too
      await expect(
        Device.connect(own.base, made.sessionId, { kind: 'student', code: made.joinCode, name: 'Mallory' }),
      ).rejects.toThrow(/Too many/);
    } finally {
      await own.stop();
      removeDir(dir);
    }
  });

  it('a session is deleted once its retention time is up', async () => {
    const dir = tempDataDir();
    // 0.0005 hours: 1.8 seconds
    const own = await startServer(dir, ['--retention-hours', '0.0005']);
    try {
      const made = await createLiveSession(own.base, SETUP);
      const teacher = await Teacher.join(own.base, made.sessionId, made.teacherSecret);
      expect((await postJson(own.base, '/join', { code: made.joinCode })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 4000));
      expect((await postJson(own.base, '/join', { code: made.joinCode })).status).toBe(404);
      expect(teacher.closed).not.toBeNull();
      expect(teacher.last('results')?.final).toBe(true);
      expect(sessionsOnDisk(dir)).toBe(0);
    } finally {
      await own.stop();
      removeDir(dir);
    }
  });
});
