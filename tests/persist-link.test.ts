import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64url } from '../src/persist/base64url.ts';
import { compactReplay, parseReplay } from '../src/persist/index.ts';
import {
  fragmentToReplayText,
  MAX_FRAGMENT_LENGTH,
  parseReplayFragment,
  replayToFragment,
  type FragmentErrorCode,
} from '../src/persist/link.ts';
import { LIBRARY, MINI, replayOf, SUMMIT } from './fixtures/replays/support.ts';

const FILE = replayOf(MINI, 5);
const FRAGMENT = replayToFragment(FILE);

/** A fragment carrying these bytes, compressed. */
function fragmentOf(bytes: Uint8Array): string {
  return `#replay=${toBase64url(deflateSync(bytes))}`;
}

describe('share links', () => {
  it('carry the compact replay, and open to the same game', () => {
    expect(FRAGMENT).toMatch(/^#replay=[A-Za-z0-9_-]+$/);
    const text = fragmentToReplayText(FRAGMENT);
    expect(text).toEqual({ ok: true, text: compactReplay(FILE) });
    const parsed = parseReplayFragment(FRAGMENT, LIBRARY);
    expect(parsed.ok && parsed.replay).toEqual(FILE);
  });

  it('open from location.hash, the fragment without "#", or a whole address', () => {
    const data = FRAGMENT.slice(1);
    for (const input of [FRAGMENT, data, `https://example.org/shells/index.html?x=1${FRAGMENT}`]) {
      expect(fragmentToReplayText(input)).toEqual({ ok: true, text: compactReplay(FILE) });
    }
  });

  it('stay well under 2,000 characters for whole 12-month games', () => {
    const lengths = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const file = replayOf(SUMMIT, seed);
      const fragment = replayToFragment(file);
      const parsed = parseReplayFragment(fragment, LIBRARY);
      expect(parsed.ok && parsed.replay).toEqual(file);
      return fragment.length;
    });
    expect(Math.max(...lengths)).toBeLessThan(1500);
  });

  it('survive a round trip for every length of base64 tail', () => {
    for (let n = 0; n < 12; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = new TextDecoder().decode(bytes);
      const fragment = fragmentOf(new TextEncoder().encode(text));
      expect(fragmentToReplayText(fragment)).toEqual({ ok: true, text });
    }
  });
});

describe('every link rejection, with its message', () => {
  const bomb = fragmentOf(new Uint8Array(16 << 20).fill(32));
  const cases: [string, string, FragmentErrorCode, string][] = [
    ['no fragment', '', 'not-a-replay-link', 'This link does not hold a replay (it has no "#replay=" part).'],
    [
      'another fragment',
      'https://example.org/#about',
      'not-a-replay-link',
      'This link does not hold a replay (it has no "#replay=" part).',
    ],
    [
      'nothing after the prefix',
      '#replay=',
      'empty',
      'This replay link is empty: nothing follows "#replay=".',
    ],
    [
      'too long',
      `#replay=${'A'.repeat(MAX_FRAGMENT_LENGTH + 1)}`,
      'too-long',
      'This replay link is too long to be opened (200,001 characters; a replay link has at most 200,000).',
    ],
    ...['#replay=abc$', '#replay=ab+/', '#replay=abcde', `${FRAGMENT}=`].map(
      (input): [string, string, FragmentErrorCode, string] => [
        `bad base64 ${input.slice(-6)}`,
        input,
        'bad-base64',
        'This replay link is damaged: it has characters or a length no replay link has. Was it cut short or changed when it was copied?',
      ],
    ),
    ...[FRAGMENT.slice(0, -10), '#replay=____', `#replay=${toBase64url(new Uint8Array([1, 2, 3]))}`].map(
      (input): [string, string, FragmentErrorCode, string] => [
        `not compressed ${input.slice(-6)}`,
        input,
        'not-compressed',
        'This replay link is damaged: its data does not unpack. Was it cut short when it was copied?',
      ],
    ),
    [
      'a zip bomb',
      bomb,
      'too-large',
      'This replay link unpacks to more than 512 kB, more than any replay, so it was not opened.',
    ],
    [
      'not UTF-8',
      fragmentOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      'not-text',
      'This replay link is damaged: what it unpacks to is not text.',
    ],
  ];

  it.each(cases)('%s', (_name, input, code, message) => {
    expect(fragmentToReplayText(input)).toEqual({ ok: false, code, message });
  });

  it('stops a zip bomb early: 16 MB packed into a link is refused in milliseconds', () => {
    expect(bomb.length).toBeLessThan(30_000);
    const start = performance.now();
    expect(fragmentToReplayText(bomb).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('hands a link whose text is not a replay on to parseReplay', () => {
    const text = fragmentOf(new TextEncoder().encode('{"format": "other"}'));
    expect(parseReplayFragment(text, LIBRARY)).toMatchObject({ ok: false, code: 'wrong-format' });
    const cut = `#replay=${toBase64url(deflateSync(new TextEncoder().encode(compactReplay(FILE).slice(0, 50))))}`;
    expect(parseReplayFragment(cut, LIBRARY)).toMatchObject({ ok: false, code: 'not-json' });
    expect(parseReplay(compactReplay(FILE), LIBRARY).ok).toBe(true);
  });
});
