// Starts the real live server (npm run server's entry, through tsx) on 127.0.0.1 on a free port,
// with its own data folder; stops it (or kills it with SIGKILL) when asked. The server tests, the
// browser tests and npm run bench:server start their single server this way, and always stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';

const ROOT = resolvePath(import.meta.dirname, '..');

export interface ServerProcess {
  base: string;
  port: number;
  pid: number;
  dataDir: string;
  output: () => string;
  /** SIGTERM and wait for the exit (SIGKILL: at once, as a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sfo-live-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `echo`: the server's errors go to this process's stderr as well (the bench shows them). */
export async function startServer(
  dataDir: string,
  extra: string[] = [],
  port = 0,
  echo = false,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // tsx as a loader in this one process (its CLI would run the server in a child a kill misses)
      '--import',
      'tsx',
      'server/main.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--no-build',
      ...extra,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
    if (echo) process.stderr.write(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the server exited:\n${out}`));
    });
  });
  return {
    base: `http://127.0.0.1:${listening}`,
    port: listening,
    pid: child.pid!,
    dataDir,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const late = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    },
  };
}
