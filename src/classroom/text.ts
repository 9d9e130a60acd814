// The free text of the classroom layer: a session's class title and a student's label. Both are
// data only: kept as they are, shown as text (textContent), never as HTML; HTML in them is inert.
import { hasControl } from '../persist/text.ts';

/** The longest class title, in characters (code points). */
export const MAX_TITLE_LENGTH = 60;
/** The longest student label (a name or a team), in characters (code points). */
export const MAX_LABEL_LENGTH = 40;

/**
 * `value` trimmed, if it is text of 1 to `max` characters without control characters, line breaks
 * or bidirectional overrides; otherwise null.
 */
export function freeText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const length = Array.from(text).length;
  return length >= 1 && length <= max && !hasControl(text) ? text : null;
}

/** How a label is compared (duplicates, role draws): NFC, trimmed, spaces folded, lower case. */
export function labelKey(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
