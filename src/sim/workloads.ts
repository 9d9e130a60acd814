// Units of engine work for benchmarks: each step plays or replays one whole game and says how
// much it did. Pure (the clock belongs to whoever times them), so a Web Worker can run them too.
import {
  applyAction,
  greedyPolicy,
  newGame,
  randomPolicy,
  legalActions,
  type Action,
  type GameState,
  type Policy,
  type Rules,
} from '../engine/index.ts';
import { decide, type Level } from '../ai/index.ts';
import { playGame } from './play.ts';

export interface WorkDone {
  games: number;
  actions: number;
}

export interface Workload {
  /** e.g. "random vs random". */
  name: string;
  /** Does one unit of work (a whole game) and says how much. */
  step(): WorkDone;
}

function versus(name: string, rules: Rules, make: (seed: number) => Policy): Workload {
  let game = 0;
  return {
    name,
    step() {
      const seed = game++ % 0x40000000;
      const final = playGame(rules, seed, { kim: make(2 * seed), putin: make(2 * seed + 1) });
      return { games: 1, actions: final.log.length };
    },
  };
}

/** Replays recorded random games through applyAction alone: the engine without any policy. */
function replayOnly(rules: Rules, recorded: number): Workload {
  const games: { seed: number; log: readonly Action[] }[] = [];
  for (let seed = 0; seed < recorded; seed++) {
    const final = playGame(rules, seed, { kim: randomPolicy(2 * seed), putin: randomPolicy(2 * seed + 1) });
    games.push({ seed, log: final.log });
  }
  let next = 0;
  return {
    name: 'replay only (applyAction)',
    step() {
      const game = games[next++ % games.length]!;
      let state = newGame(rules, game.seed);
      for (const action of game.log) {
        const result = applyAction(rules, state, action);
        if (!result.ok) throw new Error(`replay of game ${game.seed} rejected: ${result.message}`);
        state = result.state;
      }
      return { games: 1, actions: game.log.length };
    },
  };
}

/** The engine's standard workloads on one scenario. */
export function engineWorkloads(rules: Rules): Workload[] {
  return [
    versus('random vs random', rules, randomPolicy),
    versus('greedy vs greedy', rules, greedyPolicy),
    replayOnly(rules, 256),
  ];
}

/** Positions worth deciding on: every state of recorded greedy games where a choice is open. */
export function decisionPositions(rules: Rules, games: number): GameState[] {
  const positions: GameState[] = [];
  for (let seed = 0; seed < games; seed++) {
    const kim = greedyPolicy(2 * seed);
    const putin = greedyPolicy(2 * seed + 1);
    let state = newGame(rules, seed);
    while (state.phase === 'playing') {
      if (legalActions(rules, state).length > 1) positions.push(state);
      const action = (state.active === 'kim' ? kim : putin).choose(rules, state)!;
      const result = applyAction(rules, state, action);
      if (!result.ok) throw new Error(`recorded game ${seed} rejected: ${result.message}`);
      state = result.state;
    }
  }
  return positions;
}

/**
 * One computer-opponent decision per step, over positions from recorded games (early, middle and
 * late in the game alike, in game order): time each step for the opponent's time per decision and
 * its 95th percentile. `actions` counts decisions.
 */
export function opponentWorkload(rules: Rules, level: Level, games = 16): Workload {
  const positions = decisionPositions(rules, games);
  let next = 0;
  return {
    name: `${level} opponent decision`,
    step() {
      const state = positions[next++ % positions.length]!;
      const decision = decide(rules, state, { level, seed: next });
      if (!decision.ok) throw new Error(`the ${level} opponent found no move: ${decision.message}`);
      return { games: 0, actions: 1 };
    },
  };
}
