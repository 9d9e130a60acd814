// Class sessions: the code a teacher reads out, the link that carries the title too, and which
// side each student plays. Codes round-trip for any session; the check character catches every
// single wrong character and every swap of two neighbours; every bad code gets a plain message.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../src/ai/settings.ts';
import { libraryOf, type KnownScenario } from '../src/persist/index.ts';
import { loadShippedScenario, shippedScenarioFiles } from '../src/scenario/node.ts';
import {
  checkSession,
  classSetup,
  encodeSessionCode,
  parseSessionCode,
  parseSessionLink,
  roleFor,
  ROLE_PLANS,
  scenarioTag,
  sessionLink,
  type ClassSession,
} from '../src/classroom/index.ts';
import * as base32 from '../src/classroom/base32.ts';

const { ALPHABET } = base32;

const KNOWN: KnownScenario[] = shippedScenarioFiles().map((file) =>
  loadShippedScenario(file.split('/').at(-1)!.replace('.scenario.yaml', '')),
);
const LIBRARY = libraryOf(KNOWN);
const SUMMIT = KNOWN.find((k) => k.scenario.id === 'vostochny-summit')!;

const SESSION: ClassSession = {
  scenarioId: SUMMIT.scenario.id,
  scenarioHash: SUMMIT.hash,
  roles: 'half-and-half',
  level: 'easy',
  turnSeconds: 90,
  seed: 2023,
};
const CODE = encodeSessionCode(SESSION);

const sessionArb: fc.Arbitrary<ClassSession> = fc
  .record({
    known: fc.constantFrom(...KNOWN),
    roles: fc.constantFrom(...ROLE_PLANS),
    level: fc.constantFrom(...LEVELS),
    turnSeconds: fc.option(fc.integer({ min: 1, max: 60 }).map((n) => n * 15)),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
  })
  .map(({ known, ...rest }) => ({ scenarioId: known.scenario.id, scenarioHash: known.hash, ...rest }));

/** One-line text of 1 to 60 characters, HTML and any script included, without control characters. */
const titleArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((t) => t.trim())
  .filter((t) => t !== '' && Array.from(t).length <= 60 && checkSession({ ...SESSION, title: t }).ok);

