// "Open a scenario file…" on the title screen and the class set-up: a picker (and, on the title, a
// drop) for a `.scenario.yaml`, checked in the page with the same checks and messages as
// `npm run scenarios:check`. Every problem is listed with its line; a clean file joins the list of
// scenarios and is chosen. Nothing else changes while a file has problems.
// Only the button is loaded with the page: reading, checking and the report load when a file is
// opened (scenarioReport.ts, and the checker's worker).
import type { ScenarioHost } from '../../bridge/customScenarios.ts';
import { addOpenedScenario, content, shippedIds } from '../../bridge/content.ts';
import { opponentClient } from '../../bridge/opponentClient.ts';
import { h } from '../dom.ts';

const host: ScenarioHost = {
  library: { article: content.article, tradeoffs: content.tradeoffs },
  shipped: shippedIds,
  add: addOpenedScenario,
  vouch: (hash) => opponentClient().markChecked(hash),
};

/** Whether a dropped or picked file is meant as a scenario (rather than a replay). */
export function isScenarioFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** The report of the file just opened, shown again once by the screen rebuilt to list it. */
const carried = new Map<string, HTMLElement>();

export interface ScenarioOpener {
  element: HTMLElement;
  /** Checks a file (picked, or dropped elsewhere on the page) and shows the result. */
  open(file: File): Promise<void>;
}

/** The picker and its report; `onOpened` runs with the scenario's id once a file is clean. */
export function scenarioFileOpener(idPrefix: string, onOpened: (id: string) => void): ScenarioOpener {
  const inputId = `${idPrefix}-scenario-file`;
  const input = h('input', {
    type: 'file',
    id: inputId,
    accept: '.yaml,.yml,application/yaml,text/yaml',
    class: 'visually-hidden',
  });
  const report = h('div', { class: 'scenario-result', 'aria-live': 'polite' });
  const kept = carried.get(idPrefix);
  carried.delete(idPrefix);
  if (kept) report.append(kept);
  const open = async (file: File) => {
    report.replaceChildren(h('p', { class: 'muted small' }, `Checking “${file.name.slice(0, 60)}”…`));
    const { openAndReport } = await import('./scenarioReport.ts');
    const { shown, opened } = await openAndReport(file, host);
    report.replaceChildren(shown);
    if (opened === null) return;
    carried.set(idPrefix, shown);
    onOpened(opened);
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void open(file);
  });
  const element = h(
    'div',
    { class: 'scenario-open' },
    h(
      'div',
      { class: 'replay-open' },
      input,
      h('label', { for: inputId, class: 'button-like' }, 'Open a scenario file…'),
      h('span', { class: 'muted small' }, 'a .scenario.yaml, checked here: nothing is uploaded'),
    ),
    report,
  );
  return { element, open };
}
