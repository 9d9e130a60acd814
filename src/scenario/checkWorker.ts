// The scenario checker's Web Worker: the schema, the YAML parser and the checks load here, only
// when a teacher opens a scenario file, never with the page. The page sends the file's text, the
// worker answers with the scenario or every problem (see pageCheck.ts).
import { asPageCheckRequest, checkInPage, type PageCheckResponse } from './pageCheck.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: PageCheckResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = asPageCheckRequest(event.data);
  const id =
    typeof (event.data as { id?: unknown } | null)?.id === 'number' ? (event.data as { id: number }).id : -1;
  let answer: PageCheckResponse;
  try {
    answer = request
      ? checkInPage(request)
      : {
          id,
          ok: false,
          problems: [{ file: '', path: '', message: 'the checker was sent no file' }],
          warnings: [],
        };
  } catch (error) {
    // parseScenarioText already turns its own failures into problems; this is the last guard
    const message = `could not check the file: ${(error as Error).message}`;
    answer = { id, ok: false, problems: [{ file: request?.file ?? '', path: '', message }], warnings: [] };
  }
  // A worker's postMessage has no target origin: it can only answer the page that started it.
  // eslint-disable-next-line unicorn/require-post-message-target-origin
  scope.postMessage(answer);
});
