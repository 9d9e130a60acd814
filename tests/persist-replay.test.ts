import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Content } from '../src/bridge/content.ts';
import { compileRules, replay, stableHash } from '../src/engine/index.ts';
import {
  buildReplay,
  compactReplay,
  MAX_REPLAY_BYTES,
  parseReplay,
  replayScenarioId,
  serializeReplay,
  type KnownScenario,
  type ReplayErrorCode,
  type ReplayLibrary,
  type ReplayFile,
  type ReplaySetup,
} from '../src/persist/index.ts';
import {
  LIBRARY,
  MINI,
  playGame,
  REPLAYS,
  replayOf,
  SETUP,
  SUMMIT,
  withField,
} from './fixtures/replays/support.ts';

const BASE = replayOf(MINI, 5);
const BASE_TEXT = serializeReplay(BASE);

/** The base replay as text, with the field at `path` set to `value` (or removed). */
function edited(path: readonly (string | number)[], value: unknown, base: ReplayFile = BASE): string {
  return withField(base, path, value);
}

function rejection(input: unknown, library = LIBRARY): { code: ReplayErrorCode; message: string } {
  const result = parseReplay(input, library);
  if (result.ok) throw new Error('expected a rejection');
  return { code: result.code, message: result.message };
}

describe('a replay round trip', () => {
  it('gives back every state of a whole 12-month game, and its final hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const game = playGame(SUMMIT, seed);
        const file = buildReplay({ scenarioHash: SUMMIT.hash, state: game, setup: SETUP });
        const parsed = parseReplay(serializeReplay(file), LIBRARY);
        if (!parsed.ok) throw new Error(parsed.message);
        const expected = replay(compileRules(SUMMIT.scenario), seed, game.log);
        expect(parsed.states).toEqual(expected.states);
        expect(parsed.states.at(-1)).toEqual(game);
        expect(stableHash(parsed.states.at(-1))).toBe(file.outcome.stateHash);
        expect(parsed.replay).toEqual(file);
      }),
      { numRuns: 8 },
    );
  });

  it('works for games cut off at any move, finished or not, in pretty and compact form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(8), (seed, moves) => {
        const file = replayOf(MINI, seed, { moves });
        for (const text of [serializeReplay(file), compactReplay(file)]) {
          const parsed = parseReplay(text, LIBRARY);
          if (!parsed.ok) throw new Error(parsed.message);
          expect(parsed.replay).toEqual(file);
          expect(parsed.states).toHaveLength(file.log.length + 1);
          expect(stableHash(parsed.states.at(-1))).toBe(file.outcome.stateHash);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes the same text whatever order the keys came in, and parsing it back changes nothing', () => {
    const shuffled = JSON.parse(BASE_TEXT) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(shuffled).toReversed()) as unknown as ReplayFile;
    expect(serializeReplay(reversed)).toBe(BASE_TEXT);
    const parsed = parseReplay(BASE_TEXT, LIBRARY);
    expect(parsed.ok && serializeReplay(parsed.replay)).toBe(BASE_TEXT);
    expect(BASE_TEXT.split('\n').slice(0, 4)).toEqual([
      '{',
      '  "format": "shells-for-oil-replay",',
      '  "version": 1,',
      `  "scenario": { "id": "mini", "hash": "${MINI.hash}" },`,
    ]);
    expect(BASE_TEXT).toContain(
      `\n    { "type": "choose", "role": "kim", "card": "sell-shells", "option": "sell" },\n`,
    );
  });

  it('leaves out what the caller did not give, and reads files without it', () => {
    const file = buildReplay({
      scenarioHash: MINI.hash,
      state: playGame(MINI, 3),
      setup: { seats: { kim: 'human', putin: 'human' } },
    });
    expect(Object.keys(file)).not.toContain('savedAt');
    expect(serializeReplay(file)).not.toMatch(/savedAt|computer|mode/);
    expect(parseReplay(serializeReplay(file), LIBRARY).ok).toBe(true);
  });

  it('records the computer of each role it played, kim before putin, and accepts an empty "computer"', () => {
    const watch: ReplaySetup = {
      seats: { kim: 'computer', putin: 'computer' },
      computer: { putin: { personality: 'cautious-guardian', level: 'hard' }, kim: { level: 'easy' } },
      mode: 'watch',
    };
    const file = replayOf(MINI, 5, { setup: watch });
    const text = serializeReplay(file);
    expect(text).toContain(
      '  "setup": {\n' +
        '    "seats": { "kim": "computer", "putin": "computer" },\n' +
        '    "computer": {\n' +
        '      "kim": { "level": "easy" },\n' +
        '      "putin": { "level": "hard", "personality": "cautious-guardian" }\n' +
        '    },\n' +
        '    "mode": "watch"\n' +
        '  },\n',
    );
    const parsed = parseReplay(text, LIBRARY);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.replay.setup).toEqual(watch);
    expect(compactReplay(parsed.replay)).toContain(
      '"setup":{"seats":{"kim":"computer","putin":"computer"},"computer":{"kim":{"level":"easy"},"putin":{"level":"hard","personality":"cautious-guardian"}},"mode":"watch"}',
    );

    const empty = replayOf(MINI, 5, { setup: { seats: { kim: 'human', putin: 'human' }, computer: {} } });
    const emptyText = serializeReplay(empty);
    expect(emptyText).toContain('"computer": {}');
    const read = parseReplay(emptyText, LIBRARY);
    expect(read.ok && read.replay.setup).toEqual({ seats: { kim: 'human', putin: 'human' }, computer: {} });
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(parseReplay(`\uFEFF${BASE_TEXT}`, LIBRARY).ok).toBe(true);
  });

  it('replays the committed fixture in Node to the state hash the file records', () => {
    const text = readFileSync(resolve(REPLAYS, 'mini-game.replay.json'), 'utf8');
    const parsed = parseReplay(text, LIBRARY);
    if (!parsed.ok) throw new Error(parsed.message);
    const recorded = (JSON.parse(text) as ReplayFile).outcome.stateHash;
    expect(stableHash(parsed.states.at(-1))).toBe(recorded);
    expect(parsed.states.at(-1)!.ending?.id).toBe('both-win');
  });
});

