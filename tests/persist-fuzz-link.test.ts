// At least RUNS broken share links of each kind: the broken replay texts compressed into links, and
// what only a link can suffer (cut short, mistyped, random, too long, zip bombs). Each is refused
// with a plain message, or opens to text that is then refused (or is the same game), and a save
// store with two saves stays exactly as it was (see fixtures/replays/broken.ts).
import * as fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64url } from '../src/persist/base64url.ts';
import { MAX_REPLAY_BYTES } from '../src/persist/index.ts';
import { fragmentToReplayText, MAX_FRAGMENT_LENGTH } from '../src/persist/link.ts';
import {
  BASE,
  checkFragment,
  checkHtml,
  COMPACT,
  corruptedChars,
  forAll,
  fragmentOf,
  FRAGMENT,
  handEdited,
  htmlInStrings,
  mistyped,
  otherHash,
  RUNS,
  truncated,
  wrongVersion,
} from './fixtures/replays/broken.ts';

/** Zip bombs: a stored block (random bytes, or a whole valid replay) and then spaces past the cap. */
const BODIES = [MAX_REPLAY_BYTES + 1, 1 << 20, 8 << 20].map((n) =>
  deflateSync(new Uint8Array(n).fill(0x20), { level: 9 }),
);
function storedBlock(bytes: Uint8Array): number[] {
  const n = bytes.length;
  return [0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff, ...bytes];
}
const bombs = fc
  .tuple(
    fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.constant(new TextEncoder().encode(COMPACT))),
    fc.constantFrom(...BODIES),
  )
  .map(([prefix, body]) => `#replay=${toBase64url(Uint8Array.from([...storedBlock(prefix), ...body]))}`);

const mistypedLink = mistyped(FRAGMENT, '#replay='.length, 3);

function checkHtmlLink(input: Parameters<typeof checkHtml>[0]): void {
  expect(fragmentToReplayText(fragmentOf(input.text))).toEqual({ ok: true, text: input.text });
  checkHtml(input);
}

describe('broken share links: broken replays inside', () => {
  it('truncated text', () => {
    expect(forAll(truncated, (text) => checkFragment(fragmentOf(text)))).toBe(RUNS);
  });

  it('corrupted characters', () => {
    expect(forAll(corruptedChars, (text) => checkFragment(fragmentOf(text), BASE))).toBe(RUNS);
  });

  it('wrong version', () => {
    expect(forAll(wrongVersion, (text) => checkFragment(fragmentOf(text)))).toBe(RUNS);
  });

  it('hand-edited', () => {
    expect(forAll(handEdited, (text) => checkFragment(fragmentOf(text)))).toBe(RUNS);
  });

  it('a different scenario hash', () => {
    expect(forAll(otherHash, ({ text }) => checkFragment(fragmentOf(text)))).toBe(RUNS);
  });

  it('HTML and script in text fields', () => {
    expect(forAll(htmlInStrings, checkHtmlLink)).toBe(RUNS);
  });
});

describe('broken share links: the link itself', () => {
  it('cut short', () => {
    const cut = fc.integer({ min: 0, max: FRAGMENT.length - 1 }).map((n) => FRAGMENT.slice(0, n));
    expect(forAll(cut, (fragment) => checkFragment(fragment))).toBe(RUNS);
  });

  it('mistyped characters', () => {
    expect(forAll(mistypedLink, (fragment) => checkFragment(fragment, BASE))).toBe(RUNS);
  });

  it('random data', () => {
    const random = fc.uint8Array({ maxLength: 300 }).map((bytes) => `#replay=${toBase64url(bytes)}`);
    expect(forAll(random, (fragment) => checkFragment(fragment))).toBe(RUNS);
  });

  it('too long to open', () => {
    const long = fc
      .tuple(fc.integer({ min: 1, max: 100_000 }), fc.string({ maxLength: 20 }))
      .map(([extra, tail]) => FRAGMENT + 'A'.repeat(MAX_FRAGMENT_LENGTH + extra) + tail);
    expect(forAll(long, (fragment) => expect(checkFragment(fragment)).toBe('too-long'))).toBe(RUNS);
  });

  it('zip bombs', () => {
    expect(forAll(bombs, (fragment) => expect(checkFragment(fragment)).toBe('too-large'))).toBe(RUNS);
  });
});
