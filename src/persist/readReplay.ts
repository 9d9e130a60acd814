// Reading replay text (a file, a save, what a share link unpacked to) back into a game whose every
// state is known: checked, bound to its scenario and played. Apart from replayFile.ts, which builds
// and writes replays, so that a game in progress (its autosave) does not load the checks.
import type { GameState, Rules } from '../engine/index.ts';
import { bindScenario } from './bind.ts';
import { checkReplayText } from './check.ts';
import type { ReplayError } from './replayError.ts';
import type { ReplayFile } from './format.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ReplayLibrary } from './library.ts';
import { isRecord, readReplayJson } from './readJson.ts';
import { verifyReplay } from './verify.ts';

/** A replay read, checked and played: the file, its scenario and rules, and every state. */
export interface LoadedReplay {
  ok: true;
  replay: ReplayFile;
  scenario: Scenario;
  rules: Rules;
  /** states[0] is the first state, states[i] the state after move i; the last matches the outcome. */
  states: readonly GameState[];
}

/**
 * Reads replay text (a file's contents, or what a share link unpacked to) against the scenarios
 * of this game. Never throws: anything wrong is a ReplayError whose message is plain text to show
 * as it is (see docs/replay-format.md for every code). The replay's scenario must be at hand
 * (`library.loaded`): in the page, load `replayScenarioId(text)` first. A page reading a File
 * should compare `file.size` with MAX_REPLAY_BYTES before reading it into memory.
 */
export function parseReplay(text: unknown, library: ReplayLibrary): LoadedReplay | ReplayError {
  try {
    const read = checkReplayText(text, library);
    if (!read.ok) return read;
    const checked = bindScenario(read.replay, read.title, library);
    if (!checked.ok) return checked;
    const verified = verifyReplay(checked.replay, checked.rules);
    if (!verified.ok) return verified;
    return { ...checked, states: verified.states };
  } catch {
    // Only a bug could land here; the message still must not be a stack trace.
    return {
      ok: false,
      code: 'malformed',
      message: 'This replay could not be checked because of an error in the game. Please report it.',
    };
  }
}

/**
 * The id of the scenario a replay is of, to load before `parseReplay`; null when the text does not
 * get that far (parseReplay then says why).
 */
export function replayScenarioId(text: unknown): string | null {
  const data = readReplayJson(text);
  if (!data.ok || !isRecord(data.value) || !isRecord(data.value.scenario)) return null;
  const id = data.value.scenario.id;
  return typeof id === 'string' ? id : null;
}
