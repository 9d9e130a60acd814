// One real class server for a test file: started before its tests on a data folder of its own,
// stopped and its folder removed after them, even when a test fails.
import { afterAll, beforeAll } from 'vitest';
import { removeDir, startServer, tempDataDir, type ServerProcess } from '../../server/serverProcess.ts';

/** The file's server (`extra`: more `npm run server` options); the getter throws before it is up. */
export function serverForThisFile(extra: string[] = []): () => ServerProcess {
  let server: ServerProcess | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, extra);
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir !== undefined) removeDir(dataDir);
  });
  return () => {
    if (!server) throw new Error('the class server has not started');
    return server;
  };
}
