// A live class on the real server process, through the browser SDK: a teacher and six students
// (half and half against the computer) play to the end, and a pair plays Kim against Putin on two
// devices. Every live game equals the same game played offline with the engine; no device ever
// receives its rival's private meters; the teacher's results feed the existing dashboard.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/classroom/dashboard.ts';
import { parseResults } from '../../src/classroom/parseResults.ts';
import { stableHash } from '../../src/engine/index.ts';
import { hiddenMeters } from '../../src/live/view.ts';
import { libraryOf } from '../../src/persist/index.ts';
import { loadCatalogue } from '../../server/catalogue.ts';
import { createLiveSession, lookUpCode, Student, Teacher } from '../../tools/live-sim.ts';
import { offlineGame, offlinePair } from './offline.ts';
import { serverForThisFile } from './fileServer.ts';

const catalogue = loadCatalogue();
const summit = catalogue.get('vostochny-summit')!;
const library = libraryOf([...catalogue.values()]);
const server = serverForThisFile();

function neverSawRivalSecrets(student: Student): void {
  const hidden = hiddenMeters(summit.rules, student.role!);
  expect(hidden.length).toBeGreaterThan(0);
  const everything = JSON.stringify(student.received.map((m) => m.payload));
  for (const id of hidden) expect(everything).not.toContain(id);
  expect(everything).not.toContain('"rng"');
  // and in the bytes that crossed the wire (msgpack keeps strings as UTF-8)
  expect(student.frames.length).toBeGreaterThan(10);
  const wire = Buffer.concat(student.frames);
  for (const id of [...hidden, 'rng']) expect(wire.includes(Buffer.from(id))).toBe(false);
  // (a meter the device may see does cross it: the check reads the right bytes)
  const own = Object.keys(student.mirror!.meters).find((m) => !hidden.includes(m))!;
  expect(wire.includes(Buffer.from(own))).toBe(true);
}

describe('a live class', () => {
  it('six students and a teacher play to the end; the dashboard counts every game', async () => {
    const setup = {
      scenarioId: summit.scenario.id,
      scenarioHash: summit.hash,
      roles: 'half-and-half' as const,
      level: 'normal' as const,
      turnSeconds: null,
      seed: 2023,
      title: 'Year 10 <b>history</b>',
    };
    const made = await createLiveSession(server().base, setup);
    expect(made.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const found = await lookUpCode(server().base, made.joinCode.toLowerCase());
    expect(found).toMatchObject({
      sessionId: made.sessionId,
      title: 'Year 10 <b>history</b>',
      roles: 'half-and-half',
    });

    const teacher = await Teacher.join(server().base, made.sessionId, made.teacherSecret);
    const students: Student[] = [];
    for (let i = 1; i <= 6; i++) {
      students.push(
        await Student.join(server().base, made.sessionId, {
          kind: 'student',
          code: made.joinCode,
          name: `Student ${i}`,
          number: i,
        }),
      );
    }
    // odd list numbers play Kim, even Putin, each against the computer
    expect(students.map((s) => s.role)).toEqual(['kim', 'putin', 'kim', 'putin', 'kim', 'putin']);
    expect(students.every((s) => s.last('status')?.status === 'waiting-start')).toBe(true);
    const roster = await teacher.waitFor('roster', (r) => r.students.length === 6);
    expect(roster.students.map((s) => s.status)).toEqual(Array(6).fill('waiting'));

    students.forEach((s, i) => s.autoplay({ rules: summit.rules, choiceSeed: i + 1 }));
    teacher.send('start');
    const results = await teacher.waitFor('results', (r) => r.results.length === 6, 60_000);

    for (const [i, s] of students.entries()) {
      expect(s.finished).toBe(true);
      expect(s.errors).toEqual([]);
      const offline = offlineGame(summit.rules, setup.seed, s.role!, setup.level, i + 1);
      expect(s.stateHash).toBe(stableHash(offline));
      neverSawRivalSecrets(s);
    }

    const parsed = parseResults(
      results.results.map((r) => ({ name: r.name, text: JSON.stringify(r.result) })),
      library,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.results).toHaveLength(6);
    const dashboard = buildDashboard({
      scenario: summit.scenario,
      results: parsed.results,
      session: parsed.session,
    });
    for (const [i, s] of students.entries()) {
      const game = dashboard.games.find((g) => g.label === `Student ${i + 1}`)!;
      expect(game.side).toBe(s.role);
      expect(game.ending?.id).toBe(s.mirror!.ending!.id);
      expect(game.moves).toBe(s.mirror!.log.length);
    }
    const finalRoster = await teacher.waitFor(
      'roster',
      (r) => r.students.length === 6 && r.students.every((s) => s.status === 'finished'),
    );
    expect(finalRoster.students.map((s) => s.month)).toEqual(students.map((s) => s.mirror!.turn));

    await Promise.all([teacher, ...students].map((d) => d.leave()));
  });

  it('a pair plays Kim against Putin on two devices, each seeing only its own side', async () => {
    const setup = {
      scenarioId: summit.scenario.id,
      scenarioHash: summit.hash,
      roles: 'pairs' as const,
      level: 'easy' as const,
      turnSeconds: null,
      seed: 7,
    };
    const made = await createLiveSession(server().base, setup);
    const teacher = await Teacher.join(server().base, made.sessionId, made.teacherSecret);
    const a = await Student.join(server().base, made.sessionId, {
      kind: 'student',
      code: made.joinCode,
      name: 'Ana',
    });
    const b = await Student.join(server().base, made.sessionId, {
      kind: 'student',
      code: made.joinCode,
      name: 'Ben',
    });
    a.autoplay({ rules: summit.rules, choiceSeed: 11 });
    b.autoplay({ rules: summit.rules, choiceSeed: 12 });
    teacher.send('start');
    await a.waitFor('welcome', (w) => w.partner === 'Ben');
    expect(a.role).toBe('kim');
    expect(b.role).toBe('putin');
    expect(a.last('welcome')?.seats).toEqual({ kim: 'human', putin: 'human' });
    const results = await teacher.waitFor('results', (r) => r.results.length === 1, 60_000);
    const offline = offlinePair(summit.rules, setup.seed, { kim: 11, putin: 12 });
    expect(a.stateHash).toBe(stableHash(offline));
    expect(b.stateHash).toBe(stableHash(offline));
    // both played: each sent only its own side's moves
    expect(a.moves).toBe(offline.log.filter((m) => m.role === 'kim').length);
    expect(b.moves).toBe(offline.log.filter((m) => m.role === 'putin').length);
    neverSawRivalSecrets(a);
    neverSawRivalSecrets(b);
    expect(results.results[0]!.result.replay.setup.seats).toEqual({ kim: 'human', putin: 'human' });
    await Promise.all([teacher, a, b].map((d) => d.leave()));
  });
});
