// Build-time scenario loading: the browser receives scenarios already parsed and validated, as
// JSON, so no YAML parser or schema library ships to players. A broken scenario fails the build
// (or shows Vite's error overlay in dev) with the same messages as `npm run scenarios:check`.
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from './load.ts';
import { SCENARIO_DIR, loadLibrary, loadScenarioFile, shippedScenarioFiles } from './node.ts';

const ID = 'virtual:scenarios';
const RESOLVED = '\0' + ID;
const HASHES_ID = 'virtual:scenario-hashes';
const HASHES_RESOLVED = '\0' + HASHES_ID;

export function scenariosPlugin(): Plugin {
  return {
    name: 'shells-for-oil-scenarios',
    resolveId(id) {
      if (id === ID) return RESOLVED;
      return id === HASHES_ID ? HASHES_RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED && id !== HASHES_RESOLVED) return null;
      for (const name of ['article.yaml', 'tradeoffs.yaml']) this.addWatchFile(join(SCENARIO_DIR, name));
      const library = loadLibrary();
      const scenarios = shippedScenarioFiles().map((file) => {
        this.addWatchFile(file);
        const result = loadScenarioFile(file, library);
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
        return { scenario: result.scenario, hash: result.hash };
      });
      if (id === HASHES_RESOLVED) return `export default ${JSON.stringify(scenarios.map((s) => s.hash))};`;
      return `export default ${JSON.stringify({ ...library, scenarios })};`;
    },
  };
}
