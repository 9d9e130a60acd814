// Endings reached, by the side the students played: how many games reached each, and what share.
import type { EndResult, Role } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameSummary } from './games.ts';
import type { Side } from './roles.ts';
import { share } from './stats.ts';

/** The title of the row for games handed in before they ended. */
export const NOT_FINISHED = 'Not finished';

export interface EndingRow {
  /** The ending's id; null for games not finished. */
  ending: string | null;
  title: string;
  /** What the ending means for each role (null for games not finished). */
  result: Record<Role, EndResult> | null;
  count: number;
  /** count / the side's games (0 when the side has none). */
  share: number;
}

export interface EndingTable {
  side: Side;
  /** Games played from this side. */
  games: number;
  /** Every ending of the scenario, in its order, reached or not; then "Not finished" if any was. */
  rows: EndingRow[];
}

export function endingTables(
  scenario: Scenario,
  games: readonly GameSummary[],
  sides: readonly Side[],
): EndingTable[] {
  return sides.map((side) => {
    const own = games.filter((g) => g.side === side);
    const count = (id: string | null) => own.filter((g) => (g.ending?.id ?? null) === id).length;
    const rows: EndingRow[] = scenario.endings.map((e) => ({
      ending: e.id,
      title: e.title,
      result: { ...e.result },
      count: count(e.id),
      share: share(count(e.id), own.length),
    }));
    const open = count(null);
    if (open > 0)
      rows.push({
        ending: null,
        title: NOT_FINISHED,
        result: null,
        count: open,
        share: share(open, own.length),
      });
    return { side, games: own.length, rows };
  });
}
