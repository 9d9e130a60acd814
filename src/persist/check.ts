// Reading a replay's fields into a ReplayFile: every check short of playing the moves, each failure
// with its own code and a plain-English message. Used on every import, and by the save list, where
// playing every save's moves would cost too much (verify.ts plays them).
import { isLevel, LEVELS } from '../ai/settings.ts';
// (the engine's leaf modules, not its index: the saved-games list at boot needs none of its rules)
import { isSeed } from '../engine/random.ts';
import type { ChooseAction } from '../engine/state.ts';
import { ROLES, type Role } from '../engine/vocabulary.ts';
import {
  HASH,
  isIsoDate,
  MAX_ID_LENGTH,
  MAX_MOVES,
  MAX_TEXT_LENGTH,
  REPLAY_FORMAT,
  REPLAY_VERSION,
  SUPPORTED_VERSIONS,
  type ReplayFile,
  type ReplayOpponent,
  type ReplayOutcome,
  type ReplaySeat,
  type ReplaySetup,
} from './format.ts';
// (types only: library.ts brings the engine's rules, which the saved-games list at boot does not need)
import type { ListedScenario, ReplayLibrary } from './library.ts';
import { isRecord, readReplayJson } from './readJson.ts';
import type { ReplayError } from './replayError.ts';
import { fail } from './result.ts';
import { hasControl, quoted } from './text.ts';

/** A replay whose every field checked out, and the title of its scenario (which may not be loaded). */
export interface ReadReplay {
  ok: true;
  replay: ReplayFile;
  title: string;
}

/** A field's problem, as the end of "This replay is damaged: …". */
type Problem = string;

const FIELDS = ['format', 'version', 'scenario', 'seed', 'setup', 'log', 'outcome', 'savedAt'];
const ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TURN = 10_000;

/**
 * Every check of the text and its fields that needs only the list of scenarios (not the scenarios
 * themselves: see bind.ts for the rest); the moves are not played here.
 */
export function checkReplayText(text: unknown, library: ReplayLibrary): ReadReplay | ReplayError {
  const data = readReplayJson(text);
  return data.ok ? checkReplayData(data.value, library) : data;
}

/** The same checks on data already parsed from JSON. */
export function checkReplayData(data: unknown, library: ReplayLibrary): ReadReplay | ReplayError {
  return checkFields(data, library, checkLog);
}

/**
 * What the saved-games list shows of a save, checked as far as it shows it: the same checks as
 * checkReplayText but the moves, which are only counted (they are checked, and played, when the
 * save is opened).
 */
export function checkReplaySummary(text: unknown, library: ReplayLibrary): ReadReplay | ReplayError {
  const data = readReplayJson(text);
  return data.ok ? checkFields(data.value, library, countLog) : data;
}

/** A log read only as far as its length (its moves stand in as they are). */
function countLog(value: unknown): ChooseAction[] | Problem {
  return Array.isArray(value) ? (value as ChooseAction[]) : 'its "log" must be a list of moves';
}

function checkFields(
  data: unknown,
  library: ReplayLibrary,
  readLog: (value: unknown) => ChooseAction[] | Problem,
): ReadReplay | ReplayError {
  if (!isRecord(data) || data.format !== REPLAY_FORMAT) {
    return fail(
      'wrong-format',
      `This file is not a Shells for Oil replay: it is JSON, but without the mark "format": "${REPLAY_FORMAT}".`,
    );
  }
  if (typeof data.version !== 'number' || !SUPPORTED_VERSIONS.includes(data.version))
    return fail('unsupported-version', versionMessage(data.version));
  const extra = extraField(data, FIELDS);
  if (extra) return damaged(extra);

  const lookup = checkScenario(data.scenario, library);
  if (!lookup.ok) return lookup;
  const found = lookup.listed;
  if (!isSeed(data.seed)) {
    return fail('bad-seed', 'This replay is damaged: its seed must be a whole number from 0 to 4294967295.');
  }
  const setup = checkSetup(data.setup);
  if (typeof setup === 'string') return damaged(setup);
  const log = readLog(data.log);
  if (typeof log === 'string') return fail('bad-log', `This replay is damaged: ${log}.`);
  const outcome = checkOutcome(data.outcome);
  if (typeof outcome === 'string') return damaged(outcome);
  if (data.savedAt !== undefined && !isIsoDate(data.savedAt))
    return damaged('"savedAt" must be a date and time such as "2026-11-27T21:10:00.000Z"');

  const replay: ReplayFile = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: { id: found.cover.id, hash: found.hash },
    seed: data.seed,
    setup,
    log,
    outcome,
    ...(data.savedAt === undefined ? {} : { savedAt: data.savedAt as string }),
  };
  return { ok: true, replay, title: found.cover.title };
}

