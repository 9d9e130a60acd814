// The replay file: building one from a game, writing it as text, and reading text back into a
// game whose every state is known. Nothing here reads a clock or draws a random number: the
// caller passes the date it wants recorded.
import { ROLES, type GameState, type Rules } from '../engine/index.ts';
import { bindScenario } from './bind.ts';
import { checkReplayText } from './check.ts';
import type { ReplayError } from './replayError.ts';
import { REPLAY_FORMAT, REPLAY_VERSION, type ReplayFile, type ReplaySetup } from './format.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ReplayLibrary } from './library.ts';
import { prettyJson, type Json } from './prettyJson.ts';
import { isRecord, readReplayJson } from './readJson.ts';
import { outcomeOf, verifyReplay } from './verify.ts';

export interface ReplayInput {
  /** The scenario's content hash, as the page has it (KnownScenario.hash). */
  scenarioHash: string;
  /** The game's latest state: the replay's scenario id, seed and log are this state's. */
  state: GameState;
  setup: ReplaySetup;
  /** When it was saved, as an ISO 8601 date and time; omitted, the file records none. */
  savedAt?: string;
}

/** A replay of the game so far (finished or not). */
export function buildReplay({ scenarioHash, state, setup, savedAt }: ReplayInput): ReplayFile {
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: { id: state.scenarioId, hash: scenarioHash },
    seed: state.seed,
    setup: structuredClone(setup),
    log: state.log.map(({ type, role, card, option }) => ({ type, role, card, option })),
    outcome: outcomeOf(state),
    ...(savedAt === undefined ? {} : { savedAt }),
  };
}

/** The replay as JSON for people: indented, one move a line, keys always in the same order. */
export function serializeReplay(file: ReplayFile): string {
  return prettyJson(ordered(file));
}

/** The same JSON on one line, for storage and links, where every byte counts. */
export function compactReplay(file: ReplayFile): string {
  return JSON.stringify(ordered(file));
}

/** The file as plain JSON data with its keys in the documented order (absent options left out). */
function ordered(file: ReplayFile): Json {
  const { seats, computer, mode } = file.setup;
  const setup: Json = {
    seats: { kim: seats.kim, putin: seats.putin },
    ...(computer === undefined ? {} : { computer: orderedComputer(computer) }),
    ...(mode === undefined ? {} : { mode }),
  };
  const { turn, phase, ending, stateHash } = file.outcome;
  return {
    format: file.format,
    version: file.version,
    scenario: { id: file.scenario.id, hash: file.scenario.hash },
    seed: file.seed,
    setup,
    log: file.log.map(({ type, role, card, option }) => ({ type, role, card, option })),
    outcome: { turn, phase, ending, stateHash },
    ...(file.savedAt === undefined ? {} : { savedAt: file.savedAt }),
  };
}

/** setup.computer with its roles in the order of ROLES (kim, putin) and each entry's keys in order. */
function orderedComputer(computer: NonNullable<ReplaySetup['computer']>): Json {
  const out: { [key: string]: Json } = {};
  for (const role of ROLES) {
    const entry = computer[role];
    if (entry === undefined) continue;
    out[role] = {
      level: entry.level,
      ...(entry.personality === undefined ? {} : { personality: entry.personality }),
    };
  }
  return out;
}

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
