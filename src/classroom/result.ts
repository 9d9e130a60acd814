// A student's result to hand in: their label, the class session's code and the replay of their
// game. As a small JSON file (serializeResult) or a pasteable code (resultCode): "SFO1-" and the
// base64url of the compact JSON, DEFLATE-compressed. Reading results back: parseResults.ts.
import { deflateSync } from 'fflate';
import { toBase64url } from '../persist/base64url.ts';
import { compactReplay, type ReplayFile } from '../persist/index.ts';
import { prettyJson, type Json } from '../persist/prettyJson.ts';
import { fail, type Failure } from '../persist/result.ts';
import { sessionMismatch } from './match.ts';
import { encodeSessionCode, type ClassSession } from './session.ts';
import { freeText, MAX_LABEL_LENGTH } from './text.ts';

export const RESULT_FORMAT = 'shells-for-oil-result';
export const RESULT_VERSION = 1;
/** What starts a result code (the format's short name and version). */
export const RESULT_CODE_PREFIX = 'SFO1-';

export interface ResultFile {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_VERSION;
  /** The student's name or team: 1 to 40 characters, free text, shown as text only. */
  label: string;
  /** The class session's code (encodeSessionCode). */
  session: string;
  /** The game, as a replay file (src/persist). */
  replay: ReplayFile;
}

export interface ResultInput {
  label: string;
  session: ClassSession;
  replay: ReplayFile;
}

export type BuildResultError = Failure<'bad-label' | 'not-this-session'>;

/** A result to hand in; the label is trimmed. Refused: a bad label, or a game not of the session. */
export function buildResult({
  label,
  session,
  replay,
}: ResultInput): { ok: true; result: ResultFile } | BuildResultError {
  const text = freeText(label, MAX_LABEL_LENGTH);
  if (text === null) {
    return fail('bad-label', `A name or team must be 1 to ${MAX_LABEL_LENGTH} characters, on one line.`);
  }
  const mismatch = sessionMismatch(session, replay);
  if (mismatch !== null) return fail('not-this-session', `This result cannot be handed in: ${mismatch}.`);
  return {
    ok: true,
    result: {
      format: RESULT_FORMAT,
      version: RESULT_VERSION,
      label: text,
      session: encodeSessionCode(session),
      replay: structuredClone(replay),
    },
  };
}

/** The result as a JSON file for people: indented, its replay one move a line. */
export function serializeResult(result: ResultFile): string {
  return prettyJson(ordered(result));
}

/** The result as one pasteable line: "SFO1-" and its compact JSON, compressed, in base64url. */
export function resultCode(result: ResultFile): string {
  const json = new TextEncoder().encode(JSON.stringify(ordered(result)));
  return RESULT_CODE_PREFIX + toBase64url(deflateSync(json, { level: 9 }));
}

function ordered(result: ResultFile): Json {
  return {
    format: result.format,
    version: result.version,
    label: result.label,
    session: result.session,
    replay: JSON.parse(compactReplay(result.replay)) as Json,
  };
}
