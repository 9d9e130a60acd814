// Playing a checked replay's moves through the engine, and comparing where they lead with the
// outcome the file recorded. The state hash covers the whole state, log included, so any edit to
// the moves or the outcome that still makes a legal game is caught here.
import { replay, type GameState, type Rules } from '../engine/index.ts';
import type { ReplayFile, ReplayOutcome } from './format.ts';
import { outcomeOf } from './replayFile.ts';
import { fail } from './result.ts';
import type { ReplayError } from './replayError.ts';
import { quoted } from './text.ts';

/** Every state of the game (states[0] the first, states[i] after move i), or why there are none. */
export function verifyReplay(
  file: ReplayFile,
  rules: Rules,
): { ok: true; states: readonly GameState[] } | ReplayError {
  const played = replay(rules, file.seed, file.log);
  if (!played.ok) {
    return fail(
      'illegal-move',
      `This replay cannot be played back: move ${played.at + 1} is against the rules. ${played.rejection.message}`,
    );
  }
  const actual = outcomeOf(played.states.at(-1)!);
  const differs = difference(file.outcome, actual);
  if (differs) {
    return fail(
      'outcome-mismatch',
      `This replay's recorded result does not match its moves: the file says ${differs[0]}, ` +
        `but playing the moves gives ${differs[1]}. It was edited, or made by a different version of the game.`,
    );
  }
  return { ok: true, states: played.states };
}

/** The first field that differs, as the file has it and as the replay gives it. */
function difference(recorded: ReplayOutcome, actual: ReplayOutcome): [string, string] | null {
  if (recorded.turn !== actual.turn) return [`month ${recorded.turn}`, `month ${actual.turn}`];
  if (recorded.phase !== actual.phase) return [phaseText(recorded.phase), phaseText(actual.phase)];
  if (recorded.ending !== actual.ending) return [endingText(recorded.ending), endingText(actual.ending)];
  if (recorded.stateHash !== actual.stateHash)
    return [`state hash ${recorded.stateHash}`, `state hash ${actual.stateHash}`];
  return null;
}

function phaseText(phase: ReplayOutcome['phase']): string {
  return phase === 'over' ? 'the game is over' : 'the game is still going';
}

function endingText(ending: string | null): string {
  return ending === null ? 'no ending' : `the ending ${quoted(ending)}`;
}
