// The balance report: what thousands of simulated games say about a scenario. Plain data, so it
// serialises to JSON as is and compares deep-equal.
import type { EndResult, Role } from '../engine/index.ts';

/** Below this many games on either side of a comparison, an option's effect is marked unreliable. */
export const SMALL_SAMPLE = 30;

export interface RoleResults {
  win: number;
  draw: number;
  loss: number;
  /** Shares of all games; they sum to 1. */
  winRate: number;
  drawRate: number;
  lossRate: number;
}

export interface EndingStats {
  id: string;
  title: string;
  kind: 'collapse' | 'final';
  /** Whose story the ending tells. */
  role: Role | 'both';
  result: Record<Role, EndResult>;
  count: number;
  share: number;
}

export interface MeterSeries {
  id: string;
  label: string;
  owner: string;
  /** Average at the start of each month over the games still playing; null if none was. */
  perTurn: (number | null)[];
  /** Average when the game ended. */
  end: number;
}

export interface LengthStats {
  /** Turn on which the game ended. */
  meanTurns: number;
  minTurns: number;
  maxTurns: number;
  /** Games that ended on each turn: index 0 is turn 1. */
  endedOnTurn: number[];
  /** Moves (choices and answers) per game. */
  meanMoves: number;
}

/** Win rates of the role that owns the card, with and without this option chosen. */
export interface WinEffect {
  /** Games in which the option was chosen at least once. */
  gamesWith: number;
  winRateWith: number | null;
  /** Games in which its card was played but only with other options. */
  gamesWithout: number;
  winRateWithout: number | null;
  /** winRateWith − winRateWithout; null when either side has no game. */
  effect: number | null;
  /** Fewer than SMALL_SAMPLE games on one side: read the effect with care. */
  smallSample: boolean;
}

export interface OptionStats {
  card: string;
  option: string;
  role: Role;
  label: string;
  /** Times chosen over all games. */
  chosen: number;
  /** Times its card was played over all games. */
  cardPlayed: number;
  /** chosen / cardPlayed; null if the card was never played. */
  share: number | null;
  win: WinEffect;
}

/** Who did better in each game: a role's result beats the other's when it is higher (win > draw > loss). */
export interface HeadToHead {
  /** Games in which each role's result was better than the other's. */
  better: Record<Role, number>;
  /** Games in which both got the same result. */
  same: number;
  betterRate: Record<Role, number>;
  sameRate: number;
}

export interface BalanceReport {
  scenario: { id: string; title: string; turns: number; hash: string };
  games: number;
  seed: number;
  /** Who played each role: a policy ("greedy") or an opponent level ("hard", "hard (cautious-guardian)"). */
  policies: Record<Role, string>;
  results: Record<Role, RoleResults>;
  headToHead: HeadToHead;
  /** Every ending of the scenario, in scenario order, reached or not. */
  endings: EndingStats[];
  length: LengthStats;
  /** Games still playing at the start of each month: index 0 is turn 1. */
  gamesPerTurn: number[];
  meters: MeterSeries[];
  /** Every option of every card, most chosen first. */
  options: OptionStats[];
}

/** One seating of a duel: which role player A took, and how A fared against B. */
export interface DuelSeating {
  /** The role player A played (B played the other). */
  aPlays: Role;
  /** Shares of games in which A's result was better than B's, the same, or worse. */
  aBetterRate: number;
  sameRate: number;
  aWorseRate: number;
  aWinRate: number;
  bWinRate: number;
  report: BalanceReport;
}

/** Two players, each playing each role against the other over the same worlds. */
export interface DuelReport {
  scenario: BalanceReport['scenario'];
  /** Games per seating. */
  games: number;
  seed: number;
  players: { a: string; b: string };
  seatings: [DuelSeating, DuelSeating];
}
