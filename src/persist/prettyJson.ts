// JSON for people to read: two-space indentation, with any object or list of plain values kept on
// one line (so a log is one move a line). Keys keep the order they were given in.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function prettyJson(value: Json): string {
  return format(value, '') + '\n';
}

function format(value: Json, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: [string | null, Json][] = Array.isArray(value)
    ? value.map((v) => [null, v])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  if (entries.every(([, v]) => v === null || typeof v !== 'object'))
    return `${open} ${entries.map(([k, v]) => label(k) + JSON.stringify(v)).join(', ')} ${close}`;
  const inner = indent + '  ';
  const lines = entries.map(([k, v]) => inner + label(k) + format(v, inner));
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

function label(key: string | null): string {
  return key === null ? '' : `${JSON.stringify(key)}: `;
}

export type { Json };
