// Running totals over finished games, turned into a BalanceReport at the end. Totals are added in
// game order, so the same games give the same report to the last bit.
import { ROLES, type GameState, type Role, type Rules } from '../engine/index.ts';
import {
  SMALL_SAMPLE,
  type BalanceReport,
  type OptionStats,
  type RoleResults,
  type WinEffect,
} from './report.ts';

interface OptionTotals {
  chosen: number;
  gamesWith: number;
  winsWith: number;
  gamesWithout: number;
  winsWithout: number;
}

export interface Tally {
  games: number;
  endings: Map<string, number>;
  results: Record<Role, { win: number; draw: number; loss: number }>;
  better: Record<Role, number>;
  same: number;
  endedOnTurn: number[];
  moves: number;
  /** Per turn (index 0 = turn 1): games playing, and the sum of each meter in rules.meterIds order. */
  playing: number[];
  meterSums: number[][];
  endSums: number[];
  cardPlayed: Map<string, number>;
  /** Keyed "card/option". */
  options: Map<string, OptionTotals>;
}

export function newTally(rules: Rules): Tally {
  const turns = rules.scenario.turns;
  const options = new Map<string, OptionTotals>();
  for (const key of rules.options.keys()) {
    options.set(key, { chosen: 0, gamesWith: 0, winsWith: 0, gamesWithout: 0, winsWithout: 0 });
  }
  return {
    games: 0,
    endings: new Map(rules.scenario.endings.map((e) => [e.id, 0])),
    results: { kim: { win: 0, draw: 0, loss: 0 }, putin: { win: 0, draw: 0, loss: 0 } },
    better: { kim: 0, putin: 0 },
    same: 0,
    endedOnTurn: Array.from({ length: turns }, () => 0),
    moves: 0,
    playing: Array.from({ length: turns }, () => 0),
    meterSums: Array.from({ length: turns }, () => rules.meterIds.map(() => 0)),
    endSums: rules.meterIds.map(() => 0),
    cardPlayed: new Map(rules.scenario.cards.map((c) => [c.id, 0])),
    options,
  };
}

/** Results in order, for comparing two roles' results. */
const RANK = { loss: 0, draw: 1, win: 2 } as const;

/** Adds one finished game. */
export function addGame(rules: Rules, tally: Tally, state: GameState): void {
  const ending = state.ending;
  if (state.phase !== 'over' || ending === null) throw new Error(`game ${state.seed} has not ended`);
  const turns = rules.scenario.turns;
  if (ending.turn < 1 || ending.turn > turns) {
    throw new Error(`game ${state.seed} ended on turn ${ending.turn}, outside the scenario's ${turns} turns`);
  }
  tally.games++;
  tally.endings.set(ending.id, (tally.endings.get(ending.id) ?? 0) + 1);
  for (const role of ROLES) tally.results[role][ending.result[role]]++;
  const kim = RANK[ending.result.kim];
  const putin = RANK[ending.result.putin];
  if (kim > putin) tally.better.kim++;
  else if (putin > kim) tally.better.putin++;
  else tally.same++;
  tally.endedOnTurn[ending.turn - 1]!++;
  tally.moves += state.log.length;

  // The timeline holds the meters at the start of each month played, then once more at the end.
  const last = state.timeline.length - 1;
  for (let t = 0; t < last && t < turns; t++) {
    tally.playing[t]!++;
    addMeters(rules, tally.meterSums[t]!, state.timeline[t]!);
  }
  addMeters(rules, tally.endSums, state.timeline[last]!);

  const chosenHere = new Set<string>();
  const playedHere = new Set<string>();
  for (const action of state.log) {
    const key = `${action.card}/${action.option}`;
    tally.options.get(key)!.chosen++;
    tally.cardPlayed.set(action.card, (tally.cardPlayed.get(action.card) ?? 0) + 1);
    chosenHere.add(key);
    playedHere.add(action.card);
  }
  for (const card of playedHere) {
    const won = ending.result[rules.cards.get(card)!.role] === 'win' ? 1 : 0;
    for (const option of rules.cards.get(card)!.options) {
      const totals = tally.options.get(`${card}/${option.id}`)!;
      if (chosenHere.has(`${card}/${option.id}`)) {
        totals.gamesWith++;
        totals.winsWith += won;
      } else {
        totals.gamesWithout++;
        totals.winsWithout += won;
      }
    }
  }
}