/** The messages of the two codes with many causes, as docs/replay-format.md gives them. */
const damaged = (problem: string): string => `This replay is damaged: ${problem}.`;
const mismatch = (says: string, gives: string): string =>
  `This replay's recorded result does not match its moves: the file says ${says}, but playing the moves gives ${gives}. It was edited, or made by a different version of the game.`;

/** Every scenario listed (as the page lists them before loading any), none at hand. */
const LISTED_ONLY: ReplayLibrary = { scenarios: LIBRARY.scenarios, loaded: () => undefined };

describe('a page that loads scenarios on demand', () => {
  it('learns which scenario to load from the text, then reads the replay', () => {
    expect(replayScenarioId(BASE_TEXT)).toBe('mini');
    expect(replayScenarioId('{"scenario": {"id": "x"}}')).toBe('x');
    for (const text of [42, '', '{', '[]', '{"scenario": 1}', '{"scenario": {"id": 2}}'])
      expect(replayScenarioId(text)).toBeNull();
    const cache = new Map<string, KnownScenario>();
    const page: ReplayLibrary = { scenarios: LIBRARY.scenarios, loaded: (id) => cache.get(id) };
    expect(parseReplay(BASE_TEXT, page)).toMatchObject({ ok: false, code: 'scenario-not-loaded' });
    cache.set('mini', MINI); // what `await loadScenario(id)` does in the page
    expect(parseReplay(BASE_TEXT, page)).toMatchObject({ ok: true, replay: BASE });
  });

  it("takes the page's `content` (src/bridge/content.ts) as its library, as it is", () => {
    expectTypeOf<Content>().toExtend<ReplayLibrary>();
  });

  it('refuses a loaded scenario whose hash is not the listed one', () => {
    const stale: ReplayLibrary = {
      scenarios: LIBRARY.scenarios,
      loaded: () => ({ ...MINI, hash: '0'.repeat(16) }),
    };
    expect(rejection(BASE_TEXT, stale).code).toBe('scenario-changed');
  });
});

