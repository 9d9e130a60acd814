// The first layer of reading results: an input's text to the JSON data of each result in it. A
// file holds one result as JSON; a paste may hold many result codes ("SFO1-…"), separated by
// white space or anything else that cannot be part of a code.
import { fromBase64url } from '../persist/base64url.ts';
import { MAX_REPLAY_BYTES } from '../persist/format.ts';
import { inflateCapped } from '../persist/inflate.ts';
import { locateJsonError } from '../persist/jsonError.ts';
import { fail, type Failure } from '../persist/result.ts';
import { kilobytes, kindOf, utf8Length } from '../persist/text.ts';
import { RESULT_CODE_PREFIX } from './result.ts';

/** The largest result (a file, or what a code unpacks to), in UTF-8 bytes: a replay and a little more. */
export const MAX_RESULT_BYTES = MAX_REPLAY_BYTES + 4096;
/** The largest input read at all (a paste of many codes), in UTF-8 bytes. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;
/** The longest result code read, in characters (a 12-month game's is about 1,000). */
export const MAX_CODE_LENGTH = 200_000;

export type ResultTextCode = 'not-text' | 'too-large' | 'empty' | 'not-json' | 'no-result' | 'bad-code';

/** One result's data, or why it cannot be read; `name` names the input, and the code in a paste of several. */
export type Piece =
  | { ok: true; name: string; value: unknown }
  | { ok: false; name: string; code: ResultTextCode; message: string };

const CODE = new RegExp(`(?<![A-Za-z0-9_-])${RESULT_CODE_PREFIX}[A-Za-z0-9_-]*`, 'g');

/** The results an input holds: one for a JSON file, one per code for a paste. */
export function piecesOf(name: string, text: unknown): Piece[] {
  const failure = (code: ResultTextCode, message: string): Piece[] => [{ ok: false, name, code, message }];
  if (typeof text !== 'string')
    return failure('not-text', `A result must be text, and this is ${kindOf(text)}.`);
  const bytes = text.length > MAX_INPUT_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) return failure('too-large', tooLarge(bytes));
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('{')) {
    if (bytes > MAX_RESULT_BYTES) return failure('too-large', tooLarge(bytes));
    const json = parseJson(body);
    return [
      json.ok
        ? { ok: true, name, value: json.value }
        : { ok: false, name, code: 'not-json', message: json.message },
    ];
  }
  if (body === '') return failure('empty', 'This is empty: there is no result in it.');
  if (body.startsWith('<'))
    return failure('not-json', 'This is not a result: it looks like a web page (HTML).');
  const codes = body.match(CODE) ?? [];
  if (codes.length === 0) {
    return failure(
      'no-result',
      `There is no result here: a result is a file of JSON, or a code that starts with "${RESULT_CODE_PREFIX}".`,
    );
  }
  return codes.map((code, i) => ({
    ...unpackCode(code),
    name: codes.length > 1 ? `${name}, code ${i + 1}` : name,
  }));
}

function tooLarge(bytes: number): string {
  return `This is too large to hold class results: it is ${kilobytes(bytes)}.`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const at = locateJsonError(text);
    if (!at) return { ok: false, message: 'This file is not a result: it is not valid JSON.' };
    const what = at.found === null ? 'the text ends too early' : `unexpected ${at.found}`;
    return {
      ok: false,
      message: `This file is not a result: it is not valid JSON (${what} at line ${at.line}, column ${at.column}).`,
    };
  }
}

const CUT = 'Was it cut short or changed when it was copied?';

function damaged(what: string): Failure<ResultTextCode> {
  return fail('bad-code', `This result code is damaged: ${what}`);
}

/** A result code's JSON data, every step checked and the unpacked size capped. */
function unpackCode(code: string): { ok: true; value: unknown } | Failure<ResultTextCode> {
  const data = code.slice(RESULT_CODE_PREFIX.length);
  if (data === '') return damaged(`nothing follows "${RESULT_CODE_PREFIX}". ${CUT}`);
  if (data.length > MAX_CODE_LENGTH) return fail('too-large', 'This result code is too long to be a result.');
  const bytes = fromBase64url(data);
  if (!bytes) return damaged(`it has a length no result code has. ${CUT}`);
  const inflated = inflateCapped(bytes, MAX_RESULT_BYTES);
  if (!inflated.ok && inflated.reason === 'too-large')
    return fail(
      'too-large',
      `This result code unpacks to more than ${kilobytes(MAX_RESULT_BYTES)}, more than any result.`,
    );
  if (!inflated.ok) return damaged(`its data does not unpack. ${CUT}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return damaged('what it unpacks to is not text.');
  }
  const json = parseJson(text);
  return json.ok ? json : damaged('what it unpacks to is not JSON.');
}
