// The check of a scenario file opened in the page, as the checker worker runs it: exactly what
// `npm run scenarios:check FILE` runs on that file (checkScenarioSource, the file-name rule), with
// the game's own scenarios standing in for the other files of the folder (an id one of them has
// is a duplicate, worded as the command words it).
import { duplicateIdProblems, fileNameProblem, identityOf } from './identity.ts';
import { tooLarge } from './problem.ts';
import type { Library, ScenarioProblem } from './load.ts';
import type { Scenario } from './schema.ts';
import { checkScenarioSource } from './source.ts';

export interface PageCheckRequest {
  id: number;
  text: string;
  /** The file's name as the browser gives it (no folder). */
  file: string;
  library: Library;
  /** The ids of the scenarios the game was built with. */
  shipped: string[];
}

export type PageCheckResponse =
  | {
      id: number;
      ok: true;
      scenario: Scenario;
      hash: string;
      warnings: ScenarioProblem[];
    }
  | { id: number; ok: false; problems: ScenarioProblem[]; warnings: ScenarioProblem[] };

export function checkInPage(request: PageCheckRequest): PageCheckResponse {
  const { id, text, file, library } = request;
  const large = tooLarge(file, text.length);
  if (large) return { id, ok: false, problems: [large], warnings: [] };
  const { report, loaded, yaml } = checkScenarioSource(text, file, library);
  // the shipped files, as scenarios:check would see them beside this one (their lines not at hand)
  const mine = identityOf(file, yaml);
  const shipped = request.shipped.map((s) => ({ file: `scenarios/${s}.scenario.yaml`, id: s }));
  const named = mine ? fileNameProblem(mine) : undefined;
  const twins = mine ? duplicateIdProblems([mine, ...shipped]).filter((p) => p.file === file) : [];
  const ids = [...(named ? [named] : []), ...twins];
  const problems = [...ids, ...report.problems].toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.length > 0 || !loaded) return { id, ok: false, problems, warnings: report.warnings };
  return { id, ok: true, scenario: loaded.scenario, hash: loaded.hash, warnings: report.warnings };
}

/** The request, if `data` is one (the worker checks what it is sent, like every other input). */
export function asPageCheckRequest(data: unknown): PageCheckRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Record<string, unknown>;
  const library = r.library as Record<string, unknown> | null;
  const fine =
    typeof r.id === 'number' &&
    typeof r.text === 'string' &&
    typeof r.file === 'string' &&
    Array.isArray(r.shipped) &&
    r.shipped.every((s) => typeof s === 'string') &&
    typeof library === 'object' &&
    library !== null &&
    typeof library.article === 'object' &&
    Array.isArray(library.tradeoffs);
  return fine ? (data as PageCheckRequest) : null;
}
