// npm run server:cluster as a teacher would try it: N processes on consecutive ports and a Redis of
// its own; a class made through the first is found through the last; Ctrl-C (SIGINT) stops every
// process and the Redis it started.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ping } from '../../server/clusterRedis.ts';
import { loadCatalogue } from '../../server/catalogue.ts';
import { createLiveSession, lookUpCode } from '../../tools/live-sim.ts';
import { removeDir, tempDataDir } from '../../server/serverProcess.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const summit = loadCatalogue().get('vostochny-summit')!;
const dir = tempDataDir();
afterAll(() => removeDir(dir));

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** A port with the next two free as well. */
async function threeFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65000 && (await isFree(port + 1)) && (await isFree(port + 2))) return port;
  }
}

describe('npm run server:cluster', () => {
  it('starts N processes on consecutive ports sharing one Redis, and Ctrl-C stops them all', async () => {
    const first = await threeFreePorts();
    const tool = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/cluster.ts', '--processes', '3', '--port', String(first)].concat([
        '--host',
        '127.0.0.1',
        '--data',
        dir,
        '--no-build',
      ]),
      // its own process group, as a terminal's foreground job: Ctrl-C reaches the tool and its servers
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REDIS_URL: '' },
        detached: true,
      },
    );
    let out = '';
    tool.stdout.on('data', (d: Buffer) => (out += d.toString()));
    tool.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((done) => tool.once('exit', (code) => done(code)));
    try {
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`the cluster did not start:\n${out}`)), 60_000);
        tool.stdout.on('data', () => {
          if (out.includes('class server processes share')) {
            clearTimeout(timer);
            ready();
          }
        });
        void exited.then(() => fail(new Error(`the tool exited:\n${out}`)));
      });
      const redisPort = Number(/redis:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      expect(await ping(redisPort)).toBe(true);
      const ports = [first, first + 1, first + 2];
      for (const port of ports) expect(out).toContain(`http://127.0.0.1:${port}/`);

      const made = await createLiveSession(`http://127.0.0.1:${first}`, {
        scenarioId: summit.scenario.id,
        scenarioHash: summit.hash,
        roles: 'all-kim',
        level: 'easy',
        turnSeconds: null,
        seed: 4,
      });
      expect((await lookUpCode(`http://127.0.0.1:${first + 2}`, made.joinCode)).sessionId).toBe(
        made.sessionId,
      );

      process.kill(-tool.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      for (const port of ports) expect(await isFree(port)).toBe(true);
      expect(await ping(redisPort)).toBe(false);
    } finally {
      if (tool.exitCode === null) process.kill(-tool.pid!, 'SIGKILL');
    }
  }, 120_000);
});
