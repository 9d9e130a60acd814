// The scenarios a replay may be checked against. In the page, `content` (src/bridge/content.ts) is
// one as it is: it lists every shipped scenario's cover and content hash, and hands out the ones
// loaded so far. Node tools and tests have every scenario at hand: see `libraryOf`.
import { compileRules, type Rules } from '../engine/index.ts';
import type { ScenarioCover } from '../scenario/cover.ts';
import type { Scenario } from '../scenario/schema.ts';

/** A scenario at hand, with its content hash (stableHash of the scenario, as load.ts computes it). */
export interface KnownScenario {
  readonly scenario: Scenario;
  readonly hash: string;
}

/** What the game knows of a scenario before loading it: its id and title, and its content hash. */
export interface ListedScenario {
  readonly cover: Pick<ScenarioCover, 'id' | 'title'>;
  readonly hash: string;
}

export interface ReplayLibrary {
  /** Every scenario of this game, loaded or not. */
  readonly scenarios: readonly ListedScenario[];
  /** The scenario with this id, if it is at hand (the page loads it first: see replayScenarioId). */
  loaded(id: string): KnownScenario | undefined;
}

/** A library of scenarios all at hand (Node tools, tests). */
export function libraryOf(known: readonly KnownScenario[]): ReplayLibrary {
  const byId = new Map(known.map((k) => [k.scenario.id, k]));
  return {
    scenarios: known.map(({ scenario, hash }) => ({
      cover: { id: scenario.id, title: scenario.title },
      hash,
    })),
    loaded: (id) => byId.get(id),
  };
}

// Compiling rules costs more than checking a file; scenarios are long-lived, so compile each once.
const compiled = new WeakMap<Scenario, Rules>();

export function rulesFor(scenario: Scenario): Rules {
  let rules = compiled.get(scenario);
  if (!rules) {
    rules = compileRules(scenario);
    compiled.set(scenario, rules);
  }
  return rules;
}
