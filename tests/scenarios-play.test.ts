// Every shipped scenario validates, and plays to one of its endings with a person in either seat:
// the person's moves (here the greedy policy) go through applyAction as the game's own moves do, the
// computer's through the opponent at its normal level. A finished game replays exactly from its log.
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  compileRules,
  greedyPolicy,
  newGame,
  otherRole,
  replay,
  ROLES,
  type GameState,
  type Role,
  type Rules,
} from '../src/engine/index.ts';
import { createOpponent } from '../src/ai/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile, SCENARIO_DIR, shippedScenarioFiles } from '../src/scenario/node.ts';
import type { Scenario } from '../src/scenario/schema.ts';

/** The scenarios written for issue 6: each tells at least four endings of each role's own story. */
const ISSUE_6 = ['armored-train', 'the-veto', 'two-parents'];
/** More moves than any shipped scenario needs; a guard against a game that never ends. */
const MAX_MOVES = 1000;

const shipped = shippedScenarioFiles().map((file) => [basename(file, '.scenario.yaml'), file] as const);

function load(file: string): Scenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

/** One whole game with a person (greedy) playing `role` and the computer (normal) the other role. */
function playAs(rules: Rules, role: Role, seed: number): GameState {
  const person = greedyPolicy(seed);
  const computer = createOpponent({ level: 'normal', seed });
  let state = newGame(rules, seed);
  for (let moves = 0; state.phase === 'playing' && moves < MAX_MOVES; moves++) {
    const mover = state.active === role ? person : computer;
    const action = mover.choose(rules, state);
    if (action === null) throw new Error(`${state.active} has no move on turn ${state.turn}`);
    const result = applyAction(rules, state, action);
    if (!result.ok) throw new Error(`${action.card}/${action.option} rejected: ${result.message}`);
    state = result.state;
  }
  return state;
}

it('ships the scenarios of issue 6', () => {
  expect(shipped.map(([id]) => id)).toEqual(expect.arrayContaining(ISSUE_6));
});

describe.each(shipped)('scenario %s', (id, file) => {
  it('validates', () => {
    const loaded = loadScenarioFile(file);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.ok && loaded.scenario.id).toBe(id);
  });

  const scenario = load(file);
  const rules = compileRules(scenario);

  it.each(scenario.roles.map((role) => [role]))('plays to an ending with a person as %s', (role) => {
    for (const seed of [1, 2, 3]) {
      const final = playAs(rules, role, seed);
      expect(final.phase).toBe('over');
      const ending = scenario.endings.find((e) => e.id === final.ending?.id);
      expect(ending, `game ${seed} ended in "${final.ending?.id}"`).toBeDefined();
      expect(final.ending!.turn).toBeGreaterThanOrEqual(1);
      expect(final.ending!.turn).toBeLessThanOrEqual(scenario.turns);
      expect(final.ending!.result).toEqual(ending!.result);
      expect(final.log.some((a) => a.role === role)).toBe(true);
      expect(final.log.some((a) => a.role === otherRole(role))).toBe(true);
      // the log alone gives the same game back
      const again = replay(rules, seed, final.log);
      expect(again.ok).toBe(true);
      expect(again.states[again.states.length - 1]).toEqual(final);
    }
  });

  it('gives each role at least four endings, a way to win and a way to lose', () => {
    for (const role of scenario.roles) {
      const theirs = scenario.endings.filter((e) => e.role === role || e.role === 'both');
      expect(theirs.length, `endings for ${role}`).toBeGreaterThanOrEqual(4);
      expect(scenario.endings.some((e) => e.result[role] === 'win')).toBe(true);
      expect(scenario.endings.some((e) => e.result[role] === 'loss')).toBe(true);
    }
  });

  it('gives the computer at least two personalities per role, and the class questions to discuss', () => {
    for (const role of scenario.roles) {
      expect(scenario.personalities.filter((p) => p.role === role).length).toBeGreaterThanOrEqual(2);
    }
    expect(scenario.questions.length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(ISSUE_6)('scenario %s (issue 6)', (id) => {
  it('tells at least four endings of each role’s own story, not counting those of both', () => {
    const scenario = load(join(SCENARIO_DIR, `${id}.scenario.yaml`));
    for (const role of ROLES) {
      expect(scenario.endings.filter((e) => e.role === role).length, role).toBeGreaterThanOrEqual(4);
    }
  });
});
