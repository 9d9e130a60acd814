// The live protocol's checks: every client message and join option is read by its schema, and
// anything else is a plain error, never a throw.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_MESSAGES,
  normalizeJoinCode,
  parseClientMessage,
  parseJoinOptions,
  showJoinCode,
} from '../../src/live/protocol.ts';

describe('parseClientMessage', () => {
  it('reads every well-formed message', () => {
    expect(parseClientMessage('move', { card: 'c', option: 'o', turn: 1, logLength: 0 })).toEqual({
      ok: true,
      message: { type: 'move', payload: { card: 'c', option: 'o', turn: 1, logLength: 0 } },
    });
    for (const type of ['start', 'pause', 'resume', 'end'])
      expect(parseClientMessage(type, undefined).ok).toBe(true);
    expect(parseClientMessage('remove', { studentId: 's3' }).ok).toBe(true);
    expect(parseClientMessage('pair', { a: 's1', b: 's2' }).ok).toBe(true);
  });

  it('refuses wrong types and shapes with a plain message', () => {
    const cases: [unknown, unknown, string][] = [
      ['moves', {}, 'unknown-type'],
      [7, {}, 'unknown-type'],
      ['__proto__', {}, 'unknown-type'],
      ['toString', {}, 'unknown-type'],
      ['move', { card: 'c', option: 'o', turn: 1 }, 'bad-message'],
      ['move', { card: 'c', option: 'o', turn: 1, logLength: 0, role: 'putin' }, 'bad-message'],
      ['move', { card: 'x'.repeat(100_000), option: 'o', turn: 1, logLength: 0 }, 'bad-message'],
      ['pair', { a: 's1', b: 's1' }, 'bad-message'],
      ['start', { now: true }, 'bad-message'],
      ['remove', { studentId: '<script>' }, 'bad-message'],
      ['start', { '<b>\n': 1 }, 'bad-message'],
    ];
    for (const [type, payload, code] of cases) {
      const read = parseClientMessage(type, payload);
      expect(read).toMatchObject({ ok: false, code });
      expect(read.ok ? '' : read.message).not.toMatch(/[<>\n]/);
    }
  });

  it('never throws, whatever arrives', () => {
    const types = fc.oneof(fc.constantFrom(...Object.keys(CLIENT_MESSAGES)), fc.string(), fc.anything());
    fc.assert(
      fc.property(types, fc.anything(), (type, payload) => {
        const read = parseClientMessage(type, payload);
        expect(typeof read.ok).toBe('boolean');
        expect(read.ok ? '' : read.message).not.toMatch(/[<>\n]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('join options and codes', () => {
  it('reads a student, a returning student and a teacher', () => {
    expect(parseJoinOptions({ kind: 'student', code: 'abcd-efgh', name: '  Ada ' })).toEqual({
      ok: true,
      message: { kind: 'student', code: 'abcd-efgh', name: 'Ada' },
    });
    expect(parseJoinOptions({ kind: 'student', code: 'ABCDEFGH', token: 'x'.repeat(22) }).ok).toBe(true);
    expect(parseJoinOptions({ kind: 'teacher', secret: 'y'.repeat(43) }).ok).toBe(true);
  });

  it('refuses bad options', () => {
    for (const bad of [
      null,
      'student',
      { kind: 'teacher' },
      { kind: 'teacher', secret: 'short' },
      { kind: 'student', code: 'ABCDEFGH' },
      { kind: 'student', code: 'ABCDEFGH', name: '' },
      { kind: 'student', code: 'ABCDEFGH', name: 'a\nb' },
      { kind: 'student', code: 'ABCDEFGH', name: 'x'.repeat(41) },
      { kind: 'student', code: '25F8-1NK0-R000-1Z7P', name: 'Ada' },
      { kind: 'student', code: 'ABCDEFGH', name: 'Ada', admin: true },
    ])
      expect(parseJoinOptions(bad).ok).toBe(false);
  });

  it('reads a join code as typed, and never an offline class code', () => {
    expect(normalizeJoinCode('abcd efgh')).toBe('ABCDEFGH');
    expect(normalizeJoinCode('1L0O-IIII')).toBe('11001111');
    expect(normalizeJoinCode('25F8-1NK0-R000-1Z7P')).toBeNull();
    expect(normalizeJoinCode('ABCU-EFGH')).toBeNull();
    expect(showJoinCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });
});
