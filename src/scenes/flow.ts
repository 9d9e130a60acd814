// What the player picked on the title screen, kept so "play again" and "the other side" can
// start the same scenario without asking again.
import { content } from '../bridge/content.ts';
import { startSession, type Session } from '../bridge/session.ts';
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

export function sessionFor(choice: TitleChoice): Session {
  const entry = content.scenarios.find((s) => s.scenario.id === choice.scenarioId) ?? content.scenarios[0]!;
  const other = choice.role === 'kim' ? 'putin' : 'kim';
  return startSession({
    scenario: entry.scenario,
    scenarioHash: entry.hash,
    seed: choice.seed,
    seats:
      choice.mode === 'watch'
        ? { kim: 'computer', putin: 'computer' }
        : choice.mode === 'hotseat'
          ? { kim: 'human', putin: 'human' }
          : ({ [choice.role]: 'human', [other]: 'computer' } as Record<
              'kim' | 'putin',
              'human' | 'computer'
            >),
  });
}
