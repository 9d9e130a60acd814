// The whole scenario check over files on disk (Node only): load and validate each file, then a
// smoke run of random games, a summary, and the trade-off coverage across the files checked.
import { join } from 'node:path';
import { tradeoffCoverage, type CoverageRow } from './coverage.ts';
import { identityProblems } from './identity.ts';
import { locateIssues, type Library, type ScenarioProblem } from './load.ts';
import { readLibrary, readScenarioText, readText, SCENARIO_DIR, shownPath } from './node.ts';
import type { Scenario } from './schema.ts';
import { checkScenarioSource, type FileReport } from './source.ts';
import { readYaml, type YamlText } from './yamlPositions.ts';

export interface CheckOptions {
  /** Fail (not only warn) when a trade-off of the catalogue is played by no card. */
  strictCoverage?: boolean;
  /** Random games per scenario in the smoke check. */
  games?: number;
  scenarioDir?: string;
}

export type { FileReport };

export interface CheckReport {
  ok: boolean;
  files: FileReport[];
  coverage: CoverageRow[];
  uncovered: string[];
  /** Problems and warnings not tied to one scenario: the library, coverage. */
  problems: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

function checkFile(path: string, library: Library, games: number) {
  const file = shownPath(path);
  const read = readScenarioText(path);
  if (!read.ok) return { report: { file, ok: false, problems: read.problems, warnings: [] } };
  const { report, loaded, yaml } = checkScenarioSource(read.text, file, library, games);
  return { report, scenario: loaded?.scenario, yaml };
}

function coverageProblems(rows: CoverageRow[], dir: string): ScenarioProblem[] {
  const path = join(dir, 'tradeoffs.yaml');
  const read = readText(path);
  const yaml = read.ok ? readYaml(read.text).yaml : undefined;
  const issues = rows.flatMap((row, i) =>
    row.cards.length > 0
      ? []
      : [{ path: ['tradeoffs', i], message: `trade-off "${row.tradeoff}" is played by no card` }],
  );
  if (!yaml) return issues.map((i) => ({ file: shownPath(path), path: '', message: i.message }));
  return locateIssues(issues, shownPath(path), yaml);
}

export function checkScenarioFiles(paths: readonly string[], options: CheckOptions = {}): CheckReport {
  const dir = options.scenarioDir ?? SCENARIO_DIR;
  const lib = readLibrary(dir);
  if (!lib.ok)
    return { ok: false, files: [], coverage: [], uncovered: [], problems: lib.problems, warnings: [] };
  const files: FileReport[] = [];
  const scenarios: Scenario[] = [];
  const texts: { file: string; yaml: YamlText }[] = [];
  for (const path of new Set(paths)) {
    const { report, scenario, yaml } = checkFile(path, lib.library, options.games ?? 200);
    files.push(report);
    if (scenario) scenarios.push(scenario);
    if (yaml) texts.push({ file: report.file, yaml });
  }
  for (const problem of identityProblems(texts)) {
    const report = files.find((f) => f.file === problem.file)!;
    // in file order: the id comes near the top
    report.problems = [...report.problems, problem].toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0));
    report.ok = false;
  }
  // Coverage says nothing when no scenario loaded: their problems come first.
  const coverage = scenarios.length > 0 ? tradeoffCoverage(lib.library.tradeoffs, scenarios) : [];
  const uncovered = coverage.filter((row) => row.cards.length === 0).map((row) => row.tradeoff);
  const gaps = coverageProblems(coverage, dir);
  const problems = options.strictCoverage ? gaps : [];
  const ok = files.every((f) => f.problems.length === 0) && problems.length === 0;
  return { ok, files, coverage, uncovered, problems, warnings: options.strictCoverage ? [] : gaps };
}
