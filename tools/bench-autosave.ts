// The autosave's cost per move, for `npm run bench`: a whole game of a shipped scenario played
// move by move (greedy Kim against random Putin, a fixed seed), saved after every move as the page
// saves it now (SaveStore.record: the game's own replay, written as it is) and as it saved it
// before (SaveStore.put: the replay checked by playing it from the start again), each into a
// storage in memory. Both in the same run; milliseconds of wall-clock time per move.
import { applyAction, compileRules, greedyPolicy, newGame, randomPolicy } from '../src/engine/index.ts';
import { buildReplay, libraryOf, SaveStore, type ReplaySetup } from '../src/persist/index.ts';
import type { StorageLike } from '../src/persist/storage.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';

export interface AutosaveFigure {
  scenario: string;
  moves: number;
  /** Mean milliseconds per move, and at the game's last move (the longest replay). */
  recordMs: { mean: number; last: number };
  putMs: { mean: number; last: number };
  runs: number;
}

class MemoryStorage implements StorageLike {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const SETUP: ReplaySetup = {
  seats: { kim: 'human', putin: 'computer' },
  computer: { putin: { level: 'normal' } },
  mode: 'vs-computer',
};

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The median of each move's times across runs. */
function perMove(xs: number[][]): number[] {
  return xs[0]!.map((_, move) => xs.map((run) => run[move]!).toSorted((a, b) => a - b)[xs.length >> 1]!);
}

function summary(xs: number[][]): { mean: number; last: number } {
  const moves = perMove(xs);
  return { mean: round3(moves.reduce((a, b) => a + b, 0) / moves.length), last: round3(moves.at(-1)!) };
}

/** Plays one game and times both ways of saving after each move; `runs` games, medians taken per move. */
export function autosaveFigure(scenarioId = 'vostochny-summit', runs = 3, seed = 20230913): AutosaveFigure {
  const known = loadShippedScenario(scenarioId);
  const rules = compileRules(known.scenario);
  const library = libraryOf([known]);
  const policies = { kim: greedyPolicy(seed), putin: randomPolicy((seed ^ 1) >>> 0) };
  const states = [newGame(rules, seed)];
  while (states.at(-1)!.phase === 'playing') {
    const state = states.at(-1)!;
    const result = applyAction(rules, state, policies[state.active!].choose(rules, state)!);
    if (!result.ok) throw new Error(result.message);
    states.push(result.state);
  }
  const time = (how: 'record' | 'put'): number[] => {
    const store = new SaveStore({ storage: new MemoryStorage(), library });
    return states.slice(1).map((state) => {
      const start = performance.now();
      const file = buildReplay({
        scenarioHash: known.hash,
        state,
        setup: SETUP,
        savedAt: new Date().toISOString(),
      });
      const saved = how === 'record' ? store.record('game', file) : store.put('game', file);
      const ms = performance.now() - start;
      if (!saved.ok) throw new Error(`autosave bench: ${saved.message}`);
      return ms;
    });
  };
  time('put'); // warm-up: let the JIT settle
  time('record');
  const record: number[][] = [];
  const put: number[][] = [];
  for (let i = 0; i < runs; i++) {
    record.push(time('record'));
    put.push(time('put'));
  }
  return {
    scenario: scenarioId,
    moves: states.length - 1,
    recordMs: summary(record),
    putMs: summary(put),
    runs,
  };
}

export function formatAutosave(f: AutosaveFigure): string {
  return (
    `Autosave per move (${f.scenario}, a whole game of ${f.moves} moves, medians of ${f.runs} games):\n` +
    `  now (the game's own replay written as it is): mean ${f.recordMs.mean} ms, at the last move ${f.recordMs.last} ms\n` +
    `  before (checked by playing the whole game again): mean ${f.putMs.mean} ms, at the last move ${f.putMs.last} ms\n`
  );
}
