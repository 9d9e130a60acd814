// A class session as a link: the page's address with "#class=CODE", and "&title=…" (the class
// title, percent-encoded) when it has one. A fragment never reaches a server.
import { fail } from '../persist/result.ts';
import {
  CODE_LENGTH,
  encodeSessionCode,
  readCode,
  type ClassSession,
  type SessionLibrary,
  type SessionRead,
  type Wording,
} from './session.ts';
import { freeText, MAX_TITLE_LENGTH } from './text.ts';

export const SESSION_PREFIX = '#class=';

const LINK_WORDING: Wording = {
  check: 'This class link is damaged',
  it: 'This class link',
  empty: `This class link is empty: nothing follows "${SESSION_PREFIX}".`,
};

/** `baseUrl` (any fragment it has dropped) with the session in its fragment. */
export function sessionLink(baseUrl: string, s: ClassSession): string {
  const code = encodeSessionCode(s);
  const base = baseUrl.includes('#') ? baseUrl.slice(0, baseUrl.indexOf('#')) : baseUrl;
  const title = s.title === undefined ? null : freeText(s.title, MAX_TITLE_LENGTH);
  return `${base}${SESSION_PREFIX}${code}${title === null ? '' : `&title=${encodeURIComponent(title)}`}`;
}

/**
 * The session a link carries. Takes `location.hash`, the fragment without "#", or a whole address.
 * Parameters after the code other than `title` are ignored. Never throws.
 */
export function parseSessionLink(hash: string, library: SessionLibrary): SessionRead {
  const text = typeof hash === 'string' ? hash : '';
  const fragment = text.includes('#') ? text.slice(text.indexOf('#')) : `#${text}`;
  if (!fragment.startsWith(SESSION_PREFIX))
    return fail(
      'not-a-class-link',
      `This link does not hold a class session (it has no "${SESSION_PREFIX}" part).`,
    );
  const [code = '', ...params] = fragment.slice(SESSION_PREFIX.length).split('&');
  if (code.length > CODE_LENGTH * 2) {
    return fail('wrong-length', `${LINK_WORDING.check}: its code is too long. Was something added to it?`);
  }
  const read = readCode(decodeOr(code) ?? '?', library, LINK_WORDING);
  if (!read.ok) return read;
  const raw = params.find((p) => p.startsWith('title='));
  if (raw === undefined) return read;
  const title = freeText(decodeOr(raw.slice('title='.length)), MAX_TITLE_LENGTH);
  if (title === null) {
    return fail(
      'bad-title',
      `${LINK_WORDING.check}: its class title must be text of 1 to ${MAX_TITLE_LENGTH} characters, on one line.`,
    );
  }
  return { ok: true, session: { ...read.session, title } };
}

/** The percent-decoded text, or null where it is not valid percent-encoding of UTF-8. */
function decodeOr(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
