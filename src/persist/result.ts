// The one shape every failure in this layer takes: a code to branch on and a plain-English
// message to show as text (never HTML, never a stack trace).

export interface Failure<C extends string> {
  ok: false;
  code: C;
  message: string;
}

export function fail<C extends string>(code: C, message: string): Failure<C> {
  return { ok: false, code, message };
}
