// The first layer of reading a replay: the text itself (is it text, is it small enough, is there
// anything in it) and its JSON syntax, with the line and column of any mistake.
import { MAX_REPLAY_BYTES } from './format.ts';
import { locateJsonError } from './jsonError.ts';
import type { ReplayError } from './replayError.ts';
import { fail } from './result.ts';
import { kilobytes, kindOf, utf8Length } from './text.ts';

/** The JSON data in `text`, or why there is none (not text, too large, empty, not JSON). */
export function readReplayJson(text: unknown): { ok: true; value: unknown } | ReplayError {
  if (typeof text !== 'string')
    return fail('not-text', `A replay must be text, and this is ${kindOf(text)}.`);
  // a UTF-16 string never has more code units than its UTF-8 form has bytes, so this bounds both
  const bytes = text.length > MAX_REPLAY_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_REPLAY_BYTES) return tooLarge(bytes);
  const body = text.replace(/^\uFEFF/, ''); // a byte-order mark some editors add
  if (body.trim() === '') return fail('empty', 'This file is empty: there is no replay in it.');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return fail('not-json', notJsonMessage(body));
  }
}

/** The error for a replay of `bytes` bytes, over MAX_REPLAY_BYTES (for callers that check a size first). */
export function tooLarge(bytes: number): ReplayError {
  return fail(
    'too-large',
    `This file is too large to be a replay: it is ${kilobytes(bytes)}, and a replay is at most ${kilobytes(MAX_REPLAY_BYTES)}.`,
  );
}

function notJsonMessage(text: string): string {
  if (/^\s*</.test(text)) return 'This file is not a replay: it looks like a web page (HTML), not JSON.';
  const at = locateJsonError(text);
  if (!at) return 'This file is not a replay: it is not valid JSON.';
  const what = at.found === null ? 'the text ends too early' : `unexpected ${at.found}`;
  return `This file is not a replay: it is not valid JSON (${what} at line ${at.line}, column ${at.column}).`;
}

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
