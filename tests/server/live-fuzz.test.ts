// Hostile devices against the real server: more than a thousand malformed or hostile messages
// (wrong types, wrong shapes, moves out of turn or stale, other rooms' ids, huge strings, teacher
// commands from students), bad join options, garbage frames and a flood. The server answers every
// message with an error, stays up, and no game moves: every game's state hash is unchanged.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableHash } from '../../src/engine/index.ts';
import { CLIENT_MESSAGES } from '../../src/live/protocol.ts';
import { loadCatalogue } from '../../server/catalogue.ts';
import { MAX_MESSAGES_PER_SECOND } from '../../server/room.ts';
import {
  createLiveSession,
  Device,
  postJson,
  Student,
  Teacher,
  type Received,
} from '../../tools/live-sim.ts';
import { serverForThisFile } from './fileServer.ts';

const summit = loadCatalogue().get('vostochny-summit')!;
const CARDS = [...summit.rules.cards.keys()];
// the bad joins below would otherwise lock this address out (the limit has its own test)
const server = serverForThisFile(['--join-failures-per-minute', '100000']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorsOf = (d: Device) =>
  d.received.filter((m): m is Extract<Received, { type: 'error' }> => m.type === 'error');

/** Messages no device may have accepted: each is answered with an error and changes nothing. */
function hostile(device: Student, otherIds: string[]): fc.Arbitrary<[unknown, unknown]> {
  const view = device.last('view')!;
  const myTurn = view.game.active === device.role;
  const text = fc.string({ maxLength: 40 });
  const card = fc.oneof(fc.constantFrom(...CARDS), text);
  const wrongLength = fc.integer({ min: 0, max: 100_000 }).filter((n) => n !== view.logLength);
  const move = (logLength: fc.Arbitrary<number>, turn: fc.Arbitrary<number>) =>
    fc.record({
      card,
      option: fc.oneof(
        text.filter((s) => s.length > 0),
        fc.constant('a'),
      ),
      turn,
      logLength,
    });
  return fc.oneof(
    fc.tuple(
      text.filter((t) => !Object.hasOwn(CLIENT_MESSAGES, t)),
      fc.anything({ maxDepth: 2, maxKeys: 4 }),
    ),
    fc.tuple(fc.integer(), fc.anything({ maxDepth: 2, maxKeys: 4 })),
    fc.tuple(fc.constant('move'), fc.anything({ maxDepth: 2, maxKeys: 4 })),
    // stale: a move for a position the game is not in
    fc.tuple(fc.constant('move'), move(wrongLength, fc.integer({ min: 1, max: 30 }))),
    // out of turn: the right position, but it is the other side's move
    myTurn
      ? fc.tuple(fc.constant('move'), move(wrongLength, fc.constant(view.game.turn)))
      : fc.tuple(fc.constant('move'), move(fc.constant(view.logLength), fc.constant(view.game.turn))),
    // huge strings (under the transport's 8 kB frame limit)
    fc.tuple(
      fc.constant('move'),
      fc.record({ card: fc.constant('x'.repeat(3000)), option: text, turn: fc.nat(), logLength: fc.nat() }),
    ),
    // the teacher's commands, with this and other rooms' ids
    fc.tuple(
      fc.constantFrom('start', 'pause', 'resume', 'end', 'remove', 'pair'),
      fc.oneof(
        fc.constant(undefined),
        fc.record({ studentId: fc.constantFrom(...otherIds) }),
        fc.record({ a: fc.constantFrom(...otherIds), b: fc.constant('s1') }),
      ),
    ),
    fc.tuple(fc.constant('__proto__'), fc.constant({ polluted: true })),
    fc.tuple(
      fc.constant('move'),
      fc.constant({ card: 'c', option: 'o', turn: 1, logLength: 0, role: 'putin' }),
    ),
  );
}

async function sendPaced(device: Device, messages: [unknown, unknown][], perSecond: number): Promise<void> {
  for (const [type, payload] of messages) {
    device.send(type as string, payload);
    await sleep(1000 / perSecond);
  }
}

describe('hostile messages', () => {
  it('are each answered with an error, and no game moves', async () => {
    const base = { scenarioId: summit.scenario.id, scenarioHash: summit.hash, turnSeconds: null };
    const a = await createLiveSession(server().base, {
      ...base,
      roles: 'half-and-half',
      level: 'normal',
      seed: 3,
    });
    const b = await createLiveSession(server().base, { ...base, roles: 'pairs', level: 'easy', seed: 4 });
    const students = [
      await Student.join(server().base, a.sessionId, {
        kind: 'student',
        code: a.joinCode,
        name: 'A1',
        number: 1,
      }),
      await Student.join(server().base, a.sessionId, {
        kind: 'student',
        code: a.joinCode,
        name: 'A2',
        number: 2,
      }),
      await Student.join(server().base, b.sessionId, { kind: 'student', code: b.joinCode, name: 'B1' }),
      await Student.join(server().base, b.sessionId, { kind: 'student', code: b.joinCode, name: 'B2' }),
    ];
    const teachers = [await Teacher.join(server().base, a.sessionId, a.teacherSecret)];
    teachers.push(await Teacher.join(server().base, b.sessionId, b.teacherSecret));
    for (const t of teachers) t.send('start');
    for (const s of students) s.rulesForMirror = summit.rules;
    // every game waits for a student (the computer has made its moves)
    await Promise.all(students.map((s) => s.waitFor('status', (st) => st.status === 'playing')));
    await sleep(1000);
    const hashes = () => students.map((s) => stableHash(s.last('view')!.game));
    const before = hashes();
    const logs = students.map((s) => s.last('view')!.logLength);

    // bad join options, and other rooms' ids with this room's code
    const badJoins = fc.sample(fc.anything({ maxDepth: 2, maxKeys: 4 }), 40) as never[];
    badJoins.push(
      { kind: 'student', code: a.joinCode, name: 'Mallory' } as never, // a's code in b's room
      { kind: 'teacher', secret: a.teacherSecret } as never, // a's secret in b's room
      { kind: 'student', code: b.joinCode, token: students[0]!.token } as never, // a's token in b's room
    );
    for (const options of badJoins)
      await expect(Device.connect(server().base, b.sessionId, options)).rejects.toThrow(/./);

    const otherIds = ['s99', b.sessionId, a.sessionId, 'x'.repeat(24)];
    const plans = students.map((s) => fc.sample(hostile(s, otherIds), 230));
    const teacherPlan = fc.sample(
      fc.oneof(
        fc.tuple(fc.constant('move'), fc.anything({ maxDepth: 1 })),
        fc.tuple(fc.constant('remove'), fc.record({ studentId: fc.constantFrom(...otherIds) })),
        fc.tuple(fc.constant('pair'), fc.record({ a: fc.constantFrom(...otherIds), b: fc.constant('s2') })),
        fc.tuple(
          fc.string({ maxLength: 10 }).filter((t) => !Object.hasOwn(CLIENT_MESSAGES, t)),
          fc.anything(),
        ),
      ),
      150,
    ) as [unknown, unknown][];
    const sent = plans.reduce((n, p) => n + p.length, 0) + teacherPlan.length;
    expect(sent).toBeGreaterThanOrEqual(1000);
    const errorsBefore = [...students, teachers[0]!].map((d) => errorsOf(d).length);
    await Promise.all([
      ...students.map((s, i) => sendPaced(s, plans[i]!, MAX_MESSAGES_PER_SECOND / 2)),
      sendPaced(teachers[0]!, teacherPlan, MAX_MESSAGES_PER_SECOND / 2),
    ]);
    // every message answered with an error
    const expected = [...plans.map((p) => p.length), teacherPlan.length];
    const all = [...students, teachers[0]!];
    for (const [i, d] of all.entries()) {
      for (
        let waited = 0;
        errorsOf(d).length - errorsBefore[i]! < expected[i]! && waited < 10_000;
        waited += 100
      )
        await sleep(100);
      expect(errorsOf(d).length - errorsBefore[i]!).toBe(expected[i]);
      expect(d.closed).toBeNull();
    }
    for (const e of all.flatMap(errorsOf)) expect(e.payload.message).not.toMatch(/[<>\n]|Error:|\.ts:/);

    // garbage frames and a flood: the device is cut off, the server stays up
    const garbage = await Student.join(server().base, a.sessionId, {
      kind: 'student',
      code: a.joinCode,
      name: 'G',
    });
    garbage.room.connection.send(new Uint8Array([13, 0xc1, 0xff, 0x00, 0x93]));
    const flood = await Student.join(server().base, a.sessionId, {
      kind: 'student',
      code: a.joinCode,
      name: 'F',
    });
    for (let i = 0; i < MAX_MESSAGES_PER_SECOND * 5; i++) flood.send('nope', i);
    for (let waited = 0; (garbage.closed === null || flood.closed === null) && waited < 10_000; waited += 100)
      await sleep(100);
    expect(garbage.closed).not.toBeNull();
    expect(flood.closed).not.toBeNull();
    expect((await postJson(server().base, '/join', { code: a.joinCode })).status).toBe(200);

    // nothing moved: the same state in every game, as each device sees it and as a new device sees it
    expect(hashes()).toEqual(before);
    for (const [i, s] of students.entries()) {
      const session = i < 2 ? a : b;
      const again = await Student.join(server().base, session.sessionId, {
        kind: 'student',
        code: session.joinCode,
        token: s.token,
      });
      expect(again.last('view')!.logLength).toBe(logs[i]);
      expect(stableHash(again.last('view')!.game)).toBe(before[i]);
      await again.leave();
    }
    // and the class still plays: one legal move goes through
    const mover = students.find((s) => s.last('view')!.game.active === s.role)!;
    mover.autoplay({ rules: summit.rules });
    expect((await mover.waitFor('ack', () => true, 10_000, false)).logLength).toBeGreaterThan(
      logs[students.indexOf(mover)]!,
    );
    await Promise.all([...students, ...teachers, garbage, flood].map((d) => d.leave()));
  });
});
