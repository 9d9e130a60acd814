// Games worth a look in the class debrief: those that reached an ending few others reached, and
// those whose score lies far from the class's. docs/classroom.md gives the definitions.
import type { Role } from '../engine/index.ts';
import type { ReplayFile } from '../persist/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { EndingTable } from './endings.ts';
import type { GameSummary } from './games.ts';
import { SIDE_ROLES, type Side } from './roles.ts';
import { median, medianDeviation } from './stats.ts';

/** An ending is rare when at most this share of the games played from the same side reached it. */
export const RARE_SHARE = 0.1;
/** A score is far from the median when it is at least this many median absolute deviations away… */
export const FAR_DEVIATIONS = 3;
/** …and at least this share of the most points the role's objectives can give (and at least 1 point). */
export const FAR_SHARE_OF_POINTS = 0.2;

/** How a role's scores spread over the finished games played from one side (an unfinished game's score is partial). */
export interface ScoreSpread {
  side: Side;
  role: Role;
  games: number;
  median: number;
  /** The median absolute deviation from the median. */
  deviation: number;
  /** The most points the role's objectives can give. */
  maxPoints: number;
  /** How far from the median a score must be to be unusual. */
  threshold: number;
}

export type UnusualReason =
  | { kind: 'rare-ending'; ending: string | null; title: string; count: number; games: number; share: number }
  | { kind: 'far-score'; role: Role; score: number; median: number; distance: number; threshold: number };

export interface UnusualGame {
  /** Its index in the dashboard's games. */
  game: number;
  name: string;
  label: string;
  side: Side;
  /** The replay to open (the viewer) or share (a link). */
  replay: ReplayFile;
  reasons: UnusualReason[];
}

export function scoreSpreads(
  scenario: Scenario,
  games: readonly GameSummary[],
  sides: readonly Side[],
): ScoreSpread[] {
  return sides.flatMap((side) =>
    SIDE_ROLES[side].map((role) => {
      const scores = games.filter((g) => g.side === side && g.ending !== null).map((g) => g.score[role]);
      const deviation = medianDeviation(scores);
      const maxPoints = scenario.objectives
        .filter((o) => o.role === role)
        .reduce((sum, o) => sum + o.points, 0);
      const threshold = Math.max(FAR_DEVIATIONS * deviation, Math.ceil(FAR_SHARE_OF_POINTS * maxPoints), 1);
      return { side, role, games: scores.length, median: median(scores), deviation, maxPoints, threshold };
    }),
  );
}

export function unusualGames(
  games: readonly GameSummary[],
  endings: readonly EndingTable[],
  spreads: readonly ScoreSpread[],
): UnusualGame[] {
  const unusual: UnusualGame[] = [];
  for (const game of games) {
    const reasons: UnusualReason[] = [];
    const table = endings.find((t) => t.side === game.side);
    const row = table?.rows.find((r) => r.ending === (game.ending?.id ?? null));
    if (table && row && row.share <= RARE_SHARE) {
      const { ending, title, count, share } = row;
      reasons.push({ kind: 'rare-ending', ending, title, count, games: table.games, share });
    }
    for (const spread of game.ending === null ? [] : spreads.filter((s) => s.side === game.side)) {
      const score = game.score[spread.role];
      const distance = Math.abs(score - spread.median);
      if (distance >= spread.threshold)
        reasons.push({
          kind: 'far-score',
          role: spread.role,
          score,
          median: spread.median,
          distance,
          threshold: spread.threshold,
        });
    }
    if (reasons.length > 0) {
      const { index, name, label, side, replay } = game;
      unusual.push({ game: index, name, label, side, replay, reasons });
    }
  }
  return unusual;
}
