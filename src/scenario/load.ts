// Turns scenario text into a validated Scenario, or a list of problems a person can act on.
// Pure (no file system): used by the Node tools and at build time alike. Validation runs in
// layers, each only when the one before it passed: YAML syntax, schema, cross-references,
// reachability. Every problem names the file, line, data path and what was expected.
import type { z } from 'zod';
import { stableHash } from '../engine/hash.ts';
import { crossCheck } from './crossCheck.ts';
import { formatPath, type Issue } from './issues.ts';
import { formatProblem, tooLarge, type ScenarioProblem } from './problem.ts';
import { checkPreemption } from './preemption.ts';
import { checkReachability } from './reachability.ts';
import { ScenarioSchema, type Article, type Scenario, type Tradeoff } from './schema.ts';
import { positionOf, readYaml, type YamlText } from './yamlPositions.ts';
import { checkShape } from './zodIssues.ts';

export { formatProblem, type ScenarioProblem };

export interface Library {
  article: Article;
  tradeoffs: Tradeoff[];
}

export type LoadResult =
  { ok: true; scenario: Scenario; hash: string } | { ok: false; problems: ScenarioProblem[] };

/** Issues with their line and column in `yaml`, in file order. */
export function locateIssues(issues: Issue[], file: string, yaml: YamlText): ScenarioProblem[] {
  const problems = issues.map((issue) => {
    const at = positionOf(yaml, issue.path, issue.at);
    return {
      file,
      ...(at ? { line: at.line, column: at.column } : {}),
      path: formatPath(issue.path),
      message: issue.message,
    };
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return problems;
}

/** Layers 1 and 2 for any YAML data file: syntax, then `schema`. */
export function parseYamlText<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): { ok: true; value: z.output<S>; yaml: YamlText } | { ok: false; problems: ScenarioProblem[] } {
  const { yaml, problems } = readYaml(text);
  if (problems.length === 0 && yaml.doc.contents === null) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: '', message: 'the file is empty' }] };
  }
  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.map((p) => ({
        file,
        line: p.line,
        column: p.column,
        path: formatPath(p.path),
        message: p.message,
      })),
    };
  }
  let data: unknown;
  try {
    data = yaml.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias bomb: the yaml package refuses to expand too many aliases
    return { ok: false, problems: [{ file, path: '', message: `YAML: ${(error as Error).message}` }] };
  }
  const shape = checkShape(schema, data);
  if (!shape.ok) return { ok: false, problems: locateIssues(shape.issues, file, yaml) };
  return { ok: true, value: shape.value, yaml };
}

export function parseScenarioText(text: string, file: string, library: Library): LoadResult {
  // a character is at least one byte: past the limit in characters is past it in bytes
  const large = tooLarge(file, text.length);
  if (large) return { ok: false, problems: [large] };
  try {
    return checkScenarioText(text, file, library);
  } catch (error) {
    // A checker bug or a pathological file (e.g. nesting deep enough to exhaust the stack) must
    // still come back as a problem: whatever a user loads, the game does not crash.
    return {
      ok: false,
      problems: [{ file, path: '', message: `could not check the file: ${(error as Error).message}` }],
    };
  }
}

function checkScenarioText(text: string, file: string, library: Library): LoadResult {
  const parsed = parseYamlText(text, file, ScenarioSchema);
  if (!parsed.ok) return parsed;
  const { value: scenario, yaml } = parsed;
  const context = {
    library,
    paragraphs: new Map(library.article.paragraphs.map((p) => [p.id, p.text])),
    lineOf: (path: Issue['path']) => positionOf(yaml, path)?.line,
  };
  const crossIssues = crossCheck(scenario, context);
  if (crossIssues.length > 0) return { ok: false, problems: locateIssues(crossIssues, file, yaml) };
  const reachIssues = [...checkReachability(scenario), ...checkPreemption(scenario, context.lineOf)];
  if (reachIssues.length > 0) return { ok: false, problems: locateIssues(reachIssues, file, yaml) };
  return { ok: true, scenario, hash: stableHash(scenario) };
}
