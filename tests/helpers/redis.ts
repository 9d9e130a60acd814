// A throw-away Redis for one test file: Debian's redis-server on a free loopback port, in a temp dir,
// every write fsynced to its append-only file before it is answered. `restart()` brings it back on
// the same port and files, as an operator's restart would; `crash()` kills it with SIGKILL first.
// The server also dies with the test process (see server/clusterRedis.ts), so none is left behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRedis, type LocalRedis } from '../../server/clusterRedis.ts';

export interface TestRedis {
  /** redis://127.0.0.1:PORT — the same across restarts. */
  readonly url: string;
  readonly port: number;
  /** SIGTERM, then start again on the same port and append-only files. */
  restart(): Promise<void>;
  /** SIGKILL (nothing flushed on the way out), then, `downForMs` later, start again on the same port and files. */
  crash(downForMs?: number): Promise<void>;
  /** Stops it and deletes its files. */
  stop(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'shells-for-oil-redis-'));
  let current: LocalRedis;
  try {
    current = await startLocalRedis({ dir, appendfsync: 'always' });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const port = current.port;
  return {
    url: current.url,
    port,
    restart: async () => {
      await current.stop();
      current = await startLocalRedis({ dir, port, appendfsync: 'always' });
    },
    crash: async (downForMs = 0) => {
      await current.kill();
      await new Promise((resolve) => setTimeout(resolve, downForMs));
      current = await startLocalRedis({ dir, port, appendfsync: 'always' });
    },
    stop: async () => {
      await current.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
