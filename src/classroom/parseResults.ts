// Reading the results a class hands in: files and pasted codes, each checked on its own, so that a
// broken or foreign one is reported by name and never stops the others; results of another class
// session are set aside, and the same game handed in twice by the same student counts once.
import type { ReplayLibrary } from '../persist/index.ts';
import { isRecord } from '../persist/readJson.ts';
import { quoted } from '../persist/text.ts';
import { readResult, type CheckedResult, type ResultErrorCode } from './readResult.ts';
import { piecesOf, type ResultTextCode } from './resultText.ts';
import { encodeSessionCode, type ClassSession } from './session.ts';
import { labelKey } from './text.ts';

export interface ResultSource {
  /** What the teacher knows it by: a file's name, or "Pasted text". */
  name: string;
  /** A file's text, or pasted text holding one or more result codes. */
  text: string;
}

export interface ResultError {
  /** The input, and ", code N" for one code of a paste of several. */
  name: string;
  code: ResultTextCode | ResultErrorCode | 'other-session' | 'too-many';
  /** Plain text; anything quoted from the input is made inert (see docs/replay-format.md). */
  message: string;
  cause?: string;
}

export interface DuplicateResult {
  name: string;
  /** The name of the result it repeats, which is counted. */
  sameAs: string;
  message: string;
}

export interface ParsedResults {
  /** The class session: the one given, or the one most results belong to (null if none read). */
  session: ClassSession | null;
  /** The results to count, in the order of the inputs. */
  results: CheckedResult[];
  errors: ResultError[];
  duplicates: DuplicateResult[];
}

/** The most results read in one call; the rest are reported, not read. */
export const MAX_RESULTS = 500;

/**
 * Every input's results, checked. With `session`, results of any other session are errors;
 * without, the class is the session most results belong to (the first seen, in a tie). Never throws.
 */
export function parseResults(
  inputs: readonly ResultSource[],
  library: ReplayLibrary,
  session?: ClassSession,
): ParsedResults {
  const errors: ResultError[] = [];
  const read: CheckedResult[] = [];
  const pieces = inputs.flatMap((input) => piecesOf(String(input.name), input.text));
  for (const [i, piece] of pieces.entries()) {
    if (i >= MAX_RESULTS) {
      errors.push({
        name: piece.name,
        code: 'too-many',
        message: `Only ${MAX_RESULTS} results are read at once; this one was not.`,
      });
      continue;
    }
    if (!piece.ok) {
      errors.push({ name: piece.name, code: piece.code, message: piece.message });
      continue;
    }
    const checked = readResult(piece.name, piece.value, library);
    if (checked.ok) read.push(checked.result);
    else errors.push({ name: piece.name, ...withoutOk(checked) });
  }
  const code =
    session === undefined ? mostCommon(read.map((r) => r.sessionCode)) : encodeSessionCode(session);
  const results: CheckedResult[] = [];
  const duplicates: DuplicateResult[] = [];
  const seen = new Map<string, CheckedResult>();
  for (const result of read) {
    if (result.sessionCode !== code) {
      errors.push({
        name: result.name,
        code: 'other-session',
        message: `This result is from another class session (code ${result.sessionCode}; this class's code is ${code}).`,
      });
      continue;
    }
    const key = `${labelKey(result.label)}\n${result.replay.outcome.stateHash}`;
    const first = seen.get(key);
    if (first) {
      duplicates.push({
        name: result.name,
        sameAs: first.name,
        message: `This is the same game by the same student as ${quoted(first.name)}: it is counted once.`,
      });
      continue;
    }
    seen.set(key, result);
    results.push(result);
  }
  const classSession = session ?? results[0]?.session ?? null;
  return { session: classSession, results, errors, duplicates };
}

function withoutOk<T extends { ok: false }>(value: T): Omit<T, 'ok'> {
  const { ok: _ok, ...rest } = value;
  return rest;
}

function mostCommon(codes: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)!) best = c;
  return best;
}

/**
 * The ids of the scenarios the inputs' games are of, to load before parseResults (the page fetches
 * scenarios on demand); inputs that do not get that far are left out (parseResults says why).
 */
export function resultScenarioIds(inputs: readonly ResultSource[]): string[] {
  const ids = new Set<string>();
  for (const piece of inputs.flatMap((input) => piecesOf(String(input.name), input.text))) {
    if (!piece.ok || !isRecord(piece.value) || !isRecord(piece.value.replay)) continue;
    const scenario = piece.value.replay.scenario;
    if (isRecord(scenario) && typeof scenario.id === 'string') ids.add(scenario.id);
  }
  return [...ids];
}