function damaged(problem: Problem): ReplayError {
  return fail('malformed', `This replay is damaged: ${problem}.`);
}

function versionMessage(version: unknown): string {
  const reads = `this game reads version ${SUPPORTED_VERSIONS.join(', ')}`;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    return `This replay has no valid format version (${reads}).`;
  const newer = version > REPLAY_VERSION ? ', made by a newer version of the game' : '';
  return `This replay is in format version ${version}${newer}; ${reads}.`;
}

function checkScenario(
  value: unknown,
  library: ReplayLibrary,
): { ok: true; listed: ListedScenario } | ReplayError {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.hash !== 'string')
    return damaged('it does not say which scenario it is of ("scenario": { "id": …, "hash": … })');
  const extra = extraField(value, ['id', 'hash'], 'scenario.');
  if (extra) return damaged(extra);
  if (!HASH.test(value.hash)) return damaged('"scenario.hash" must be 16 hexadecimal digits');
  const listed = library.scenarios.find((s) => s.cover.id === value.id);
  if (!listed) {
    const have = library.scenarios.map((s) => `"${s.cover.title}"`).join(', ') || 'none';
    return fail(
      'unknown-scenario',
      `This replay is of a scenario this game does not have (${quoted(value.id)}; the scenarios here: ${have}).`,
    );
  }
  if (listed.hash !== value.hash) return scenarioChanged(listed.cover.title, value.hash, listed.hash);
  return { ok: true, listed };
}

export function scenarioChanged(title: string, theirs: string, ours: string): ReplayError {
  return fail(
    'scenario-changed',
    `This replay was made with a different version of the scenario "${title}" ` +
      `(its content hash is ${theirs}; this game has ${ours}) — it cannot be replayed exactly.`,
  );
}

function checkSetup(value: unknown): ReplaySetup | Problem {
  if (!isRecord(value)) return 'it has no "setup" saying who sat where';
  const extra = extraField(value, ['seats', 'computer', 'mode'], 'setup.');
  if (extra) return extra;
  const seats = value.seats;
  if (!isRecord(seats)) return '"setup.seats" must say who played each role';
  const extraSeat = extraField(seats, ROLES, 'setup.seats.');
  if (extraSeat) return extraSeat;
  for (const role of ROLES) {
    if (seats[role] !== 'human' && seats[role] !== 'computer')
      return `"setup.seats.${role}" must be "human" or "computer"`;
  }
  const setup: ReplaySetup = { seats: { kim: seats.kim as ReplaySeat, putin: seats.putin as ReplaySeat } };
  if (value.computer !== undefined) {
    const computer = checkComputer(value.computer, setup.seats);
    if (typeof computer === 'string') return computer;
    setup.computer = computer;
  }
  if (value.mode !== undefined) {
    if (!isText(value.mode)) return textProblem('setup.mode');
    setup.mode = value.mode;
  }
  return setup;
}

