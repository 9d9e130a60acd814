// Build-time scenario loading: the browser receives scenarios already parsed and validated, as
// JSON, so no YAML parser or schema library ships to players. A broken scenario fails the build
// (or shows Vite's error overlay in dev) with the same messages as `npm run scenarios:check`.
//
//   virtual:scenarios          the article, the trade-offs, and for each scenario what the title
//                              screen shows, its content hash and a loader of the whole scenario
//   virtual:scenario/ID        one whole scenario: its own chunk, fetched when a game starts, so
//                              each scenario added to the game does not weigh on the first load;
//                              without the text the index has already (quotes, cover: pack.ts)
//   virtual:scenario-hashes    the content hashes alone (the opponent's worker checks them)
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { scenarioCover } from './cover.ts';
import { identityProblems } from './identity.ts';
import { packScenario } from './pack.ts';
import { formatProblem, parseScenarioText, type Library, type ScenarioProblem } from './load.ts';
import { SCENARIO_DIR, loadLibrary, readText, shippedScenarioFiles, shownPath } from './node.ts';
import { readYaml, type YamlText } from './yamlPositions.ts';
import type { Scenario } from './schema.ts';

const INDEX = 'virtual:scenarios';
const ONE = 'virtual:scenario/';
const HASHES = 'virtual:scenario-hashes';

interface Loaded {
  library: Library;
  scenarios: { scenario: Scenario; hash: string }[];
}

/** `dir`: where the scenarios are (the shipped `scenarios/` folder unless a test says otherwise). */
export function scenariosPlugin(dir = SCENARIO_DIR): Plugin {
  return {
    name: 'shells-for-oil-scenarios',
    resolveId(id) {
      return id === INDEX || id === HASHES || id.startsWith(ONE) ? '\0' + id : null;
    },
    load(resolved) {
      if (!resolved.startsWith('\0virtual:scenario')) return null;
      const id = resolved.slice(1);
      for (const name of ['article.yaml', 'tradeoffs.yaml']) this.addWatchFile(join(dir, name));
      const files = shippedScenarioFiles(dir);
      for (const file of files) this.addWatchFile(file);
      const { library, scenarios } = loadAll(files, dir);
      if (id === HASHES) return `export default ${JSON.stringify(scenarios.map((s) => s.hash))};`;
      if (id.startsWith(ONE)) {
        const wanted = scenarios.find((s) => s.scenario.id === id.slice(ONE.length));
        if (!wanted) throw new Error(`no shipped scenario "${id.slice(ONE.length)}"`);
        return `export default ${JSON.stringify(packScenario(wanted.scenario, library.article))};`;
      }
      const entries = scenarios.map(
        (s) =>
          `{ cover: ${JSON.stringify(scenarioCover(s.scenario))}, hash: ${JSON.stringify(s.hash)}, ` +
          `load: () => import(${JSON.stringify(ONE + s.scenario.id)}) }`,
      );
      return (
        `const library = ${JSON.stringify(library)};\n` +
        `export default { ...library, scenarios: [${entries.join(',\n')}] };`
      );
    },
  };
}

/** Every scenario of `files`, validated; throws with every problem (as scenarios:check words them). */
export function loadAll(files: string[], dir = SCENARIO_DIR): Loaded {
  const library = loadLibrary(dir);
  const problems: ScenarioProblem[] = [];
  const texts: { file: string; yaml: YamlText }[] = [];
  const scenarios: Loaded['scenarios'] = [];
  for (const path of files) {
    const read = readText(path);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const file = shownPath(path);
    texts.push({ file, yaml: readYaml(read.text).yaml });
    const result = parseScenarioText(read.text, file, library);
    if (result.ok) scenarios.push({ scenario: result.scenario, hash: result.hash });
    else problems.push(...result.problems);
  }
  // two files with one id would shadow each other in the catalogue: the build refuses them
  problems.push(...identityProblems(texts));
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  // the title lists the tutorial first, then the rest in the story's order: by first month, then title
  scenarios.sort(
    (a, b) =>
      Number(b.scenario.tutorial === true) - Number(a.scenario.tutorial === true) ||
      a.scenario.start.localeCompare(b.scenario.start) ||
      a.scenario.title.localeCompare(b.scenario.title),
  );
  return { library, scenarios };
}
