// Reading shipped scenarios and the article from disk (Node only: tools and tests).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkArticle, checkTradeoffs } from './library.ts';
import {
  formatProblem,
  locateIssues,
  parseScenarioText,
  parseYamlText,
  type Library,
  type LoadResult,
  type ScenarioProblem,
} from './load.ts';
import { tooLarge } from './problem.ts';
import { ArticleSchema, TradeoffCatalogueSchema, type Scenario } from './schema.ts';

export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

/** A path as the user should see it: relative to the working directory when that is shorter. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** A file's text, or a problem saying why it cannot be read. */
export function readText(
  path: string,
): { ok: true; text: string } | { ok: false; problems: ScenarioProblem[] } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    return {
      ok: false,
      problems: [{ file: shownPath(path), path: '', message: `cannot read the file: ${reason}` }],
    };
  }
}

/** The article and trade-off catalogue, validated like scenarios: a Library or its problems. */
export function readLibrary(
  dir = SCENARIO_DIR,
): { ok: true; library: Library } | { ok: false; problems: ScenarioProblem[] } {
  const articlePath = join(dir, 'article.yaml');
  const tradeoffsPath = join(dir, 'tradeoffs.yaml');
  const articleText = readText(articlePath);
  const tradeoffsText = readText(tradeoffsPath);
  if (!articleText.ok || !tradeoffsText.ok) {
    return { ok: false, problems: [articleText, tradeoffsText].flatMap((r) => (r.ok ? [] : r.problems)) };
  }
  const article = parseYamlText(articleText.text, shownPath(articlePath), ArticleSchema);
  const catalogue = parseYamlText(tradeoffsText.text, shownPath(tradeoffsPath), TradeoffCatalogueSchema);
  if (!article.ok || !catalogue.ok) {
    return { ok: false, problems: [article, catalogue].flatMap((r) => (r.ok ? [] : r.problems)) };
  }
  const problems = [
    ...locateIssues(checkArticle(article.value), shownPath(articlePath), article.yaml),
    ...locateIssues(
      checkTradeoffs(catalogue.value.tradeoffs, article.value),
      shownPath(tradeoffsPath),
      catalogue.yaml,
    ),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, library: { article: article.value, tradeoffs: catalogue.value.tradeoffs } };
}

/** The article and catalogue; throws with every problem listed if they are invalid. */
export function loadLibrary(dir = SCENARIO_DIR): Library {
  const result = readLibrary(dir);
  if (!result.ok)
    throw new Error(`the scenario library does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.library;
}

/** Every shipped scenario file, sorted. */
export function shippedScenarioFiles(dir = SCENARIO_DIR): string[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.scenario.yaml'));
  names.sort();
  return names.map((f) => join(dir, f));
}

/** A scenario file's text, or why not: it cannot be read, or it is too large to be a scenario. */
export function readScenarioText(path: string): ReturnType<typeof readText> {
  let bytes = 0;
  try {
    bytes = statSync(path).size;
  } catch {
    // readText says why
  }
  const large = tooLarge(shownPath(path), bytes);
  return large ? { ok: false, problems: [large] } : readText(path);
}

export function loadScenarioFile(path: string, library = loadLibrary()): LoadResult {
  const read = readScenarioText(path);
  if (!read.ok) return read;
  return parseScenarioText(read.text, shownPath(path), library);
}

/** A shipped scenario by id; throws if it is missing or invalid (shipped data is checked by CI). */
export function loadShippedScenario(id: string): { scenario: Scenario; hash: string } {
  const path = join(SCENARIO_DIR, `${id}.scenario.yaml`);
  const result = loadScenarioFile(path);
  if (!result.ok)
    throw new Error(`scenario "${id}" does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result;
}
