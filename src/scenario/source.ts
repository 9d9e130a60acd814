// One scenario file's whole check, from its text (pure: no file system, so the page's checker
// worker runs exactly what `npm run scenarios:check` runs): load and validate, then the random
// games of the smoke check, the summary and the warnings. What ties several files together (ids
// shared between them, trade-off coverage) is judged by the caller.
import { locateIssues, parseScenarioText, type Library, type ScenarioProblem } from './load.ts';
import { scenarioHints } from './hints.ts';
import type { Scenario } from './schema.ts';
import { smokeTest } from './smoke.ts';
import { summarize, type ScenarioSummary } from './summary.ts';
import { readYaml, type YamlText } from './yamlPositions.ts';

export interface FileReport {
  file: string;
  ok: boolean;
  summary?: ScenarioSummary;
  /** Games per ending in the smoke check. */
  endings?: Record<string, number>;
  problems: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

export interface SourceCheck {
  report: FileReport;
  /** The scenario and its content hash, when it loaded (it may still fail the smoke check). */
  loaded?: { scenario: Scenario; hash: string };
  yaml: YamlText;
}

export function checkScenarioSource(text: string, file: string, library: Library, games = 200): SourceCheck {
  const { yaml } = readYaml(text);
  const loaded = parseScenarioText(text, file, library);
  if (!loaded.ok) return { report: { file, ok: false, problems: loaded.problems, warnings: [] }, yaml };
  const smoke = smokeTest(loaded.scenario, games);
  const problems = locateIssues(smoke.errors, file, yaml);
  const report: FileReport = {
    file,
    ok: problems.length === 0,
    summary: summarize(loaded.scenario, loaded.hash),
    endings: smoke.endings,
    problems,
    warnings: locateIssues([...scenarioHints(loaded.scenario), ...smoke.warnings], file, yaml),
  };
  return { report, loaded: { scenario: loaded.scenario, hash: loaded.hash }, yaml };
}
