// Turns scenario text into a validated Scenario, or a list of problems a person can act on.
// Pure (no file system): used by the Node tools and at build time alike.
import { parse } from 'yaml';
import { stableHash } from '../engine/hash.ts';
import { ScenarioSchema, type Article, type Scenario, type Tradeoff } from './schema.ts';

export interface ScenarioProblem {
  file: string;
  line?: number;
  column?: number;
  /** Where in the data, e.g. "cards[3].options[1].effects". */
  path: string;
  message: string;
}

export interface Library {
  article: Article;
  tradeoffs: Tradeoff[];
}

export type LoadResult =
  | { ok: true; scenario: Scenario; hash: string }
  | { ok: false; problems: ScenarioProblem[] };

// TODO(scenario-check): line numbers, cross-references, reachability — being written.
export function parseScenarioText(text: string, file: string, _library: Library): LoadResult {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', message: String(error) }] };
  }
  const result = ScenarioSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })),
    };
  }
  return { ok: true, scenario: result.data, hash: stableHash(result.data) };
}

export function formatProblem(p: ScenarioProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  return `${where} ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
