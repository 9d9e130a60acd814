// The server killed with SIGKILL mid-lesson and started again on the same data folder: every
// session and game comes back where it stood (every acknowledged move kept), every device rejoins
// with its token as the same student, and every game goes on to the same end as the same game
// played offline without a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { stableHash } from '../../src/engine/index.ts';
import { loadCatalogue } from '../../server/catalogue.ts';
import { createLiveSession, Student, Teacher } from '../../tools/live-sim.ts';
import { offlineGame, offlinePair } from './offline.ts';
import { removeDir, startServer, tempDataDir, type ServerProcess } from '../../server/serverProcess.ts';

const summit = loadCatalogue().get('vostochny-summit')!;
const dataDir = tempDataDir();
const running: ServerProcess[] = [];

afterAll(async () => {
  for (const s of running) await s.stop('SIGKILL');
  removeDir(dataDir);
});

interface Seat {
  sessionId: string;
  code: string;
  name: string;
  token: string;
  studentId: string;
  choiceSeed: number;
  /** The log as the device last saw it, and the last move it had acknowledged. */
  seenLog: string[];
  acked: number;
  finished: boolean;
}

const key = (log: readonly { role: string; card: string; option: string }[]) =>
  log.map((m) => `${m.role}:${m.card}/${m.option}`);

describe('a crash mid-lesson', () => {
  it('brings every game back at the same position, with the same future', async () => {
    const first = await startServer(dataDir);
    running.push(first);
    const base = { scenarioId: summit.scenario.id, scenarioHash: summit.hash, turnSeconds: null };
    const solo = await createLiveSession(first.base, {
      ...base,
      roles: 'half-and-half',
      level: 'normal',
      seed: 99,
    });
    const pairs = await createLiveSession(first.base, { ...base, roles: 'pairs', level: 'easy', seed: 5 });

    const devices: { student: Student; session: typeof solo; seed: number }[] = [];
    for (let i = 1; i <= 4; i++) {
      const student = await Student.join(first.base, solo.sessionId, {
        kind: 'student',
        code: solo.joinCode,
        name: `Solo ${i}`,
        number: i,
      });
      devices.push({ student, session: solo, seed: 100 + i });
    }
    for (const name of ['Kim side', 'Putin side']) {
      const student = await Student.join(first.base, pairs.sessionId, {
        kind: 'student',
        code: pairs.joinCode,
        name,
      });
      devices.push({ student, session: pairs, seed: name === 'Kim side' ? 201 : 202 });
    }
    for (const d of devices) d.student.autoplay({ rules: summit.rules, choiceSeed: d.seed, thinkMs: 300 });
    for (const s of [solo, pairs])
      (await Teacher.join(first.base, s.sessionId, s.teacherSecret)).send('start');

    // mid-game: every device has made a few moves, none has finished
    await Promise.all(devices.map((d) => d.student.waitFor('ack', (a) => a.logLength >= 3, 30_000)));
    await first.stop('SIGKILL');
    const seats: Seat[] = devices.map(({ student, session, seed }) => {
      student.stop();
      return {
        sessionId: session.sessionId,
        code: session.joinCode,
        name: student.last('welcome')!.name,
        token: student.token,
        studentId: student.studentId,
        choiceSeed: seed,
        seenLog: key(student.mirror!.log),
        acked: Math.max(...student.received.flatMap((m) => (m.type === 'ack' ? [m.payload.logLength] : []))),
        finished: student.finished,
      };
    });
    // (a game that ends early may be over already under a slow machine; most are mid-game)
    const midGame = devices.filter((d) => !d.student.finished).length;
    expect(midGame).toBeGreaterThanOrEqual(4);

    const second = await startServer(dataDir, [], first.port);
    running.push(second);
    const back: Student[] = [];
    for (const seat of seats) {
      const student = await Student.join(second.base, seat.sessionId, {
        kind: 'student',
        code: seat.code,
        token: seat.token,
      });
      // the same student, the game where it stood: nothing acknowledged is lost
      expect(student.studentId).toBe(seat.studentId);
      expect(student.last('welcome')!.name).toBe(seat.name);
      const log = key(student.last('view')!.game.log);
      expect(log.length).toBeGreaterThanOrEqual(seat.acked);
      expect(log.slice(0, seat.seenLog.length)).toEqual(seat.seenLog);
      expect(student.last('status')!.status).toBe(seat.finished ? 'finished' : 'playing');
      back.push(student);
    }
    const teacher = await Teacher.join(second.base, solo.sessionId, solo.teacherSecret);
    expect((await teacher.waitFor('roster')).started).toBe(true);

    back.forEach((s, i) => s.autoplay({ rules: summit.rules, choiceSeed: seats[i]!.choiceSeed }));
    await Promise.all(back.map((s) => s.waitFor('status', (st) => st.status === 'finished', 60_000)));
    for (const [i, s] of back.entries()) {
      const seat = seats[i]!;
      const offline =
        seat.sessionId === solo.sessionId
          ? offlineGame(summit.rules, 99, s.role!, 'normal', seat.choiceSeed)
          : offlinePair(summit.rules, 5, { kim: 201, putin: 202 });
      expect(s.stateHash).toBe(stableHash(offline));
    }
    await Promise.all([teacher, ...back].map((d) => d.leave()));
  });
});
