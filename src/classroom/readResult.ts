// Checking one result's data: its fields, its class code, and its game, which is read, checked and
// played exactly as a replay file is (parseReplay), then matched with the class session.
import type { GameState, Rules } from '../engine/index.ts';
import { parseReplay, REPLAY_FORMAT, type ReplayFile, type ReplayLibrary } from '../persist/index.ts';
import { isRecord } from '../persist/readJson.ts';
import { quoted } from '../persist/text.ts';
import type { Scenario } from '../scenario/schema.ts';
import { sessionMismatch } from './match.ts';
import { RESULT_FORMAT, RESULT_VERSION } from './result.ts';
import { sideOfSeats, type Side } from './roles.ts';
import { encodeSessionCode, parseSessionCode, type ClassSession } from './session.ts';
import { freeText, MAX_LABEL_LENGTH } from './text.ts';

/** A result that checked out: whose game, of which session, and the game with every state. */
export interface CheckedResult {
  /** The input it came from: the file's name, and ", code N" for one code of a paste of several. */
  name: string;
  /** The student's name or team, trimmed: free text, to show as text only. */
  label: string;
  /** The session's code, in canonical form ("ABCD-EFGH-JKMN-PQRS"). */
  sessionCode: string;
  session: ClassSession;
  /** The side the student played (the game's human seats). */
  side: Side;
  replay: ReplayFile;
  scenario: Scenario;
  rules: Rules;
  /** states[0] is the first state, states[i] the state after move i. */
  states: readonly GameState[];
}

export type ResultErrorCode =
  | 'wrong-format'
  | 'is-replay'
  | 'unsupported-version'
  | 'malformed'
  | 'bad-label'
  | 'bad-session'
  | 'bad-replay'
  | 'not-this-session';

export interface ReadError {
  ok: false;
  code: ResultErrorCode;
  message: string;
  /** For bad-session and bad-replay: the code of the session's or the replay's own error. */
  cause?: string;
}

const FIELDS = ['format', 'version', 'label', 'session', 'replay'];

/** One result's data checked against this game's scenarios; `name` is carried through. */
export function readResult(
  name: string,
  value: unknown,
  library: ReplayLibrary,
): { ok: true; result: CheckedResult } | ReadError {
  if (!isRecord(value) || value.format !== RESULT_FORMAT) {
    if (isRecord(value) && value.format === REPLAY_FORMAT)
      return error(
        'is-replay',
        'This is the replay of a game, not a class result: a result also says who played it and in which class session.',
      );
    return error(
      'wrong-format',
      `This is not a Shells for Oil class result: it is JSON, but without the mark "format": "${RESULT_FORMAT}".`,
    );
  }
  if (value.version !== RESULT_VERSION) return error('unsupported-version', versionMessage(value.version));
  const extra = Object.keys(value).find((k) => !FIELDS.includes(k));
  if (extra !== undefined)
    return error(
      'malformed',
      `This result is damaged: it has a field it should not have (${quoted(extra)}).`,
    );
  const label = freeText(value.label, MAX_LABEL_LENGTH);
  if (label === null) {
    return error(
      'bad-label',
      `This result is damaged: its "label" must be a name or team of 1 to ${MAX_LABEL_LENGTH} characters, on one line.`,
    );
  }
  if (typeof value.session !== 'string')
    return error('bad-session', 'This result is damaged: its "session" must be the class code, as text.');
  const session = parseSessionCode(value.session, library);
  if (!session.ok)
    return error('bad-session', `This result's class code cannot be used. ${session.message}`, session.code);
  if (!isRecord(value.replay))
    return error('malformed', 'This result is damaged: it has no "replay" of the game.');
  const game = parseReplay(JSON.stringify(value.replay), library);
  if (!game.ok)
    return error('bad-replay', `The game in this result cannot be used. ${game.message}`, game.code);
  const mismatch = sessionMismatch(session.session, game.replay);
  if (mismatch !== null) return error('not-this-session', `This result does not add up: ${mismatch}.`);
  const result: CheckedResult = {
    name,
    label,
    sessionCode: encodeSessionCode(session.session),
    session: session.session,
    side: sideOfSeats(game.replay.setup.seats)!,
    replay: game.replay,
    scenario: game.scenario,
    rules: game.rules,
    states: game.states,
  };
  return { ok: true, result };
}

function error(code: ResultErrorCode, message: string, cause?: string): ReadError {
  return cause === undefined ? { ok: false, code, message } : { ok: false, code, message, cause };
}

function versionMessage(version: unknown): string {
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > RESULT_VERSION)
    return `This result is in format version ${version}, made by a newer version of the game; this game reads version ${RESULT_VERSION}.`;
  return `This result has no valid format version (this game reads version ${RESULT_VERSION}).`;
}
