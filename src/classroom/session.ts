// A class session: what a teacher shares so that every student plays the same world. Its
// essentials travel as a 16-character code to read aloud or type (four groups of four, the last
// character a check); the class title, free text, travels only in the link (sessionLink.ts).
// docs/classroom.md describes the code bit by bit, and every message.
import { isLevel, LEVELS, type Level } from '../ai/settings.ts';
import { isSeed } from '../engine/index.ts';
import { HASH } from '../persist/format.ts';
import type { ListedScenario } from '../persist/library.ts';
import { fail, type Failure } from '../persist/result.ts';
import { quoted } from '../persist/text.ts';
import { BitReader, BitWriter, checks, grouped, normalize, valuesOf, withCheck } from './base32.ts';
import { hash32 } from './fnv.ts';
import { freeText, MAX_TITLE_LENGTH } from './text.ts';

/** Who the students play: all Kim, all Putin, both roles in pairs on one device, or half each. */
export const ROLE_PLANS = ['all-kim', 'all-putin', 'pairs', 'half-and-half'] as const;
export type RolePlan = (typeof ROLE_PLANS)[number];

/** The turn timer, when there is one: a whole multiple of 15 seconds, from 15 s to 15 min. */
export const TURN_SECONDS_STEP = 15;
export const MAX_TURN_SECONDS = 900;

export interface ClassSession {
  scenarioId: string;
  /** The scenario's content hash (16 hexadecimal digits), as the library lists it. */
  scenarioHash: string;
  roles: RolePlan;
  /** How the computer plays the roles no student holds. */
  level: Level;
  /** Seconds a student has for each move, or null for no timer. */
  turnSeconds: number | null;
  /** The world number: every student's game starts from it. */
  seed: number;
  /** A short title for the class (≤ 60 characters), shown as text only; carried by the link, not the code. */
  title?: string;
}

/** What a session code is read against: the scenarios of this game (the page's `content` is one). */
export interface SessionLibrary {
  readonly scenarios: readonly ListedScenario[];
}

export type SessionErrorCode =
  | 'bad-session'
  | 'empty'
  | 'bad-character'
  | 'wrong-length'
  | 'check-failed'
  | 'newer-version'
  | 'unreadable'
  | 'unknown-scenario'
  | 'scenario-changed'
  | 'not-a-class-link'
  | 'bad-title';

export type SessionError = Failure<SessionErrorCode>;
export type SessionRead = { ok: true; session: ClassSession } | SessionError;

/** Symbols in a code, its check character included (shown as four groups of four). */
export const CODE_LENGTH = 16;
/** The layout, most significant bit first: 75 bits in 15 symbols, then the check. */
const BITS = { version: 2, tag: 11, hash: 20, roles: 2, level: 2, timer: 6, seed: 32 } as const;
/** The code version is written as this number minus one (so version 1 codes start with 0–7). */
const CODE_VERSION = 1;

/** The scenario's tag in a code: 11 bits of a hash of its id (hash32). */
export function scenarioTag(id: string): number {
  return hash32(id) % 2 ** BITS.tag;
}

function isTurnSeconds(value: unknown): value is number | null {
  return (
    value === null ||
    (typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= TURN_SECONDS_STEP &&
      value <= MAX_TURN_SECONDS &&
      value % TURN_SECONDS_STEP === 0)
  );
}

/** A session's fields checked (the title trimmed, an empty one dropped), or what is wrong. */
export function checkSession(value: ClassSession): SessionRead {
  const problem = sessionProblem(value);
  if (problem !== null) return fail('bad-session', `This class session cannot be shared: ${problem}.`);
  const title = value.title === undefined ? null : freeText(value.title, MAX_TITLE_LENGTH);
  const { scenarioId, scenarioHash, roles, level, turnSeconds, seed } = value;
  const session: ClassSession = { scenarioId, scenarioHash, roles, level, turnSeconds, seed };
  if (title !== null) session.title = title;
  return { ok: true, session };
}

function sessionProblem(s: ClassSession): string | null {
  if (typeof s.scenarioId !== 'string' || s.scenarioId === '') return 'it names no scenario';
  if (typeof s.scenarioHash !== 'string' || !HASH.test(s.scenarioHash))
    return 'its scenario hash must be 16 hexadecimal digits';
  if (!(ROLE_PLANS as readonly string[]).includes(s.roles))
    return `its roles must be one of ${ROLE_PLANS.join(', ')}`;
  if (!isLevel(s.level)) return `its level must be one of ${LEVELS.join(', ')}`;
  if (!isTurnSeconds(s.turnSeconds))
    return `its turn timer must be none, or a multiple of ${TURN_SECONDS_STEP} seconds up to ${MAX_TURN_SECONDS}`;
  if (!isSeed(s.seed)) return 'its world number must be a whole number from 0 to 4294967295';
  if (s.title !== undefined && s.title.trim() !== '' && freeText(s.title, MAX_TITLE_LENGTH) === null)
    return `its title must be at most ${MAX_TITLE_LENGTH} characters, on one line`;
  return null;
}

