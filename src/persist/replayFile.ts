// The replay file: building one from a game and writing it as text (reading text back into a game
// whose every state is known is readReplay.ts). Nothing here reads a clock or draws a random
// number: the caller passes the date it wants recorded.
import { ROLES, stableHash, type GameState } from '../engine/index.ts';
import {
  REPLAY_FORMAT,
  REPLAY_VERSION,
  type ReplayFile,
  type ReplayOutcome,
  type ReplaySetup,
} from './format.ts';
import { prettyJson, type Json } from './prettyJson.ts';

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

/** Where a state stands, in the terms a replay file records. */
export function outcomeOf(state: GameState): ReplayOutcome {
  return {
    turn: state.turn,
    phase: state.phase,
    ending: state.ending?.id ?? null,
    stateHash: stableHash(state),
  };
}
