// Where JSON text stops being JSON. JSON.parse says *that* text is invalid, but its message differs
// between engines and may quote the text itself; this scanner finds the first offending character
// so that the message can name a line and column, and nothing else. It runs only after JSON.parse
// failed, and keeps its own stack (no recursion), so deep nesting cannot exhaust the call stack.

export interface JsonErrorPlace {
  /** 1-based line and column (in UTF-16 code units, as editors count for ordinary text). */
  line: number;
  column: number;
  /** What was found there: `"}"` or `character U+0000`; null at the end of the text. */
  found: string | null;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The first place where `text` is not JSON, or null if it is JSON after all. */
export function locateJsonError(text: string): JsonErrorPlace | null {
  const at = firstBadIndex(text);
  return at === null ? null : place(text, at);
}

function place(text: string, at: number): JsonErrorPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, found: describe(text, at) };
}

function describe(text: string, at: number): string | null {
  if (at >= text.length) return null;
  const code = text.codePointAt(at)!;
  // printable ASCII that cannot be markup is shown as itself; anything else by its code point
  if (code > 0x20 && code < 0x7f && !'<>&"`\\'.includes(text[at]!)) return `"${text[at]}"`;
  return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The index of the first character that breaks the JSON grammar; null if there is none. */
function firstBadIndex(text: string): number | null {
  const n = text.length;
  let i = 0;
  const open: number[] = []; // 0x5b "[" or 0x7b "{" for each container we are inside
  const skip = (): void => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const string = (): boolean => {
    if (text.charCodeAt(i) !== 0x22) return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const key = (): boolean => {
    skip();
    if (!string()) return false;
    skip();
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    return true;
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };

  for (;;) {
    // a value
    skip();
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      i++;
      skip();
      if (text.charCodeAt(i) === c + 2)
        i++; // "{}" or "[]"
      else {
        open.push(c);
        if (c === 0x7b && !key()) return i;
        continue;
      }
    } else if (c === 0x22) {
      if (!string()) return i;
    } else if (!sticky(NUMBER) && !sticky(LITERAL)) return i;

    // after a value: close containers, or a comma and the next value
    for (;;) {
      skip();
      const top = open.at(-1);
      if (top === undefined) return i < n ? i : null;
      const d = text.charCodeAt(i);
      if (d === top + 2) {
        open.pop();
        i++;
        continue;
      }
      if (d !== 0x2c) return i;
      i++;
      if (top === 0x7b && !key()) return i;
      break;
    }
  }
}
