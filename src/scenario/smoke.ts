// A dynamic smoke check: many random games of a scenario with the real engine. A game that gets
// stuck or an action the engine rejects is an error; cards never dealt and endings never reached
// are worth a warning (random play may simply miss them).
import {
  applyAction,
  compileRules,
  newGame,
  randomPolicy,
  type GameState,
  type Rules,
} from '../engine/index.ts';
import type { Issue } from './issues.ts';
import type { Scenario } from './schema.ts';

export interface SmokeReport {
  games: number;
  /** How many games ended in each ending, in scenario order. */
  endings: Record<string, number>;
  errors: Issue[];
  warnings: Issue[];
}

/** More moves than any real game makes: a guard against a game that never ends. */
const MAX_MOVES = 10_000;
/** Enough examples of a failure to act on, without flooding the output. */
const MAX_ERRORS = 5;

function noteDealt(state: GameState, dealt: Set<string>): void {
  for (const id of state.hands.kim) dealt.add(id);
  for (const id of state.hands.putin) dealt.add(id);
  for (const offer of state.offers) dealt.add(offer.card);
}

/** Plays one game; the failure message, if any. */
function playOne(
  rules: Rules,
  seed: number,
  dealt: Set<string>,
  endings: Map<string, number>,
): string | null {
  const policy = randomPolicy(seed);
  let state = newGame(rules, seed);
  noteDealt(state, dealt);
  for (let moves = 0; state.phase !== 'over'; moves++) {
    const where = `seed ${seed}, turn ${state.turn}`;
    if (moves >= MAX_MOVES) return `${where}: the game has not ended after ${MAX_MOVES} moves`;
    if (state.active === null) return `${where}: the game is waiting, but nobody is to act`;
    const action = policy.choose(rules, state);
    if (!action) return `${where}: ${state.active} must act but has no legal action (the game is stuck)`;
    const result = applyAction(rules, state, action);
    if (!result.ok) {
      return `${where}: the engine rejected ${action.role}'s choice "${action.card}/${action.option}" (${result.code}: ${result.message})`;
    }
    state = result.state;
    noteDealt(state, dealt);
  }
  if (state.ending) endings.set(state.ending.id, (endings.get(state.ending.id) ?? 0) + 1);
  return null;
}

export function smokeTest(scenario: Scenario, games = 200): SmokeReport {
  const dealt = new Set<string>();
  const endings = new Map(scenario.endings.map((e) => [e.id, 0]));
  const errors: Issue[] = [];
  const rules = compileRules(scenario);
  for (let seed = 1; seed <= games; seed++) {
    let failure: string | null;
    try {
      failure = playOne(rules, seed, dealt, endings);
    } catch (error) {
      failure = `seed ${seed}: the engine failed: ${(error as Error).message}`;
    }
    if (failure && errors.length < MAX_ERRORS) errors.push({ path: [], message: `random game: ${failure}` });
  }
  const warnings: Issue[] = [];
  scenario.cards.forEach((card, i) => {
    if (dealt.has(card.id)) return;
    const how = card.offer ? 'offered' : 'dealt';
    warnings.push({
      path: ['cards', i],
      message: `card "${card.id}" was never ${how} in ${games} random games`,
    });
  });
  scenario.endings.forEach((ending, i) => {
    if (endings.get(ending.id) === 0) {
      warnings.push({
        path: ['endings', i],
        message: `ending "${ending.id}" was never reached in ${games} random games`,
      });
    }
  });
  return { games, endings: Object.fromEntries(endings), errors, warnings };
}