describe('session codes', () => {
  it('are 16 letters and digits in four groups, with no I, L, O or U', () => {
    expect(CODE).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(CODE.length).toBeLessThanOrEqual(24);
  });

  it('round-trip for any session of any shipped scenario', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        expect(parseSessionCode(encodeSessionCode(session), LIBRARY)).toEqual({ ok: true, session });
      }),
      { numRuns: 500 },
    );
  });

  it('read as typed: any case, without dashes, with spaces, and I, L, O for 1, 1, 0', () => {
    const plain = CODE.replaceAll('-', '');
    const typed = [
      CODE.toLowerCase(),
      plain,
      ` ${plain.match(/.{1,4}/g)!.join(' ')} `,
      CODE.replaceAll('1', 'l').replaceAll('0', 'O'),
      CODE.replaceAll('1', 'I'),
    ];
    for (const text of typed) expect(parseSessionCode(text, LIBRARY)).toEqual({ ok: true, session: SESSION });
  });

  it('catch every single wrong character, in any code', () => {
    fc.assert(
      fc.property(sessionArb, fc.nat(15), fc.integer({ min: 1, max: 31 }), (session, at, shift) => {
        const symbols = encodeSessionCode(session).replaceAll('-', '');
        const wrong = ALPHABET[(ALPHABET.indexOf(symbols[at]!) + shift) % 32]!;
        const typo = symbols.slice(0, at) + wrong + symbols.slice(at + 1);
        expect(parseSessionCode(typo, LIBRARY)).toMatchObject({ ok: false, code: 'check-failed' });
      }),
      { numRuns: 1000 },
    );
    // and exhaustively for one code: every position, every other symbol
    const symbols = CODE.replaceAll('-', '');
    for (let at = 0; at < symbols.length; at++) {
      for (const c of ALPHABET) {
        if (c === symbols[at]) continue;
        const typo = symbols.slice(0, at) + c + symbols.slice(at + 1);
        expect(parseSessionCode(typo, LIBRARY).ok).toBe(false);
      }
    }
  });

  it('catch every swap of two different neighbours', () => {
    fc.assert(
      fc.property(sessionArb, fc.nat(14), (session, at) => {
        const s = encodeSessionCode(session).replaceAll('-', '');
        fc.pre(s[at] !== s[at + 1]);
        const swapped = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
        expect(parseSessionCode(swapped, LIBRARY)).toMatchObject({ ok: false, code: 'check-failed' });
      }),
      { numRuns: 500 },
    );
  });

  it('give each shipped scenario its own tag', () => {
    const tags = KNOWN.map((k) => scenarioTag(k.scenario.id));
    expect(new Set(tags).size).toBe(KNOWN.length);
  });

  it('say plainly what is wrong', () => {
    const cases: [string, string, RegExp][] = [
      ['', 'empty', /^There is no class code here/],
      ['  -- ', 'empty', /^There is no class code here/],
      [
        CODE.slice(0, -2),
        'wrong-length',
        /^Check the code: a class code has 16 letters and digits, and this one has 14\.$/,
      ],
      [`${CODE}7`, 'wrong-length', /and this one has 17/],
      [
        CODE.replace(/.$/, 'U'),
        'bad-character',
        /^Check the code: it has a character no class code has \("U"\)/,
      ],
      [`<script>${CODE}`, 'bad-character', /\("\?"\)/],
    ];
    for (const [text, code, message] of cases) {
      const read = parseSessionCode(text, LIBRARY);
      expect(read).toMatchObject({ ok: false, code });
      expect(!read.ok && read.message).toMatch(message);
      expect(!read.ok && read.message).not.toMatch(/[<>\n]/);
    }
  });

  it('name a scenario this game does not have, or one changed since the code was made', () => {
    const unknown = libraryOf(KNOWN.filter((k) => k !== SUMMIT));
    expect(parseSessionCode(CODE, unknown)).toEqual({
      ok: false,
      code: 'unknown-scenario',
      message:
        'This class code is for a scenario this game does not have. Ask your teacher which version of the game to use.',
    });
    const edited = {
      scenario: { ...SUMMIT.scenario, title: 'The Vostochny Summit' },
      hash: '0123456789abcdef',
    };
    const changed = parseSessionCode(CODE, libraryOf([...KNOWN.filter((k) => k !== SUMMIT), edited]));
    expect(changed).toMatchObject({ ok: false, code: 'scenario-changed' });
    expect(!changed.ok && changed.message).toMatch(
      /^This class code was made for another version of the scenario "The Vostochny Summit", .* Ask your teacher for a new code\.$/,
    );
  });

  it('refuse codes of a newer version, or that hold no session this game can read', () => {
    // valid check characters around payloads this version never writes
    const { withCheck } = base32;
    const newer = withCheck([8, ...Array<number>(14).fill(0)]); // version bits 01
    expect(parseSessionCode(newer, LIBRARY)).toMatchObject({ ok: false, code: 'newer-version' });
    const symbols = CODE.replaceAll('-', '').slice(0, -1);
    const values = [...symbols].map((c) => ALPHABET.indexOf(c));
    // the timer field (bits 37–42) set to 63: more than 15 minutes
    const bits = values.map((v) => v.toString(2).padStart(5, '0')).join('');
    const timer = bits.slice(0, 37) + '111111' + bits.slice(43);
    const unreadable = withCheck(timer.match(/.{5}/g)!.map((b) => parseInt(b, 2)));
    expect(parseSessionCode(unreadable, LIBRARY)).toMatchObject({ ok: false, code: 'unreadable' });
  });

  it('are refused for sessions that cannot be shared', () => {
    const bad: Partial<ClassSession>[] = [
      { turnSeconds: 20 },
      { turnSeconds: 915 },
      { seed: -1 },
      { seed: 2 ** 32 },
      { scenarioHash: 'd01ac6' },
      { title: 'a'.repeat(61) },
      { title: 'two\nlines' },
    ];
    for (const change of bad) {
      const session = { ...SESSION, ...change };
      expect(checkSession(session)).toMatchObject({ ok: false, code: 'bad-session' });
      expect(() => encodeSessionCode(session)).toThrow(RangeError);
    }
    expect(checkSession({ ...SESSION, title: '  Year 9  ' })).toEqual({
      ok: true,
      session: { ...SESSION, title: 'Year 9' },
    });
    expect(checkSession({ ...SESSION, title: '   ' })).toEqual({ ok: true, session: SESSION });
  });
});

