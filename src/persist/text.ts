// Plain-text helpers for messages. Anything that came from a file or a link is quoted only through
// `quoted`: it is cut short and reduced to characters that cannot be markup or control a terminal,
// so a message stays inert however the caller shows it.

/** How much of a user-supplied string a message may quote, in characters. */
export const QUOTE_LIMIT = 40;

const SAFE = /[\p{L}\p{M}\p{N} _.,:;/()'+#@!?*=-]/u;

/** `text` as a short, inert quotation: at most QUOTE_LIMIT characters, anything unusual as "?". */
export function quoted(text: string): string {
  const chars = Array.from(text);
  const kept = chars.slice(0, QUOTE_LIMIT).map((c) => (SAFE.test(c) ? c : '?'));
  return `"${kept.join('')}${chars.length > QUOTE_LIMIT ? '…' : ''}"`;
}

/** "a number", "a list", "nothing"…: what a value is, for messages (never "undefined"). */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return 'binary data';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** The size of `text` in UTF-8, in bytes. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A byte count as kilobytes (1 kB = 1024 bytes), rounded up: "513 kB". */
export function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} kB`;
}

/**
 * Whether `text` holds a control character, a line or paragraph separator, or a bidirectional
 * override (which could make text display in another order than it is stored).
 */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}
