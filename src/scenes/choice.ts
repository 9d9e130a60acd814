// What the title screen needs of the game flow at boot, without the engine: the player's last
// choice, the class a game belongs to, a fresh world number, and leaving the game in progress.
// Starting a game is in flow.ts (loaded with the briefing); it re-exports all of this.
import type { ClassSession } from '../classroom/session.ts';
import type { TitleChoice } from '../ui/screens/title.ts';

let lastChoice: TitleChoice | null = null;

/** A game played as part of a class: the teacher's session, the code, and who is playing. */
export interface ClassContext {
  session: ClassSession;
  code: string;
  label: string;
}

let classContext: ClassContext | null = null;

/** The class the current game belongs to (null outside a class). */
export function currentClass(): ClassContext | null {
  return classContext;
}

export function setClass(context: ClassContext | null): void {
  classContext = context;
}

export function rememberChoice(choice: TitleChoice): void {
  lastChoice = choice;
}

export function lastTitleChoice(): TitleChoice | null {
  return lastChoice;
}

/** A fresh world number for the title screen; the engine itself never invents a seed. */
export function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** How the game in progress is left: its autosave stopped and its session ended (flow.ts sets it). */
let leaving: (() => void) | null = null;

export function onLeaveGame(leave: () => void): void {
  leaving = leave;
}

/** Stops saving the game in progress and ends its session, if there is one. */
export function leaveGame(): void {
  leaving?.();
}
