// The class debrief's figures, from the results handed in: pure aggregation, no DOM. Every figure
// is defined in docs/classroom.md; csv.ts writes the games and the card choices as CSV.
import type { Scenario, Tradeoff } from '../scenario/schema.ts';
import { cardChoices, gameCards, type CardChoices } from './choices.ts';
import { endingTables, type EndingTable } from './endings.ts';
import { gameSummary, meterInfo, type GameSummary, type MeterInfo } from './games.ts';
import type { CheckedResult } from './readResult.ts';
import { sidesOf, type Side } from './roles.ts';
import type { ClassSession } from './session.ts';
import { tradeoffsMet, type TradeoffsMet } from './tradeoffs.ts';
import { scoreSpreads, unusualGames, type ScoreSpread, type UnusualGame } from './unusual.ts';

export interface DashboardInput {
  /** The class's scenario (every result must be of it: parseResults sees to that). */
  scenario: Scenario;
  /** The results to count (ParsedResults.results). */
  results: readonly CheckedResult[];
  /** The class session, if known: it says which sides the students play. */
  session?: ClassSession | null;
  /** The trade-off catalogue (the page's content.tradeoffs), for each trade-off's words. */
  tradeoffs?: readonly Tradeoff[];
}

export interface Dashboard {
  scenario: { id: string; title: string };
  session: ClassSession | null;
  /** One per result, in order; games[i].index === i. */
  games: GameSummary[];
  /** The scenario's meters, in its order: the keys of each game's `final` and `timeline`. */
  meters: MeterInfo[];
  /** One table per side the students played. */
  endings: EndingTable[];
  /** One per card of the scenario, in its order. */
  cards: CardChoices[];
  tradeoffs: TradeoffsMet;
  /** For each side and each role played from it, how the scores spread. */
  scores: ScoreSpread[];
  unusual: UnusualGame[];
}

const SIDES: readonly Side[] = ['kim', 'putin', 'both'];

export function buildDashboard({
  scenario,
  results,
  session = null,
  tradeoffs = [],
}: DashboardInput): Dashboard {
  const foreign = results.find((r) => r.scenario.id !== scenario.id);
  if (foreign) throw new RangeError(`buildDashboard: a result of another scenario (${foreign.scenario.id})`);
  const catalogue = new Map(tradeoffs.map((t) => [t.id, t]));
  const games = results.map(gameSummary);
  const sides = session ? sidesOf(session.roles) : SIDES.filter((s) => games.some((g) => g.side === s));
  const met = results.map(gameCards);
  const endings = endingTables(scenario, games, sides);
  const scores = scoreSpreads(scenario, games, sides);
  return {
    scenario: { id: scenario.id, title: scenario.title },
    session,
    games,
    meters: meterInfo(scenario),
    endings,
    cards: cardChoices(scenario, met, catalogue),
    tradeoffs: tradeoffsMet(scenario, met, catalogue),
    scores,
    unusual: unusualGames(games, endings, scores),
  };
}
