// Test helpers: load a fixture or shipped scenario, and tweak a copy of it for a single test.
import { resolve } from 'node:path';
import { compileRules, type Rules } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function fixtureScenario(name = 'mini'): Scenario {
  const result = loadScenarioFile(resolve(FIXTURES, `${name}.scenario.yaml`));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

/** Rules for a copy of the scenario changed by `edit` (the original stays as loaded). */
export function rulesWith(edit: (s: Scenario) => void, base = fixtureScenario()): Rules {
  const copy = structuredClone(base);
  edit(copy);
  return compileRules(copy);
}