describe('session links', () => {
  it('carry the code and the title, whatever the title holds', () => {
    fc.assert(
      fc.property(sessionArb, fc.option(titleArb, { nil: undefined }), (session, title) => {
        const full = title === undefined ? session : { ...session, title };
        const link = sessionLink('https://example.org/shells/index.html?x=1#replay=old', full);
        expect(link).toMatch(
          /^https:\/\/example\.org\/shells\/index\.html\?x=1#class=[0-9A-Z-]{19}(&title=[^#\s]*)?$/,
        );
        expect(parseSessionLink(link, LIBRARY)).toEqual({ ok: true, session: full });
        expect(parseSessionLink(link.slice(link.indexOf('#')), LIBRARY)).toEqual({ ok: true, session: full });
        expect(parseSessionLink(link.slice(link.indexOf('#') + 1), LIBRARY)).toEqual({
          ok: true,
          session: full,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keep a title with HTML as inert text', () => {
    const title = '<script>alert(1)</script>';
    const link = sessionLink('https://example.org/', { ...SESSION, title });
    expect(link).not.toContain('<');
    expect(parseSessionLink(link, LIBRARY)).toEqual({ ok: true, session: { ...SESSION, title } });
  });

  it('ignore parameters they do not know', () => {
    expect(parseSessionLink(`#class=${CODE}&utm=x&title=Year%209`, LIBRARY)).toEqual({
      ok: true,
      session: { ...SESSION, title: 'Year 9' },
    });
  });

  it('say plainly what is wrong', () => {
    const cases: [string, string, RegExp][] = [
      ['https://example.org/', 'not-a-class-link', /no "#class=" part/],
      ['#replay=abc', 'not-a-class-link', /no "#class=" part/],
      ['#class=', 'empty', /^This class link is empty: nothing follows "#class="\.$/],
      [`#class=${CODE.slice(0, 10)}`, 'wrong-length', /^This class link is damaged: a class code has 16/],
      [
        `#class=${CODE.slice(0, -1)}${CODE.endsWith('0') ? '1' : '0'}`,
        'check-failed',
        /^This class link is damaged/,
      ],
      [`#class=${CODE}&title=%E2%80`, 'bad-title', /its class title/],
      [`#class=${CODE}&title=a%0Ab`, 'bad-title', /its class title/],
      [`#class=${CODE}&title=${'x'.repeat(61)}`, 'bad-title', /1 to 60 characters/],
      [`#class=${'A'.repeat(5000)}`, 'wrong-length', /too long/],
      ['#class=%ZZ', 'bad-character', /\("\?"\)/],
    ];
    for (const [hash, code, message] of cases) {
      const read = parseSessionLink(hash, LIBRARY);
      expect(read, hash).toMatchObject({ ok: false, code });
      expect(!read.ok && read.message).toMatch(message);
    }
  });
});

describe('who plays what', () => {
  it('is fixed by the plan, except for half-and-half', () => {
    for (const [roles, side] of [
      ['all-kim', 'kim'],
      ['all-putin', 'putin'],
      ['pairs', 'both'],
    ] as const) {
      for (const student of [1, 2, 7, 'Ana', 'Team B'])
        expect(roleFor({ ...SESSION, roles }, student)).toBe(side);
    }
  });

  it('half-and-half: odd numbers on the class list play Kim, even numbers Putin', () => {
    const sides = Array.from({ length: 31 }, (_, i) => roleFor(SESSION, i + 1));
    expect(sides.filter((s) => s === 'kim')).toHaveLength(16);
    expect(sides.slice(0, 4)).toEqual(['kim', 'putin', 'kim', 'putin']);
  });

  it('half-and-half: a label draws its side, the same however it is typed, about half each', () => {
    expect(roleFor(SESSION, '  ana  MARIA ')).toBe(roleFor(SESSION, 'Ana Maria'));
    expect(roleFor(SESSION, 'Ana Maria'.normalize('NFD'))).toBe(roleFor(SESSION, 'Ana Maria'));
    const labels = Array.from({ length: 1000 }, (_, i) => `Student ${i + 1}`);
    const kims = labels.filter((l) => roleFor(SESSION, l) === 'kim').length;
    expect(kims).toBeGreaterThan(450);
    expect(kims).toBeLessThan(550);
    // another world draws afresh: many labels change sides
    const moved = labels.filter((l) => roleFor(SESSION, l) !== roleFor({ ...SESSION, seed: 7 }, l)).length;
    expect(moved).toBeGreaterThan(400);
  });

  it('refuses a student number or label that is not one', () => {
    for (const student of [0, -1, 1.5, Number.NaN, '', '   ', 'a\nb', 'x'.repeat(41)])
      expect(() => roleFor(SESSION, student)).toThrow(RangeError);
  });

  it('seats the student, and the computer at the session level', () => {
    expect(classSetup(SESSION, 'kim')).toEqual({
      seats: { kim: 'human', putin: 'computer' },
      computer: { putin: { level: 'easy' } },
      mode: 'vs-computer',
    });
    expect(classSetup({ ...SESSION, level: 'hard' }, 'putin')).toEqual({
      seats: { kim: 'computer', putin: 'human' },
      computer: { kim: { level: 'hard' } },
      mode: 'vs-computer',
    });
    expect(classSetup(SESSION, 'both')).toEqual({ seats: { kim: 'human', putin: 'human' }, mode: 'hotseat' });
  });
});
