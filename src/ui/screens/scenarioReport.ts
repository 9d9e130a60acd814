// The report of a scenario file's check, as "Open a scenario file…" shows it: every problem with
// its line, column and data path (the words of scenarios:check), and the warnings folded away.
// Loaded only when a file is opened.
import '../../styles/scenario-open.css';
import { openScenarioFile, type OpenedScenario, type ScenarioHost } from '../../bridge/customScenarios.ts';
import type { ScenarioProblem } from '../../scenario/problem.ts';
import { h } from '../dom.ts';

function where(p: ScenarioProblem): string {
  if (p.line === undefined) return '';
  return p.column === undefined ? `line ${p.line}` : `line ${p.line}, column ${p.column}`;
}

function problemItem(p: ScenarioProblem): HTMLElement {
  const at = where(p);
  return h(
    'li',
    {},
    at ? h('span', { class: 'problem-where' }, at) : null,
    p.path ? h('code', { class: 'problem-path' }, p.path) : null,
    h('span', { class: 'problem-message' }, p.message),
  );
}

/** The result of a check, as the panel shows it. */
export function checkReport(name: string, result: OpenedScenario): HTMLElement {
  const warnings =
    result.warnings.length === 0
      ? null
      : h(
          'details',
          { class: 'scenario-warnings' },
          h('summary', {}, `${result.warnings.length} warning(s): worth a look, but the scenario plays`),
          h('ol', { class: 'problem-list' }, ...result.warnings.map(problemItem)),
        );
  if (result.ok) {
    return h(
      'div',
      { class: 'scenario-report ok' },
      h(
        'p',
        {},
        h('strong', {}, `“${result.scenario.title}” is open.`),
        ' It is chosen in the list of scenarios, and stays open until the page is reloaded.',
      ),
      warnings,
    );
  }
  const n = result.problems.length;
  return h(
    'div',
    { class: 'scenario-report bad' },
    h('p', {}, h('strong', {}, `“${name}” cannot be played: ${n} problem${n === 1 ? '' : 's'} to fix.`)),
    h('ol', { class: 'problem-list' }, ...result.problems.map(problemItem)),
    warnings,
  );
}

/** Reads and checks the file; the report to show, and the id of the scenario if it opened. */
export async function openAndReport(
  file: File,
  host: ScenarioHost,
): Promise<{ shown: HTMLElement; opened: string | null }> {
  const result = await openScenarioFile(file, host);
  return {
    shown: checkReport(file.name.slice(0, 60), result),
    opened: result.ok ? result.scenario.id : null,
  };
}
