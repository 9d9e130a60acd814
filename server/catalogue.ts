// The scenarios this server plays: the shipped files, validated and compiled once at start, with
// the content hashes the page has (so a class session made by another version of the game is
// refused rather than played differently).
import { compileRules, type Rules } from '../src/engine/index.ts';
import { loadScenarioFile, loadLibrary, shippedScenarioFiles } from '../src/scenario/node.ts';
import { formatProblem } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';

export interface ServerScenario {
  scenario: Scenario;
  hash: string;
  rules: Rules;
}

export type Catalogue = ReadonlyMap<string, ServerScenario>;

/** Every shipped scenario by id; throws with every problem if one does not load. */
export function loadCatalogue(): Catalogue {
  const library = loadLibrary();
  const out = new Map<string, ServerScenario>();
  for (const file of shippedScenarioFiles()) {
    const loaded = loadScenarioFile(file, library);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    out.set(loaded.scenario.id, { ...loaded, rules: compileRules(loaded.scenario) });
  }
  return out;
}
