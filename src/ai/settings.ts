// What the opponent is told: its level, its personality and its own seed. Plain data, so the same
// settings travel to a Web Worker and back.
import type { Role } from '../engine/index.ts';

export const LEVELS = ['easy', 'normal', 'hard'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, string> = { easy: 'Easy', normal: 'Normal', hard: 'Hard' };

/**
 * The hard level's rollout budget, unless the settings say otherwise: what a decision in the first
 * month gets; later decisions, whose rollouts are shorter, get more (see `rolloutBudget`), so each
 * costs about the same: about 15 ms in Node on the development machine (64 rollouts: hard
 * still beats easy as often as with 144, and decides within the page's 100 ms at the 95th percentile).
 */
export const HARD_ROLLOUTS = 64;
/** The most rollouts a decision may be given (a guard against a budget that would freeze a page). */
export const MAX_ROLLOUTS = 100_000;

export interface OpponentSettings {
  level: Level;
  /**
   * A personality id of the scenario. Omitted: the first personality the scenario lists for the
   * role, or the role's plain objectives if it lists none. A personality only steers the role it
   * belongs to; asked to play the other role, the opponent uses that role's default.
   */
  personality?: string | undefined;
  /** The opponent's own seed (a game against it can use the game's seed): its only randomness. */
  seed: number;
  /** Hard level only: the rollout budget of a first-month decision (default HARD_ROLLOUTS). */
  rollouts?: number | undefined;
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** The role's index in a seed: kim 0, putin 1. */
export function roleIndex(role: Role): number {
  return role === 'kim' ? 0 : 1;
}

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}
