// A problem with a scenario file as the checker reports it, its one-line wording, and the size
// limit on a file: the same in Node (scenarios:check, the build) and in the page (a file opened
// there is refused before it is read). No imports: the page loads this with the title screen.

export interface ScenarioProblem {
  file: string;
  line?: number;
  column?: number;
  /** Where in the data, e.g. "cards[3].options[1].effects". */
  path: string;
  message: string;
}

/** `file:line:col path: message` (line, column and path when known). */
export function formatProblem(p: ScenarioProblem): string {
  const where =
    p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  return `${where}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}

/** The largest scenario file the checker reads (the largest shipped one is under 100 kB). */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** The problem for a file too large to be a scenario (`bytes` its size), or null. */
export function tooLarge(file: string, bytes: number): ScenarioProblem | null {
  if (bytes <= MAX_SCENARIO_BYTES) return null;
  const message = `the file is ${Math.ceil(bytes / 1024)} kB: a scenario file is at most ${MAX_SCENARIO_BYTES / 1024} kB`;
  return { file, path: '', message };
}
