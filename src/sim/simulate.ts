// A batch of games between two players, summed up as a balance report; and a duel, in which two
// players each play each role against the other over the same worlds. A player is one of the
// engine's simple policies or a computer opponent (a level, with a personality).
import {
  otherRole,
  POLICIES,
  stableHash,
  type Policy,
  type PolicyName,
  type Role,
  type Rules,
} from '../engine/index.ts';
import { checkSettings, createOpponent, isLevel, opponentName, type Level } from '../ai/index.ts';
import { playGame } from './play.ts';
import type { BalanceReport, DuelReport, DuelSeating } from './report.ts';
import { gameSeeds } from './seeds.ts';
import { addGame, newTally, tallyReport } from './tally.ts';

/** A computer opponent of src/ai: its level and, optionally, its personality and rollout budget. */
export interface OpponentSpec {
  level: Level;
  personality?: string | undefined;
  rollouts?: number | undefined;
}

export type PlayerSpec = PolicyName | OpponentSpec;

export interface SimulateOptions {
  games: number;
  seed: number;
  kim: PlayerSpec;
  putin: PlayerSpec;
  /** Wraps each player's policy, e.g. to time its decisions (the clock stays with the caller). */
  instrument?: ((role: Role, policy: Policy) => Policy) | undefined;
}

export function isPolicyName(name: unknown): name is PolicyName {
  return typeof name === 'string' && Object.hasOwn(POLICIES, name);
}

/** A player named on a command line: a policy ("greedy") or a level ("hard"). */
export function isPlayerName(name: unknown): name is PolicyName | Level {
  return isPolicyName(name) || isLevel(name);
}

/** How a player appears in reports: "greedy", "hard", "hard (cautious-guardian)". */
export function describePlayer(spec: PlayerSpec): string {
  if (typeof spec === 'string') return spec;
  const name = opponentName({ level: spec.level, personality: spec.personality, seed: 0 });
  return spec.rollouts === undefined ? name : `${name}, ${spec.rollouts} rollouts`;
}

/** The policy of one player in one game, its randomness from the game's player seed. */
function makePlayer(spec: PlayerSpec, seed: number): Policy {
  if (typeof spec === 'string') return POLICIES[spec](seed);
  return createOpponent({ level: spec.level, personality: spec.personality, rollouts: spec.rollouts, seed });
}

function checkPlayer(rules: Rules, spec: PlayerSpec): void {
  if (typeof spec === 'string') {
    if (!isPolicyName(spec)) throw new RangeError(`unknown policy "${String(spec)}"`);
    return;
  }
  const problem = checkSettings(rules, { ...spec, seed: 0 });
  if (problem !== null) throw new RangeError(problem);
}

function checkGames(games: number): void {
  if (!Number.isSafeInteger(games) || games < 1)
    throw new RangeError(`games must be a whole number ≥ 1, got ${games}`);
}

function header(rules: Rules) {
  const scenario = rules.scenario;
  return { id: scenario.id, title: scenario.title, turns: scenario.turns, hash: stableHash(scenario) };
}

/** Plays `games` games (game i seeded from the batch seed) and reports on them. Pure. */
export function simulate(rules: Rules, options: SimulateOptions): BalanceReport {
  const { games, seed, kim, putin, instrument } = options;
  checkGames(games);
  checkPlayer(rules, kim);
  checkPlayer(rules, putin);
  const tally = newTally(rules);
  const seeds = gameSeeds(seed);
  const wrap = (role: Role, policy: Policy) => (instrument ? instrument(role, policy) : policy);
  for (let i = 0; i < games; i++) {
    const s = seeds.next().value;
    const final = playGame(rules, s.world, {
      kim: wrap('kim', makePlayer(kim, s.kim)),
      putin: wrap('putin', makePlayer(putin, s.putin)),
    });
    addGame(rules, tally, final);
  }
  return tallyReport(rules, tally, {
    scenario: header(rules),
    seed,
    policies: { kim: describePlayer(kim), putin: describePlayer(putin) },
  });
}

export interface DuelOptions {
  games: number;
  seed: number;
  /** The two players. A personality names the role it belongs to, so give each player one per role. */
  a: Readonly<Record<Role, PlayerSpec>>;
  b: Readonly<Record<Role, PlayerSpec>>;
  instrument?: ((player: 'a' | 'b', role: Role, policy: Policy) => Policy) | undefined;
}

function seating(report: BalanceReport, aPlays: Role): DuelSeating {
  const bPlays = otherRole(aPlays);
  const h = report.headToHead;
  return {
    aPlays,
    aBetterRate: h.betterRate[aPlays],
    sameRate: h.sameRate,
    aWorseRate: h.betterRate[bPlays],
    aWinRate: report.results[aPlays].winRate,
    bWinRate: report.results[bPlays].winRate,
    report,
  };
}

/**
 * Player A against player B, `games` games with A as Kim, then the same worlds (the same batch
 * seed) with A as Putin. Pure.
 */
export function simulateDuel(rules: Rules, options: DuelOptions): DuelReport {
  const { games, seed, a, b, instrument } = options;
  const wrap = (player: 'a' | 'b') => (role: Role, policy: Policy) =>
    instrument ? instrument(player, role, policy) : policy;
  const aAsKim = simulate(rules, {
    games,
    seed,
    kim: a.kim,
    putin: b.putin,
    instrument: (role, policy) => wrap(role === 'kim' ? 'a' : 'b')(role, policy),
  });
  const aAsPutin = simulate(rules, {
    games,
    seed,
    kim: b.kim,
    putin: a.putin,
    instrument: (role, policy) => wrap(role === 'putin' ? 'a' : 'b')(role, policy),
  });
  return {
    scenario: header(rules),
    games,
    seed,
    players: { a: describeDuellist(a), b: describeDuellist(b) },
    seatings: [seating(aAsKim, 'kim'), seating(aAsPutin, 'putin')],
  };
}

/** "hard", or "hard (kim: price-maximiser, putin: cautious-guardian)" when personalities differ. */
function describeDuellist(player: Readonly<Record<Role, PlayerSpec>>): string {
  const kim = describePlayer(player.kim);
  const putin = describePlayer(player.putin);
  return kim === putin ? kim : `${kim} as kim, ${putin} as putin`;
}