function addMeters(rules: Rules, sums: number[], meters: Readonly<Record<string, number>>): void {
  rules.meterIds.forEach((id, i) => {
    sums[i]! += meters[id]!;
  });
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function roleResults(counts: { win: number; draw: number; loss: number }, games: number): RoleResults {
  return {
    ...counts,
    winRate: counts.win / games,
    drawRate: counts.draw / games,
    lossRate: counts.loss / games,
  };
}

function winEffect(t: OptionTotals): WinEffect {
  const winRateWith = ratio(t.winsWith, t.gamesWith);
  const winRateWithout = ratio(t.winsWithout, t.gamesWithout);
  return {
    gamesWith: t.gamesWith,
    winRateWith,
    gamesWithout: t.gamesWithout,
    winRateWithout,
    effect: winRateWith === null || winRateWithout === null ? null : winRateWith - winRateWithout,
    smallSample: Math.min(t.gamesWith, t.gamesWithout) < SMALL_SAMPLE,
  };
}

/** Most chosen first; ties by share, then in scenario order (sort is stable). */
function byChoice(a: OptionStats, b: OptionStats): number {
  return b.chosen - a.chosen || (b.share ?? -1) - (a.share ?? -1);
}

export type ReportHeader = Pick<BalanceReport, 'scenario' | 'seed' | 'policies'>;

export function tallyReport(rules: Rules, tally: Tally, header: ReportHeader): BalanceReport {
  const games = tally.games;
  if (games === 0) throw new RangeError('a report needs at least one game');
  const options: OptionStats[] = [];
  for (const card of rules.scenario.cards) {
    const cardPlayed = tally.cardPlayed.get(card.id) ?? 0;
    for (const option of card.options) {
      const totals = tally.options.get(`${card.id}/${option.id}`)!;
      options.push({
        card: card.id,
        option: option.id,
        role: card.role,
        label: option.label,
        chosen: totals.chosen,
        cardPlayed,
        share: ratio(totals.chosen, cardPlayed),
        win: winEffect(totals),
      });
    }
  }
  options.sort(byChoice);
  let minTurns = 0;
  let maxTurns = 0;
  let turnSum = 0;
  tally.endedOnTurn.forEach((count, i) => {
    if (count === 0) return;
    if (minTurns === 0) minTurns = i + 1;
    maxTurns = i + 1;
    turnSum += count * (i + 1);
  });
  return {
    scenario: header.scenario,
    games,
    seed: header.seed,
    policies: header.policies,
    results: { kim: roleResults(tally.results.kim, games), putin: roleResults(tally.results.putin, games) },
    headToHead: {
      better: { ...tally.better },
      same: tally.same,
      betterRate: { kim: tally.better.kim / games, putin: tally.better.putin / games },
      sameRate: tally.same / games,
    },
    endings: rules.scenario.endings.map((e) => {
      const count = tally.endings.get(e.id) ?? 0;
      return {
        id: e.id,
        title: e.title,
        kind: e.kind,
        role: e.role,
        result: { ...e.result },
        count,
        share: count / games,
      };
    }),
    length: {
      meanTurns: turnSum / games,
      minTurns,
      maxTurns,
      endedOnTurn: [...tally.endedOnTurn],
      meanMoves: tally.moves / games,
    },
    gamesPerTurn: [...tally.playing],
    meters: rules.meterIds.map((id, i) => {
      const def = rules.meters.get(id)!;
      return {
        id,
        label: def.label,
        owner: def.owner,
        perTurn: tally.playing.map((n, t) => (n === 0 ? null : tally.meterSums[t]![i]! / n)),
        end: tally.endSums[i]! / games,
      };
    }),
    options,
  };
}
