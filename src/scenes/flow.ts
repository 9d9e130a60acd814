// What the player picked on the title screen, kept so "play again" and "the other side" can
// start the same scenario without asking again.
import { content } from '../bridge/content.ts';
import { startSession, type ComputerSetup, type Seat, type Session } from '../bridge/session.ts';
import { ROLES, type Role } from '../engine/index.ts';
import type { TitleChoice } from '../ui/screens/title.ts';

let lastChoice: TitleChoice | null = null;

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

function seatsFor(choice: TitleChoice): Record<Role, Seat> {
  if (choice.mode === 'watch') return { kim: 'computer', putin: 'computer' };
  if (choice.mode === 'hotseat') return { kim: 'human', putin: 'human' };
  return choice.role === 'kim' ? { kim: 'human', putin: 'computer' } : { kim: 'computer', putin: 'human' };
}

/** The game the choice asks for, if its scenario has been loaded (the title loads it). */
export function sessionFor(choice: TitleChoice): Session | null {
  const entry = content.loaded(choice.scenarioId);
  if (!entry) return null;
  const computer: Partial<Record<Role, ComputerSetup>> = {};
  for (const role of ROLES) {
    // a character remembered from another scenario does not carry over
    const id = choice.personalities[role];
    const known = entry.scenario.personalities.some((p) => p.id === id && p.role === role);
    computer[role] = { level: choice.level, personality: known ? id : undefined };
  }
  return startSession({
    scenario: entry.scenario,
    scenarioHash: entry.hash,
    seed: choice.seed,
    seats: seatsFor(choice),
    computer,
  });
}
