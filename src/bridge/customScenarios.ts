// Opening a scenario file in the page: the file is checked in a Web Worker with the same checks
// and messages as `npm run scenarios:check` (the schema, the YAML parser and the checks load only
// then, with the worker), and once it is clean it joins the game's list, played like a shipped one:
// against the computer (whose worker is told the page checked it), hot-seat, saved, replayed,
// shared by link (a replay names it by id and content hash) and set for a class.
import { tooLarge, type ScenarioProblem } from '../scenario/problem.ts';
import type { PageCheckRequest, PageCheckResponse } from '../scenario/pageCheck.ts';
import { scenarioCover } from '../scenario/cover.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Library } from '../scenario/load.ts';
import type { ScenarioCover } from '../scenario/cover.ts';
import type { LoadedScenario } from './content.ts';
import { rememberScenario } from './remembered.ts';

/**
 * What opening a file needs from the page, handed in by the caller (openScenario.ts) so that this
 * module, loaded only when a file is opened, shares no module with the first load but through it.
 */
export interface ScenarioHost {
  library: Library;
  /** The ids of the scenarios the game was built with. */
  shipped: readonly string[];
  /** Lists the checked scenario (content.ts's addOpenedScenario). */
  add(loaded: LoadedScenario, cover: ScenarioCover): void;
  /** Tells the opponent's worker the page checked it (OpponentClient.markChecked). */
  vouch(hash: string): void;
}

export type OpenedScenario =
  | { ok: true; scenario: Scenario; hash: string; warnings: ScenarioProblem[] }
  | { ok: false; problems: ScenarioProblem[]; warnings: ScenarioProblem[] };

let worker: Worker | null = null;
let nextId = 1;

function checker(): Worker {
  worker ??= new Worker(new URL('../scenario/checkWorker.ts', import.meta.url), {
    type: 'module',
    name: 'scenario-checker',
  });
  return worker;
}

function problem(file: string, message: string): OpenedScenario {
  return { ok: false, problems: [{ file, path: '', message }], warnings: [] };
}

/** Sends the text to the checker worker; a worker that cannot start or fails is a problem too. */
function check(text: string, file: string, host: ScenarioHost): Promise<PageCheckResponse> {
  const id = nextId++;
  const request: PageCheckRequest = { id, text, file, library: host.library, shipped: [...host.shipped] };
  return new Promise((resolve) => {
    const failed = (message: string): void =>
      resolve({ id, ok: false, problems: [{ file, path: '', message }], warnings: [] });
    let w: Worker;
    try {
      w = checker();
    } catch {
      failed('the scenario checker could not start in this browser');
      return;
    }
    const onMessage = (event: MessageEvent<PageCheckResponse>): void => {
      if (event.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener(
      'error',
      (event) => {
        event.preventDefault();
        worker = null;
        failed('the scenario checker stopped');
      },
      { once: true },
    );
    // a Worker's postMessage takes no target origin: it reaches only this worker
    // eslint-disable-next-line unicorn/require-post-message-target-origin
    w.postMessage(request);
  });
}

/**
 * Reads, checks and (when clean) opens a scenario file. Nothing changes unless it is clean: a
 * file too large, unreadable or with problems leaves the game's list as it was.
 */
export async function openScenarioFile(file: File, host: ScenarioHost): Promise<OpenedScenario> {
  const name = file.name.slice(0, 120);
  const large = tooLarge(name, file.size);
  if (large) return { ok: false, problems: [large], warnings: [] };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return problem(name, 'the file could not be read');
  }
  const answer = await check(text, name, host);
  if (!answer.ok) return answer;
  const { scenario, hash, warnings } = answer;
  host.add({ scenario, hash }, scenarioCover(scenario));
  host.vouch(hash);
  rememberScenario({ id: scenario.id, title: scenario.title, hash });
  return { ok: true, scenario, hash, warnings };
}