describe('every rejection, with its message', () => {
  const seatsMessage = damaged('"setup.seats.putin" must be "human" or "computer"');
  const cases: [string, unknown, ReplayErrorCode, string, ReplayLibrary?][] = [
    ['a number', 42, 'not-text', 'A replay must be text, and this is a number.'],
    ['nothing', undefined, 'not-text', 'A replay must be text, and this is nothing.'],
    ['bytes', new Uint8Array(3), 'not-text', 'A replay must be text, and this is binary data.'],
    [
      'too large',
      ' '.repeat(MAX_REPLAY_BYTES + 1),
      'too-large',
      'This file is too large to be a replay: it is 513 kB, and a replay is at most 512 kB.',
    ],
    [
      'too large in UTF-8 only',
      'é'.repeat(MAX_REPLAY_BYTES / 2 + 1),
      'too-large',
      'This file is too large to be a replay: it is 513 kB, and a replay is at most 512 kB.',
    ],
    ['empty', '', 'empty', 'This file is empty: there is no replay in it.'],
    ['blank', ' \n\t', 'empty', 'This file is empty: there is no replay in it.'],
    [
      'broken JSON',
      '{\n  "format": }',
      'not-json',
      'This file is not a replay: it is not valid JSON (unexpected "}" at line 2, column 13).',
    ],
    [
      'cut-short JSON',
      BASE_TEXT.slice(0, 60),
      'not-json',
      'This file is not a replay: it is not valid JSON (the text ends too early at line 4, column 6).',
    ],
    [
      'a control character',
      '{"a": "\u0001"}',
      'not-json',
      'This file is not a replay: it is not valid JSON (unexpected character U+0001 at line 1, column 8).',
    ],
    [
      'a web page',
      '<!doctype html><script>alert(1)</script>',
      'not-json',
      'This file is not a replay: it looks like a web page (HTML), not JSON.',
    ],
    [
      'a list',
      '[1, 2]',
      'wrong-format',
      'This file is not a Shells for Oil replay: it is JSON, but without the mark "format": "shells-for-oil-replay".',
    ],
    [
      'another format',
      '{"format": "chess-pgn"}',
      'wrong-format',
      'This file is not a Shells for Oil replay: it is JSON, but without the mark "format": "shells-for-oil-replay".',
    ],
    [
      'a newer version',
      edited(['version'], 2),
      'unsupported-version',
      'This replay is in format version 2, made by a newer version of the game; this game reads version 1.',
    ],
    [
      'version 0',
      edited(['version'], 0),
      'unsupported-version',
      'This replay has no valid format version (this game reads version 1).',
    ],
    [
      'a version as text',
      edited(['version'], '1'),
      'unsupported-version',
      'This replay has no valid format version (this game reads version 1).',
    ],
    [
      'an extra field',
      edited(['comment'], 'hi'),
      'malformed',
      damaged('it has a field it should not have ("comment")'),
    ],
    [
      'an extra nested field',
      edited(['setup', 'seats', 'china'], 'computer'),
      'malformed',
      damaged('it has a field it should not have ("setup.seats.china")'),
    ],
    [
      'no scenario',
      edited(['scenario'], undefined),
      'malformed',
      damaged('it does not say which scenario it is of ("scenario": { "id": …, "hash": … })'),
    ],
    [
      'a bad scenario hash',
      edited(['scenario', 'hash'], 'XYZ'),
      'malformed',
      damaged('"scenario.hash" must be 16 hexadecimal digits'),
    ],
    [
      'an unknown scenario',
      edited(['scenario', 'id'], 'two-parents'),
      'unknown-scenario',
      'This replay is of a scenario this game does not have ("two-parents"; the scenarios here: "The Vostochny Summit", "Mini deal").',
    ],
    [
      'another version of the scenario',
      edited(['scenario', 'hash'], '0123456789abcdef'),
      'scenario-changed',
      `This replay was made with a different version of the scenario "Mini deal" (its content hash is 0123456789abcdef; this game has ${MINI.hash}) — it cannot be replayed exactly.`,
    ],
    [
      'a scenario not at hand',
      BASE_TEXT,
      'scenario-not-loaded',
      'The scenario "Mini deal" could not be loaded, so this replay cannot be played. Check the connection and try again.',
      LISTED_ONLY,
    ],
    ...[-1, 1.5, 2 ** 32, '5', null].map((seed): [string, unknown, ReplayErrorCode, string] => [
      `seed ${String(seed)}`,
      edited(['seed'], seed),
      'bad-seed',
      damaged('its seed must be a whole number from 0 to 4294967295'),
    ]),
    [
      'no setup',
      edited(['setup'], undefined),
      'malformed',
      damaged('it has no "setup" saying who sat where'),
    ],
    ['a bad seat', edited(['setup', 'seats', 'putin'], 'robot'), 'malformed', seatsMessage],
    ['a missing seat', edited(['setup', 'seats', 'putin'], undefined), 'malformed', seatsMessage],
    [
      'a bad level',
      edited(['setup', 'computer', 'putin', 'level'], 'brutal'),
      'malformed',
      damaged('"setup.computer.putin.level" must be "easy", "normal" or "hard"'),
    ],
    [
      'a computer entry without a level',
      edited(['setup', 'computer', 'putin'], { personality: 'calm' }),
      'malformed',
      damaged('"setup.computer.putin.level" must be "easy", "normal" or "hard"'),
    ],
    [
      'a computer entry that is not an object',
      edited(['setup', 'computer', 'putin'], 'hard'),
      'malformed',
      damaged('"setup.computer.putin" must be an object with a level'),
    ],
    [
      'a computer that is not an object',
      edited(['setup', 'computer'], [{ level: 'hard' }]),
      'malformed',
      damaged('"setup.computer" must be an object with an entry for each role the computer played'),
    ],
    [
      'a computer for a role that is not one',
      edited(['setup', 'computer', 'china'], { level: 'hard' }),
      'malformed',
      damaged('it has a field it should not have ("setup.computer.china")'),
    ],
    [
      'an extra field in a computer entry',
      edited(['setup', 'computer', 'putin', 'depth'], 3),
      'malformed',
      damaged('it has a field it should not have ("setup.computer.putin.depth")'),
    ],
    [
      'a computer for a role a human played',
      edited(['setup', 'computer', 'kim'], { level: 'easy' }),
      'malformed',
      damaged('"setup.computer.kim" describes the computer, but kim\'s seat is "human"'),
    ],
    [
      'a mode too long',
      edited(['setup', 'mode'], 'x'.repeat(65)),
      'malformed',
      damaged('"setup.mode" must be text of 1 to 64 characters, without control characters'),
    ],
    [
      'a personality with a control character',
      edited(['setup', 'computer', 'putin', 'personality'], 'a\u202eb'),
      'malformed',
      damaged(
        '"setup.computer.putin.personality" must be text of 1 to 64 characters, without control characters',
      ),
    ],
    [
      'a log that is not a list',
      edited(['log'], {}),
      'bad-log',
      damaged('its "log" must be a list of moves'),
    ],
    [
      'too many moves',
      edited(
        ['log'],
        Array.from({ length: 5001 }, () => BASE.log[0]),
      ),
      'bad-log',
      damaged('its log has 5,001 moves, more than the 5,000 a replay may have'),
    ],
    [
      'a move that is not one',
      edited(['log', 2], { type: 'pass', role: 'kim' }),
      'bad-log',
      damaged(
        'move 3 of the log is not a move (a move is { "type": "choose", "role": "kim" or "putin", "card": …, "option": … })',
      ),
    ],
    [
      'a move with an extra field',
      edited(['log', 0, 'note'], 'x'),
      'bad-log',
      damaged(
        'move 1 of the log is not a move (a move is { "type": "choose", "role": "kim" or "putin", "card": …, "option": … })',
      ),
    ],
    [
      'an unknown card',
      edited(['log', 1, 'card'], 'buy-more-shells-than-anyone-could-ever-need-for-any-war'),
      'bad-log',
      damaged(
        'move 2 of the log names a card this scenario does not have ("buy-more-shells-than-anyone-could-ever-n…")',
      ),
    ],
    [
      'an unknown option',
      edited(['log', 1, 'option'], 'steal'),
      'bad-log',
      damaged('move 2 of the log names an option the card "Buy shells" does not have ("steal")'),
    ],
    [
      'a move out of turn',
      compactReplay({ ...BASE, log: BASE.log.toSpliced(1, 1) }),
      'illegal-move',
      "This replay cannot be played back: move 2 is against the rules. It is putin's move, not kim's.",
    ],
    [
      'a card not in hand',
      edited(['log', 0], { type: 'choose', role: 'kim', card: 'deny', option: 'admit' }),
      'illegal-move',
      'This replay cannot be played back: move 1 is against the rules. "Deny" is not in kim\'s hand.',
    ],
    [
      'a bad outcome',
      edited(['outcome', 'turn'], 0),
      'malformed',
      damaged('"outcome.turn" must be a whole number from 1 to 10,000'),
    ],
    [
      'a bad state hash',
      edited(['outcome', 'stateHash'], 'not a hash'),
      'malformed',
      damaged('"outcome.stateHash" must be 16 hexadecimal digits'),
    ],
    [
      'a bad date',
      edited(['savedAt'], 'yesterday'),
      'malformed',
      damaged('"savedAt" must be a date and time such as "2026-11-27T21:10:00.000Z"'),
    ],
    ['an edited turn', edited(['outcome', 'turn'], 2), 'outcome-mismatch', mismatch('month 2', 'month 3')],
    [
      'an edited phase',
      edited(['outcome', 'phase'], 'playing'),
      'outcome-mismatch',
      mismatch('the game is still going', 'the game is over'),
    ],
    [
      'an edited ending',
      edited(['outcome', 'ending'], 'stalemate'),
      'outcome-mismatch',
      mismatch('the ending "stalemate"', 'the ending "both-win"'),
    ],
    [
      'an edited state hash',
      edited(['outcome', 'stateHash'], '0123456789abcdef'),
      'outcome-mismatch',
      mismatch('state hash 0123456789abcdef', `state hash ${BASE.outcome.stateHash}`),
    ],
  ];

  it.each(cases)('%s', (_name, input, code, message, library) => {
    expect(rejection(input, library)).toEqual({ code, message });
  });

  it('covers every code', () => {
    const codes = new Set(cases.map(([, , code]) => code));
    const all: ReplayErrorCode[] = [
      'not-text',
      'too-large',
      'empty',
      'not-json',
      'wrong-format',
      'unsupported-version',
      'malformed',
      'unknown-scenario',
      'scenario-changed',
      'scenario-not-loaded',
      'bad-seed',
      'bad-log',
      'illegal-move',
      'outcome-mismatch',
    ];
    expect([...codes].toSorted()).toEqual(all.toSorted());
  });

  it('catches a legal but edited game through the state hash: another option, or a move dropped at the end', () => {
    const shorter = compactReplay({ ...BASE, log: BASE.log.slice(0, -1) });
    expect(rejection(shorter).code).toBe('outcome-mismatch');
    // "refuse" instead of "sell" is just as legal in the first month: only the outcome can tell
    const other = edited(['log', 0, 'option'], 'refuse', replayOf(MINI, 5, { moves: 1 }));
    expect(rejection(other)).toMatchObject({ code: 'outcome-mismatch' });
    expect(rejection(other).message).toMatch(/^This replay's recorded result does not match its moves/);
  });
});

describe('HTML and script in text fields', () => {
  const PAYLOAD = '<img src=x onerror=alert(1)>';

  it('keeps them as inert strings in setup.mode and the personality (shown as text only)', () => {
    const text = compactReplay({
      ...BASE,
      setup: {
        ...BASE.setup,
        mode: PAYLOAD,
        computer: { putin: { level: 'hard', personality: '<script>alert(1)</script>' } },
      },
    });
    const parsed = parseReplay(text, LIBRARY);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.replay.setup.mode).toBe(PAYLOAD);
    expect(parsed.replay.setup.computer?.putin?.personality).toBe('<script>alert(1)</script>');
    expect(serializeReplay(parsed.replay)).toContain(JSON.stringify(PAYLOAD));
  });

  it('never quotes markup back in a message', () => {
    for (const input of [
      edited(['scenario', 'id'], PAYLOAD),
      edited(['log', 0, 'card'], PAYLOAD),
      edited([PAYLOAD], 1),
      edited(['outcome', 'ending'], PAYLOAD),
      `{"format": "shells-for-oil-replay", ${PAYLOAD}}`,
    ]) {
      const { message } = rejection(input);
      expect(message).not.toMatch(/[<>]/);
      expect(message.length).toBeLessThan(300);
    }
    expect(rejection(edited(['scenario', 'id'], PAYLOAD)).message).toBe(
      'This replay is of a scenario this game does not have ("?img src=x onerror=alert(1)?"; the scenarios here: "The Vostochny Summit", "Mini deal").',
    );
  });
});
