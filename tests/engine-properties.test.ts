// Properties that must hold for any seed and any sequence of legal moves, in every scenario.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  applyActionInPlace,
  newScratchGame,
  compileRules,
  legalActions,
  newGame,
  replay,
  stableHash,
  type GameState,
  type Rules,
} from '../src/engine/index.ts';
import { loadShippedScenario, shippedScenarioFiles } from '../src/scenario/node.ts';
import { basename } from 'node:path';
import { fixtureScenario } from './helpers/load.ts';

const scenarios: [string, Rules][] = [
  ['mini', compileRules(fixtureScenario())],
  ...shippedScenarioFiles().map((f): [string, Rules] => {
    const id = basename(f, '.scenario.yaml');
    return [id, compileRules(loadShippedScenario(id).scenario)];
  }),
];

/** Plays a game, choosing each move by the next number of `picks` (wrapping), checking as it goes. */
function playOut(
  rules: Rules,
  seed: number,
  picks: number[],
  check: (before: GameState, after: GameState) => void,
) {
  let state = newGame(rules, seed);
  for (let i = 0; state.phase === 'playing'; i++) {
    const legal = legalActions(rules, state);
    expect(legal.length, `stuck at turn ${state.turn} with ${state.active} to move`).toBeGreaterThan(0);
    const action = legal[(picks[i % picks.length] ?? 0) % legal.length]!;
    const frozen = JSON.stringify(state);
    const result = applyAction(rules, state, action);
    expect(result.ok).toBe(true);
    if (!result.ok) return state;
    expect(JSON.stringify(state), 'the previous state was mutated').toBe(frozen);
    check(state, result.state);
    state = result.state;
    expect(i).toBeLessThan(1000);
  }
  return state;
}

const seedArb = fc.integer({ min: 0, max: 0xffffffff });
const picksArb = fc.array(fc.nat(), { minLength: 1, maxLength: 60 });

describe.each(scenarios)('%s', (_name, rules) => {
  it('keeps every meter finite and within its bounds, and never mutates a state', () => {
    fc.assert(
      fc.property(seedArb, picksArb, (seed, picks) => {
        playOut(rules, seed, picks, (_before, after) => {
          for (const [id, def] of rules.meters) {
            const v = after.meters[id]!;
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(def.min);
            expect(v).toBeLessThanOrEqual(def.max);
          }
          expect(after.turn).toBeLessThanOrEqual(rules.scenario.turns);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('always reaches an ending, and replaying the log gives the same states and hash', () => {
    fc.assert(
      fc.property(seedArb, picksArb, (seed, picks) => {
        const states: GameState[] = [newGame(rules, seed)];
        const end = playOut(rules, seed, picks, (_b, after) => states.push(after));
        expect(end.ending).not.toBeNull();
        const again = replay(rules, seed, end.log);
        expect(again.ok).toBe(true);
        expect(again.states.map(stableHash)).toEqual(states.map(stableHash));
      }),
      { numRuns: 100 },
    );
  });

  it("plays the same game through applyAction and through the simulators' in-place path", () => {
    fc.assert(
      fc.property(seedArb, picksArb, (seed, picks) => {
        const end = playOut(rules, seed, picks, () => {});
        const scratch = newScratchGame(rules, seed);
        for (const action of end.log) expect(applyActionInPlace(rules, scratch, action)).toBeNull();
        expect(stableHash(scratch)).toBe(stableHash(end));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same game for the same seed and actions', () => {
    fc.assert(
      fc.property(seedArb, picksArb, (seed, picks) => {
        const a = playOut(rules, seed, picks, () => {});
        const b = playOut(rules, seed, picks, () => {});
        expect(stableHash(a)).toBe(stableHash(b));
        expect(a).toEqual(b);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects any random action that is not legal, leaving the state as it was', () => {
    const cardIds = [...rules.cards.keys()];
    fc.assert(
      fc.property(
        seedArb,
        picksArb,
        fc.record({
          type: fc.constantFrom('choose', 'pass', 7),
          role: fc.constantFrom('kim', 'putin', 'xi'),
          card: fc.constantFrom(...cardIds, 'no-such-card'),
          option: fc.constantFrom('accept', 'refuse', 'sell', 'x', ''),
        }),
        (seed, picks, action) => {
          let state = newGame(rules, seed);
          for (let i = 0; i < picks.length && state.phase === 'playing'; i++) {
            const legal = legalActions(rules, state);
            state = (applyAction(rules, state, legal[picks[i]! % legal.length]) as { state: GameState })
              .state;
          }
          const isLegal = legalActions(rules, state).some(
            (l) =>
              l.role === action.role &&
              l.card === action.card &&
              l.option === action.option &&
              action.type === 'choose',
          );
          const hash = stableHash(state);
          const result = applyAction(rules, state, action);
          expect(result.ok).toBe(isLegal);
          expect(stableHash(state)).toBe(hash);
        },
      ),
      { numRuns: 300 },
    );
  });
});

it('a state hash tells different states apart and ignores key order', () => {
  const rules = scenarios[0]![1];
  const s = newGame(rules, 1);
  expect(stableHash(s)).toBe(stableHash(JSON.parse(JSON.stringify(s))));
  expect(stableHash({ ...s, meters: { ...s.meters, exposure: 11 } })).not.toBe(stableHash(s));
  const reordered = Object.fromEntries(Object.entries(s).toReversed());
  expect(stableHash(reordered)).toBe(stableHash(s));
});
