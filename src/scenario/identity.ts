// A scenario's id names it everywhere (the catalogue, saves, replays, class sessions), so it must
// be unique among the files checked together and match its file name, `ID.scenario.yaml`. These
// checks read the id straight from the YAML, so they apply even to a file with other problems.
import { isMap } from 'yaml';
import type { ScenarioProblem } from './load.ts';
import { positionOf, type YamlText } from './yamlPositions.ts';

export const SCENARIO_SUFFIX = '.scenario.yaml';

export interface ScenarioIdentity {
  file: string;
  id: string;
  line?: number;
  column?: number;
}

/** The file's `id` and where it is written, when the file is a mapping with a string id. */
export function identityOf(file: string, yaml: YamlText): ScenarioIdentity | undefined {
  const value: unknown = isMap(yaml.doc.contents) ? yaml.doc.contents.get('id') : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const at = positionOf(yaml, ['id']);
  return { file, id: value, ...(at ? { line: at.line, column: at.column } : {}) };
}

/** The last part of a path, whichever the separator. */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** A problem when the id is not the file's name (for files named `*.scenario.yaml`). */
export function fileNameProblem(who: ScenarioIdentity): ScenarioProblem | undefined {
  const name = baseName(who.file);
  if (!name.endsWith(SCENARIO_SUFFIX)) return undefined;
  const stem = name.slice(0, -SCENARIO_SUFFIX.length);
  if (stem === who.id) return undefined;
  return {
    ...where(who),
    path: 'id',
    message: `id "${who.id}" differs from the file name "${name}": name the file "${who.id}${SCENARIO_SUFFIX}", or change the id to "${stem}"`,
  };
}

function where(who: ScenarioIdentity): Omit<ScenarioProblem, 'path' | 'message'> {
  return {
    file: who.file,
    ...(who.line === undefined ? {} : { line: who.line }),
    ...(who.column === undefined ? {} : { column: who.column }),
  };
}

function cited(who: ScenarioIdentity): string {
  return who.line === undefined ? who.file : `${who.file}:${who.line}`;
}

/** One problem for each file whose id another file of the same set also has, naming the others. */
export function duplicateIdProblems(all: readonly ScenarioIdentity[]): ScenarioProblem[] {
  return all.flatMap((who) => {
    const others = all.filter((x) => x !== who && x.id === who.id);
    if (others.length === 0) return [];
    const message = `duplicate scenario id "${who.id}": ${others.map(cited).join(', ')} ${others.length === 1 ? 'has' : 'have'} the same id (each scenario needs its own, or one hides the other in the game)`;
    return [{ ...where(who), path: 'id', message }];
  });
}

/** Every id problem of a set of files checked together: ids that differ from file names, duplicates. */
export function identityProblems(files: readonly { file: string; yaml: YamlText }[]): ScenarioProblem[] {
  const all = files.flatMap(({ file, yaml }) => identityOf(file, yaml) ?? []);
  const named = all.flatMap((who) => fileNameProblem(who) ?? []);
  return [...named, ...duplicateIdProblems(all)];
}