/**
 * The session's code, e.g. "25F8-1NK0-R000-1Z7P": everything but the title. Throws a RangeError
 * for a session `checkSession` refuses (a programming error: check it first).
 */
export function encodeSessionCode(s: ClassSession): string {
  const checked = checkSession(s);
  if (!checked.ok) throw new RangeError(checked.message);
  const writer = new BitWriter()
    .write(CODE_VERSION - 1, BITS.version)
    .write(scenarioTag(s.scenarioId), BITS.tag)
    .write(parseInt(s.scenarioHash.slice(0, BITS.hash / 4), 16), BITS.hash)
    .write(ROLE_PLANS.indexOf(s.roles), BITS.roles)
    .write(LEVELS.indexOf(s.level), BITS.level)
    .write(s.turnSeconds === null ? 0 : s.turnSeconds / TURN_SECONDS_STEP, BITS.timer)
    .write(s.seed, BITS.seed);
  return grouped(withCheck(writer.symbols()));
}

/** How messages name what was read: a code typed, or the code inside a link. */
export interface Wording {
  /** "Check the code" */
  check: string;
  /** "This class code" */
  it: string;
  /** The whole message when there is nothing to read. */
  empty: string;
}

const CODE_WORDING: Wording = {
  check: 'Check the code',
  it: 'This class code',
  empty: 'There is no class code here: type the code your teacher gave you.',
};

/**
 * Reads a class code as typed (any case, with or without dashes and spaces; I and L read as 1, O
 * as 0) against this game's scenarios. Never throws; a bad code gives a plain-English message.
 */
export function parseSessionCode(text: string, library: SessionLibrary): SessionRead {
  return readCode(text, library, CODE_WORDING);
}

/** parseSessionCode, with messages worded for where the code came from. */
export function readCode(text: string, library: SessionLibrary, wording: Wording): SessionRead {
  const typed = normalize(typeof text === 'string' ? text : '');
  if (!typed.ok) {
    return fail(
      'bad-character',
      `${wording.check}: it has a character no class code has (${quoted(typed.bad)}). ` +
        `A class code has ${CODE_LENGTH} letters and digits.`,
    );
  }
  const { symbols } = typed;
  if (symbols === '') return fail('empty', wording.empty);
  if (symbols.length !== CODE_LENGTH) {
    return fail(
      'wrong-length',
      `${wording.check}: a class code has ${CODE_LENGTH} letters and digits, and this one has ${symbols.length}.`,
    );
  }
  if (!checks(symbols))
    return fail(
      'check-failed',
      `${wording.check}: one of its letters or digits is wrong, or two are swapped.`,
    );
  return decode(new BitReader(valuesOf(symbols.slice(0, -1))), library, wording);
}

function decode(reader: BitReader, library: SessionLibrary, wording: Wording): SessionRead {
  const version = reader.read(BITS.version) + 1;
  if (version !== CODE_VERSION) {
    return fail(
      'newer-version',
      `${wording.it} was made by a newer version of the game, which this one cannot read. ` +
        'Ask your teacher which version of the game to use.',
    );
  }
  const tag = reader.read(BITS.tag);
  const prefix = reader
    .read(BITS.hash)
    .toString(16)
    .padStart(BITS.hash / 4, '0');
  const roles = ROLE_PLANS[reader.read(BITS.roles)];
  const level = LEVELS[reader.read(BITS.level)];
  const timer = reader.read(BITS.timer);
  const seed = reader.read(BITS.seed);
  const turnSeconds = timer === 0 ? null : timer * TURN_SECONDS_STEP;
  if (roles === undefined || level === undefined || !isTurnSeconds(turnSeconds))
    return fail('unreadable', `${wording.check}: it does not hold a class session this game can read.`);
  const scenario = findScenario(tag, prefix, library, wording);
  if (!scenario.ok) return scenario;
  const { id: scenarioId } = scenario.listed.cover;
  return {
    ok: true,
    session: { scenarioId, scenarioHash: scenario.listed.hash, roles, level, turnSeconds, seed },
  };
}

function findScenario(
  tag: number,
  prefix: string,
  library: SessionLibrary,
  wording: Wording,
): { ok: true; listed: ListedScenario } | SessionError {
  const tagged = library.scenarios.filter((s) => scenarioTag(s.cover.id) === tag);
  const exact = tagged.find((s) => s.hash.startsWith(prefix));
  if (exact) return { ok: true, listed: exact };
  if (tagged.length === 0) {
    return fail(
      'unknown-scenario',
      `${wording.it} is for a scenario this game does not have. Ask your teacher which version of the game to use.`,
    );
  }
  const titles = tagged.map((s) => `"${s.cover.title}"`).join(' or ');
  return fail(
    'scenario-changed',
    `${wording.it} was made for another version of the scenario ${titles}, so its games would not be ` +
      'the same as this game’s. Ask your teacher for a new code.',
  );
}
