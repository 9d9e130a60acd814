// The opponent's worker built as one more entry of the page's own build, not as a bundle of its
// own (Vite's `new Worker(new URL(…))` handling builds each worker apart, with its own copy of
// every module it shares with the page: here the whole engine). As an entry of the same graph it
// imports the page's chunks (the engine, the vocabulary), which a player has already fetched.
//
//   virtual:opponent-worker-url   the worker's address: in a build, its chunk's hashed file; on
//                                 the dev server, the source module itself
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ID = 'virtual:opponent-worker-url';
const ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));

export function opponentWorkerPlugin(): Plugin {
  let building = false;
  let base = '/';
  let reference = '';
  return {
    name: 'shells-for-oil-opponent-worker',
    configResolved(config) {
      building = config.command === 'build';
      base = config.base;
    },
    buildStart() {
      if (building) reference = this.emitFile({ type: 'chunk', id: ENTRY, name: 'worker' });
    },
    resolveId(id) {
      return id === ID ? '\0' + ID : null;
    },
    load(id) {
      if (id !== '\0' + ID) return null;
      // (the bundler writes the chunk's final name, relative to the importing chunk)
      if (reference) return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
      return `export default ${JSON.stringify(`${base}src/ai/worker.ts`)};`;
    },
  };
}
