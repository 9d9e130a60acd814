// Share links: a whole replay in a URL fragment, "#replay=" and the base64url of its compact JSON,
// DEFLATE-compressed. A fragment never reaches a server, so sharing a game sends it nowhere but to
// whoever opens the link. Opening one is the reverse, with every step checked and the inflated
// size capped as it streams.
import { deflateSync } from 'fflate';
import { fromBase64url, toBase64url } from './base64url.ts';
import type { ReplayError } from './replayError.ts';
import { MAX_REPLAY_BYTES, type ReplayFile } from './format.ts';
import { inflateCapped } from './inflate.ts';
import type { ReplayLibrary } from './library.ts';
import { parseReplay, type LoadedReplay } from './readReplay.ts';
import { compactReplay } from './replayFile.ts';
import { fail, type Failure } from './result.ts';
import { kilobytes } from './text.ts';

export const FRAGMENT_PREFIX = '#replay=';
/** The longest fragment read: far more than any replay's (a 12-month game takes about 1,000). */
export const MAX_FRAGMENT_LENGTH = 200_000;

export type FragmentErrorCode =
  'not-a-replay-link' | 'empty' | 'too-long' | 'bad-base64' | 'not-compressed' | 'too-large' | 'not-text';

export type FragmentError = Failure<FragmentErrorCode>;

/** "#replay=…": the fragment to put after a page address to share `file`. */
export function replayToFragment(file: ReplayFile): string {
  const json = new TextEncoder().encode(compactReplay(file));
  return FRAGMENT_PREFIX + toBase64url(deflateSync(json, { level: 9 }));
}

/**
 * The replay text a fragment carries (parse it with parseReplay). Takes `location.hash`, the
 * fragment without its "#", or a whole address. Never throws.
 */
export function fragmentToReplayText(hash: string): { ok: true; text: string } | FragmentError {
  if (typeof hash !== 'string') return fail('not-a-replay-link', 'This link does not hold a replay.');
  const fragment = hash.includes('#') ? hash.slice(hash.indexOf('#')) : `#${hash}`;
  if (!fragment.startsWith(FRAGMENT_PREFIX))
    return fail(
      'not-a-replay-link',
      `This link does not hold a replay (it has no "${FRAGMENT_PREFIX}" part).`,
    );
  const data = fragment.slice(FRAGMENT_PREFIX.length);
  if (data === '') return fail('empty', `This replay link is empty: nothing follows "${FRAGMENT_PREFIX}".`);
  if (data.length > MAX_FRAGMENT_LENGTH) {
    return fail(
      'too-long',
      `This replay link is too long to be opened (${data.length.toLocaleString('en-GB')} characters; ` +
        `a replay link has at most ${MAX_FRAGMENT_LENGTH.toLocaleString('en-GB')}).`,
    );
  }
  const bytes = fromBase64url(data);
  if (!bytes) {
    return fail(
      'bad-base64',
      'This replay link is damaged: it has characters or a length no replay link has. ' +
        'Was it cut short or changed when it was copied?',
    );
  }
  const inflated = inflateCapped(bytes, MAX_REPLAY_BYTES);
  if (!inflated.ok && inflated.reason === 'too-large') {
    return fail(
      'too-large',
      `This replay link unpacks to more than ${kilobytes(MAX_REPLAY_BYTES)}, more than any replay, so it was not opened.`,
    );
  }
  if (!inflated.ok) {
    return fail(
      'not-compressed',
      'This replay link is damaged: its data does not unpack. Was it cut short when it was copied?',
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes) };
  } catch {
    return fail('not-text', 'This replay link is damaged: what it unpacks to is not text.');
  }
}

/** Both steps at once: a fragment to a replay read, checked and played (see parseReplay). */
export function parseReplayFragment(
  hash: string,
  library: ReplayLibrary,
): LoadedReplay | FragmentError | ReplayError {
  const text = fragmentToReplayText(hash);
  return text.ok ? parseReplay(text.text, library) : text;
}
