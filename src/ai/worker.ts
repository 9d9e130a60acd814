// The opponent's Web Worker entry: the page sends each scenario once ("init"), then a "decide"
// per move; the worker keeps the compiled rules per content hash and answers every message (see
// protocol.ts). The page starts it with `new Worker(url, { type: 'module' })`, the url from workerPlugin.ts.
import hashes from 'virtual:scenario-hashes';
import { createHandler, shippedGate, type OpponentResponse } from './protocol.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: OpponentResponse): void;
}

const scope = self as unknown as WorkerScope;
// only the scenarios the game was built with (and so validated at build time) are played
const handler = createHandler(shippedGate(hashes));

scope.addEventListener('message', (event) => {
  // A worker's postMessage has no target origin: it can only answer the page that started it.
  // eslint-disable-next-line unicorn/require-post-message-target-origin
  scope.postMessage(handler.handle(event.data));
});
