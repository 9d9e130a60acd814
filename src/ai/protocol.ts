// The messages between the page and the opponent's Web Worker, and the worker's side of the
// conversation as a plain function (so it is tested without a real Worker).
//
//   page → worker  { type: 'init', id, scenarioId, hash, scenario }     once per scenario
//   worker → page  { type: 'ready', id, scenarioId, hash }
//   page → worker  { type: 'decide', id, scenarioId, hash, state, settings }
//   worker → page  { type: 'decision', id, action, rollouts }
//   worker → page  { type: 'error', id, code, message }                  for anything that fails
//
// `id` is the page's request number, echoed in the answer (null if the request had none). Every
// message is checked before use: anything malformed gets an error response, never a throw.
import {
  compileRules,
  isSeed,
  ROLES,
  STAGES,
  stableHash,
  type ChooseAction,
  type GameState,
  type Role,
  type Rules,
} from '../engine/index.ts';
import { seedRandom } from '../engine/random.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkSettings, decide } from './decide.ts';
import { isLevel, LEVELS, type OpponentSettings } from './settings.ts';

export interface InitRequest {
  type: 'init';
  id: number;
  scenarioId: string;
  /** The scenario's content hash (stableHash of the scenario), as shipped with the game. */
  hash: string;
  scenario: unknown;
  /** A scenario the page opened from a file and checked with the full scenario check. */
  checked?: boolean;
}

export interface DecideRequest {
  type: 'decide';
  id: number;
  scenarioId: string;
  hash: string;
  state: GameState;
  settings: OpponentSettings;
}

export type OpponentRequest = InitRequest | DecideRequest;

export type ErrorCode =
  | 'malformed'
  | 'bad-scenario'
  | 'hash-mismatch'
  | 'unknown-scenario'
  | 'bad-state'
  | 'bad-settings'
  | 'no-move'
  | 'failed';

export type OpponentResponse =
  | { type: 'ready'; id: number; scenarioId: string; hash: string }
  | { type: 'decision'; id: number; action: ChooseAction; rollouts: number }
  | { type: 'error'; id: number | null; code: ErrorCode; message: string };

/** Scenarios a worker keeps compiled at once; the oldest is dropped beyond this. */
export const MAX_SCENARIOS = 4;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(message: string): Checked<T> => ({ ok: false, message });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isWhole(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{16}$/.test(value);
}

/** Every own value of a plain record passes `test`. */
function everyValue(record: unknown, test: (v: unknown) => boolean): boolean {
  if (!isRecord(record)) return false;
  for (const key of Object.keys(record)) if (!test(record[key])) return false;
  return true;
}

const RNG_LENGTH = seedRandom(0).length;

/**
 * Checks that `input` is a state of the game these rules play, in every part the opponent and the
 * engine read. (History the rules only append to, such as the chronicle, need only be lists.)
 */
export function parseState(rules: Rules, input: unknown): Checked<GameState> {
  if (!isRecord(input)) return bad('the state is not an object');
  const s = input;
  if (s.scenarioId !== rules.scenario.id)
    return bad(`the state is of scenario "${String(s.scenarioId)}", not "${rules.scenario.id}"`);
  if (!isSeed(s.seed)) return bad('the state has no valid seed');
  if (!Array.isArray(s.rng) || s.rng.length !== RNG_LENGTH || !s.rng.every((n) => Number.isInteger(n)))
    return bad('the state has no valid random state');
  if (!isWhole(s.turn, 1) || s.turn > rules.scenario.turns) return bad('the state has no valid turn');
  if (s.phase !== 'playing' && s.phase !== 'over') return bad('the state has no valid phase');
  if (s.active !== null && !isRole(s.active)) return bad('the state has no valid active role');
  if (!isRecord(s.meters)) return bad('the state has no meters');
  for (const id of rules.meterIds) {
    const v = s.meters[id];
    if (typeof v !== 'number' || !Number.isFinite(v)) return bad(`meter "${id}" is missing or not a number`);
  }
  if (typeof s.stage !== 'string' || !(STAGES as readonly string[]).includes(s.stage))
    return bad('the state has no valid stage');
  if (!everyValue(s.flags, (v) => typeof v === 'boolean')) return bad('flags must be true or false');
  if (!everyValue(s.chose, (v) => typeof v === 'boolean')) return bad('choices must be true or false');
  if (!everyValue(s.played, (v) => isWhole(v))) return bad('card plays must be whole numbers');
  if (!everyValue(s.fired, (v) => isWhole(v))) return bad('event turns must be whole numbers');
  if (!isRecord(s.hands) || !isRecord(s.done)) return bad('the state has no hands');
  for (const role of ROLES) {
    const hand = s.hands[role];
    if (
      !Array.isArray(hand) ||
      !hand.every((id) => typeof id === 'string' && isCardOf(rules, id, role, false))
    )
      return bad(`${role}'s hand holds something that is not one of ${role}'s cards`);
    if (typeof s.done[role] !== 'boolean') return bad(`the state does not say whether ${role} has played`);
  }
  if (!Array.isArray(s.offers)) return bad('the state has no list of offers');
  for (const offer of s.offers as unknown[]) {
    if (!isRecord(offer) || !isRole(offer.from) || typeof offer.via !== 'string')
      return bad('an offer is malformed');
    if (typeof offer.card !== 'string' || !isCardOf(rules, offer.card, null, true))
      return bad('an offer names a card that is not an offer card');
  }
  if (!Array.isArray(s.pending)) return bad('the state has no list of delayed outcomes');
  for (const p of s.pending as unknown[]) {
    if (!isRecord(p) || !isWhole(p.due) || !isWhole(p.index) || !isRole(p.role))
      return bad('a delayed outcome is malformed');
    const option =
      typeof p.card === 'string' && typeof p.option === 'string'
        ? rules.options.get(`${p.card}/${p.option}`)
        : undefined;
    if (!option || p.index >= (option.later?.length ?? 0))
      return bad('a delayed outcome names no delayed outcome of the scenario');
  }
  for (const key of ['news', 'chronicle', 'timeline', 'log'] as const)
    if (!Array.isArray(s[key])) return bad(`the state has no ${key}`);
  if (!isRecord(s.score) || typeof s.score.kim !== 'number' || typeof s.score.putin !== 'number')
    return bad('the state has no score');
  if (s.ending !== null && !isRecord(s.ending)) return bad('the ending is malformed');
  return ok(input as unknown as GameState);
}

