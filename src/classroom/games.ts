// One row per game of the class: who played it, how it ended, and its meters month by month.
import type { EndResult, Role } from '../engine/index.ts';
import type { ReplayFile } from '../persist/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { CheckedResult } from './readResult.ts';
import type { Side } from './roles.ts';

export interface GameSummary {
  /** Its place in the dashboard's games (and in the results it was built from). */
  index: number;
  /** The input it came from. */
  name: string;
  /** The student's name or team: free text, to show as text only. */
  label: string;
  side: Side;
  /** The ending reached, or null for a game handed in unfinished. */
  ending: { id: string; title: string; result: Record<Role, EndResult> } | null;
  /** Each role's points from objectives met, at the end. */
  score: Record<Role, number>;
  /** The month reached. */
  months: number;
  /** Moves made, by both sides. */
  moves: number;
  /** Every meter at the end of the game. */
  final: Record<string, number>;
  /** Every meter at the start of each month (index 0 = month 1) and, last, at the end of the game. */
  timeline: Record<string, number>[];
  /** The game's replay file, to open in the replay viewer or share as a link. */
  replay: ReplayFile;
}

export interface MeterInfo {
  id: string;
  label: string;
  owner: Scenario['meters'][string]['owner'];
  min: number;
  max: number;
  /** Hidden from the other side during a two-player game; the class debrief shows it. */
  private: boolean;
}

export function meterInfo(scenario: Scenario): MeterInfo[] {
  return Object.entries(scenario.meters).map(([id, m]) => ({
    id,
    label: m.label,
    owner: m.owner,
    min: m.min,
    max: m.max,
    private: m.private === true,
  }));
}

export function gameSummary(result: CheckedResult, index: number): GameSummary {
  const last = result.states.at(-1)!;
  const reached = last.ending;
  const ending = reached && result.scenario.endings.find((e) => e.id === reached.id);
  return {
    index,
    name: result.name,
    label: result.label,
    side: result.side,
    ending: reached
      ? { id: reached.id, title: ending?.title ?? reached.id, result: { ...reached.result } }
      : null,
    score: { ...last.score },
    months: last.turn,
    moves: last.log.length,
    final: { ...last.meters },
    timeline: last.timeline.map((month) => ({ ...month })),
    replay: result.replay,
  };
}
