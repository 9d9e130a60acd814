// Reading shipped scenarios and the article from disk (Node only: tools and tests).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseScenarioText, type Library, type LoadResult } from './load.ts';
import { ArticleSchema, TradeoffCatalogueSchema, type Scenario } from './schema.ts';

export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

export function loadLibrary(dir = SCENARIO_DIR): Library {
  const article = ArticleSchema.parse(parse(readFileSync(join(dir, 'article.yaml'), 'utf8')));
  const { tradeoffs } = TradeoffCatalogueSchema.parse(parse(readFileSync(join(dir, 'tradeoffs.yaml'), 'utf8')));
  return { article, tradeoffs };
}

/** Every shipped scenario file, sorted. */
export function shippedScenarioFiles(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

export function loadScenarioFile(path: string, library = loadLibrary()): LoadResult {
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { ok: false, problems: [{ file: shown, path: '', message: `cannot read the file: ${reason}` }] };
  }
  return parseScenarioText(text, shown, library);
}

/** A shipped scenario by id; throws if it is missing or invalid (shipped data is checked by CI). */
export function loadShippedScenario(id: string): { scenario: Scenario; hash: string } {
  const path = join(SCENARIO_DIR, `${id}.scenario.yaml`);
  const result = loadScenarioFile(path);
  if (!result.ok) throw new Error(`scenario "${id}" does not load:\n${result.problems.map((p) => p.message).join('\n')}`);
  return result;
}
