// The live class this device is in, kept across a reload: the title screen goes straight back
// into it (with the token client.ts keeps). No dependencies: the title screen reads it at boot.
import type { JoinAnswer } from './protocol.ts';

const KEY = 'sfo-live-current';

export interface CurrentLive {
  code: string;
  answer: JoinAnswer;
}

/** The live class to go back to after a reload, if any (anything unreadable counts as none). */
export function currentLive(): CurrentLive | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { code, answer } = value as Partial<CurrentLive>;
    if (typeof code !== 'string' || typeof answer !== 'object' || answer === null) return null;
    if (typeof answer.sessionId !== 'string' || typeof answer.scenarioId !== 'string') return null;
    return { code, answer };
  } catch {
    return null;
  }
}

export function rememberLive(current: CurrentLive): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // no storage: a reload goes back to the title, and the code brings the student back
  }
}

export function forgetLive(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