function isCardOf(rules: Rules, id: string, role: Role | null, offer: boolean): boolean {
  const card = rules.cards.get(id);
  return card !== undefined && (role === null || card.role === role) && (card.offer === true) === offer;
}

/** Checks settings that came from outside. */
export function parseSettings(rules: Rules, input: unknown): Checked<OpponentSettings> {
  if (!isRecord(input)) return bad('the settings are not an object');
  if (!isLevel(input.level)) return bad(`level must be one of ${LEVELS.join(', ')}`);
  if (input.personality !== undefined && typeof input.personality !== 'string')
    return bad('personality must be a personality id');
  if (input.rollouts !== undefined && typeof input.rollouts !== 'number')
    return bad('rollouts must be a number');
  const settings: OpponentSettings = {
    level: input.level,
    seed: typeof input.seed === 'number' ? input.seed : Number.NaN,
    ...(input.personality === undefined ? {} : { personality: input.personality }),
    ...(input.rollouts === undefined ? {} : { rollouts: input.rollouts }),
  };
  const problem = checkSettings(rules, settings);
  return problem === null ? ok(settings) : bad(problem);
}

function fail(id: number | null, code: ErrorCode, message: string): OpponentResponse {
  return { type: 'error', id, code, message };
}

export interface OpponentHandler {
  /** Answers one message. Never throws. */
  handle(message: unknown): OpponentResponse;
  /** Hashes of the scenarios compiled now, oldest first. */
  readonly loaded: () => string[];
}

/**
 * Decides whether a scenario sent to the worker may be compiled. In Node (tests, tools) it is the
 * scenario schema (`schemaGate`); in the page's worker it is the list of content hashes the game
 * was built with (`shippedGate`): those scenarios passed the schema at build time, and the schema
 * library stays out of the worker's download.
 */
export type ScenarioGate = (scenario: unknown, checked: boolean) => Checked<Scenario>;

/**
 * Accepts the scenarios whose content hash is listed, and those the page says it has checked: a
 * file a teacher opened, which the page's checker worker (the same checks as scenarios:check)
 * passed before the page offered to play it.
 */
export function shippedGate(hashes: readonly string[]): ScenarioGate {
  const known = new Set(hashes);
  return (scenario, checked) =>
    checked || known.has(stableHash(scenario))
      ? ok(scenario as Scenario)
      : bad('it is not a scenario this game was built with, nor one the page has checked');
}

/** The worker's state and logic: compiled rules per scenario hash, and an answer per message. */
export function createHandler(gate: ScenarioGate): OpponentHandler {
  const compiled = new Map<string, Rules>();

  function init(id: number, m: Record<string, unknown>): OpponentResponse {
    const hash = m.hash as string;
    const parsed = gate(m.scenario, m.checked === true);
    if (!parsed.ok) return fail(id, 'bad-scenario', `the scenario was refused: ${parsed.message}`);
    if (parsed.value.id !== m.scenarioId)
      return fail(id, 'bad-scenario', `the scenario is "${parsed.value.id}", not "${String(m.scenarioId)}"`);
    if (stableHash(m.scenario) !== hash)
      return fail(id, 'hash-mismatch', 'the scenario does not match its content hash');
    if (!compiled.has(hash)) {
      compiled.set(hash, compileRules(parsed.value));
      while (compiled.size > MAX_SCENARIOS) compiled.delete(compiled.keys().next().value!);
    }
    return { type: 'ready', id, scenarioId: parsed.value.id, hash };
  }

  function decideMessage(id: number, m: Record<string, unknown>): OpponentResponse {
    const rules = compiled.get(m.hash as string);
    if (!rules || rules.scenario.id !== m.scenarioId)
      return fail(id, 'unknown-scenario', 'this scenario has not been sent to the worker: send "init" first');
    const settings = parseSettings(rules, m.settings);
    if (!settings.ok) return fail(id, 'bad-settings', settings.message);
    const state = parseState(rules, m.state);
    if (!state.ok) return fail(id, 'bad-state', state.message);
    const decision = decide(rules, state.value, settings.value);
    if (!decision.ok) return fail(id, decision.code, decision.message);
    return { type: 'decision', id, action: decision.action, rollouts: decision.rollouts };
  }

  return {
    loaded: () => [...compiled.keys()],
    handle(message) {
      const id = isRecord(message) && isWhole(message.id) ? message.id : null;
      try {
        if (!isRecord(message)) return fail(null, 'malformed', 'a message is an object');
        if (id === null) return fail(null, 'malformed', 'a message needs a request id (a whole number)');
        if (typeof message.scenarioId !== 'string' || !isHash(message.hash))
          return fail(id, 'malformed', 'a message names its scenario id and content hash (16 hex digits)');
        if (message.type === 'init') return init(id, message);
        if (message.type === 'decide') return decideMessage(id, message);
        return fail(id, 'malformed', 'a message is of type "init" or "decide"');
      } catch (error) {
        // A state that passed the checks but still trips the engine: an answer, not a crash.
        return fail(
          id,
          'failed',
          `the opponent failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  };
}
