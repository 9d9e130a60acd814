// At least RUNS broken replay files of each kind: each is rejected with a plain message (or, for a
// corruption that leaves the game itself intact, read as that same game), and importing it leaves
// a save store with two saves exactly as it was (see fixtures/replays/broken.ts).
import { describe, expect, it } from 'vitest';
import { parseReplay } from '../src/persist/index.ts';
import {
  BASE,
  checkHtml,
  checkText,
  corruptedBytes,
  corruptedChars,
  forAll,
  handEdited,
  htmlInStrings,
  otherHash,
  oversized,
  RUNS,
  truncated,
  wrongVersion,
} from './fixtures/replays/broken.ts';
import { LIBRARY, MINI } from './fixtures/replays/support.ts';

const HEX = /^[0-9a-f]{16}$/;

function rejectedAs(code: string): (text: string) => void {
  return (text) => {
    expect(parseReplay(text, LIBRARY)).toMatchObject({ ok: false, code });
    checkText(text);
  };
}

function checkOtherHash({ hash, text }: { hash: string; text: string }): void {
  const changed = `This replay was made with a different version of the scenario "Mini deal" (its content hash is ${hash}; this game has ${MINI.hash}) — it cannot be replayed exactly.`;
  const notHex = 'This replay is damaged: "scenario.hash" must be 16 hexadecimal digits.';
  expect(parseReplay(text, LIBRARY)).toEqual(
    HEX.test(hash)
      ? { ok: false, code: 'scenario-changed', message: changed }
      : { ok: false, code: 'malformed', message: notHex },
  );
  checkText(text);
}

describe('broken replay files', () => {
  it('truncated text', () => {
    expect(forAll(truncated, (text) => checkText(text))).toBe(RUNS);
  });

  it('corrupted characters', () => {
    expect(forAll(corruptedChars, (text) => checkText(text, BASE))).toBe(RUNS);
  });

  it('corrupted bytes', () => {
    expect(forAll(corruptedBytes, (text) => checkText(text, BASE))).toBe(RUNS);
  });

  it('oversized', () => {
    expect(forAll(oversized, rejectedAs('too-large'))).toBe(RUNS);
  });

  it('wrong version', () => {
    expect(forAll(wrongVersion, rejectedAs('unsupported-version'))).toBe(RUNS);
  });

  it('hand-edited: a changed action or outcome, a move dropped, added or moved', () => {
    expect(forAll(handEdited, (text) => checkText(text))).toBe(RUNS);
  });

  it('a different scenario hash', () => {
    expect(forAll(otherHash, checkOtherHash)).toBe(RUNS);
  });

  it('HTML and script in text fields', () => {
    expect(forAll(htmlInStrings, checkHtml)).toBe(RUNS);
  });
});