/** setup.computer: how the computer played each role it held (an empty object is allowed). */
function checkComputer(
  value: unknown,
  seats: ReplaySetup['seats'],
): NonNullable<ReplaySetup['computer']> | Problem {
  if (!isRecord(value))
    return '"setup.computer" must be an object with an entry for each role the computer played';
  const extra = extraField(value, ROLES, 'setup.computer.');
  if (extra) return extra;
  const computer: NonNullable<ReplaySetup['computer']> = {};
  for (const role of ROLES) {
    if (value[role] === undefined) continue;
    const opponent = checkOpponent(value[role], `setup.computer.${role}`);
    if (typeof opponent === 'string') return opponent;
    if (seats[role] !== 'computer')
      return `"setup.computer.${role}" describes the computer, but ${role}'s seat is "${seats[role]}"`;
    computer[role] = opponent;
  }
  return computer;
}

function checkOpponent(value: unknown, field: string): ReplayOpponent | Problem {
  if (!isRecord(value)) return `"${field}" must be an object with a level`;
  const extra = extraField(value, ['level', 'personality'], `${field}.`);
  if (extra) return extra;
  if (!isLevel(value.level))
    return `"${field}.level" must be ${LEVELS.map((l) => `"${l}"`)
      .join(', ')
      .replace(/, (?=[^,]*$)/, ' or ')}`;
  const opponent: ReplayOpponent = { level: value.level };
  if (value.personality !== undefined) {
    if (!isText(value.personality)) return textProblem(`${field}.personality`);
    opponent.personality = value.personality;
  }
  return opponent;
}

const MOVE_SHAPE = '(a move is { "type": "choose", "role": "kim" or "putin", "card": …, "option": … })';

function checkLog(value: unknown): ChooseAction[] | Problem {
  if (!Array.isArray(value)) return 'its "log" must be a list of moves';
  if (value.length > MAX_MOVES) {
    return `its log has ${value.length.toLocaleString('en-GB')} moves, more than the ${MAX_MOVES.toLocaleString('en-GB')} a replay may have`;
  }
  const log: ChooseAction[] = [];
  for (let i = 0; i < value.length; i++) {
    const move = value[i] as unknown;
    if (
      !isRecord(move) ||
      extraField(move, ['type', 'role', 'card', 'option']) !== null ||
      move.type !== 'choose' ||
      !isRole(move.role) ||
      typeof move.card !== 'string' ||
      typeof move.option !== 'string'
    )
      return `move ${i + 1} of the log is not a move ${MOVE_SHAPE}`;
    // whether the card and option are the scenario's is checked once it is at hand (bind.ts)
    log.push({ type: 'choose', role: move.role, card: move.card, option: move.option });
  }
  return log;
}

function checkOutcome(value: unknown): ReplayOutcome | Problem {
  if (!isRecord(value)) return 'it has no "outcome" saying where the game stood';
  const extra = extraField(value, ['turn', 'phase', 'ending', 'stateHash'], 'outcome.');
  if (extra) return extra;
  const { turn, phase, ending, stateHash } = value;
  if (typeof turn !== 'number' || !Number.isSafeInteger(turn) || turn < 1 || turn > MAX_TURN)
    return `"outcome.turn" must be a whole number from 1 to ${MAX_TURN.toLocaleString('en-GB')}`;
  if (phase !== 'playing' && phase !== 'over') return '"outcome.phase" must be "playing" or "over"';
  if (ending !== null && !isId(ending)) return '"outcome.ending" must be an ending id, or null';
  if (typeof stateHash !== 'string' || !HASH.test(stateHash))
    return '"outcome.stateHash" must be 16 hexadecimal digits';
  return { turn, phase, ending, stateHash };
}

/** `"x" is not a field a replay has`, for the first own key of `record` not in `allowed`. */
function extraField(
  record: Record<string, unknown>,
  allowed: readonly string[],
  prefix = '',
): Problem | null {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) return `it has a field it should not have (${quoted(prefix + key)})`;
  }
  return null;
}

function textProblem(field: string): Problem {
  return `"${field}" must be text of 1 to ${MAX_TEXT_LENGTH} characters, without control characters`;
}

function isText(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 1 && value.length <= MAX_TEXT_LENGTH && !hasControl(value)
  );
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID.test(value);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
