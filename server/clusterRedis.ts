// Starts Debian's `redis-server` on a free loopback port with append-only persistence, for a local
// cluster trial (`npm run server:cluster`) and for the tests. The server is wrapped in a small shell
// that stops it as soon as the Node process that started it goes away, however it goes (even
// `kill -9`): the shell waits on a pipe from Node, and the pipe closes when Node dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

export interface LocalRedisOptions {
  /** Where the append-only files live; a restart on the same dir brings every key back. */
  dir: string;
  /** A fixed port (a restart reuses the previous one); by default a free loopback port. */
  port?: number;
  /** `always` fsyncs every write before answering it (no acknowledged write is ever lost). */
  appendfsync?: 'always' | 'everysec';
  /** How long to wait for the first PONG. */
  startTimeoutMs?: number;
}

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** The redis-server's own process id (not the wrapping shell's). */
  readonly pid: number;
  /** SIGTERM: Redis flushes and exits; resolves once it has. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: nothing is flushed on the way out. */
  kill(): Promise<void>;
}

/** `REDIS_SERVER`, then /usr/bin/redis-server, then the PATH; undefined when there is none. */
export function findRedisServer(): string | undefined {
  const candidates = [
    process.env.REDIS_SERVER,
    '/usr/bin/redis-server',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** A port nothing listens on right now (the kernel's choice), on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One inline PING; true on +PONG (false while Redis is still loading its files, or down). */
export function ping(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

// The shell starts redis in the background, prints its pid, and kills it when its stdin (a pipe
// from Node) closes; `wait` then returns once redis has exited.
const WRAPPER =
  'r="$1"; shift; "$r" "$@" & pid=$!; echo "$pid"; cat >/dev/null; kill "$pid" 2>/dev/null; wait "$pid"';

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function launch(binary: string, options: LocalRedisOptions, port: number): Promise<LocalRedis> {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--dir', options.dir,
    '--logfile', join(options.dir, 'redis.log'),
    '--daemonize', 'no',
    '--save', '',
    '--appendonly', 'yes',
    '--appendfsync', options.appendfsync ?? 'always',
  ]; // prettier-ignore
  // its own process group: a Ctrl-C in the terminal reaches the servers, which still need Redis to
  // close cleanly, and not Redis; the pipe stops it once this process is gone
  const shell = spawn('sh', ['-c', WRAPPER, 'sh', binary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  // what redis-server says before its log file opens (a bad argument, say), for the error message
  let said = '';
  shell.stderr?.on('data', (chunk: Buffer) => (said = (said + chunk.toString()).slice(-2000)));
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    shell.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    shell.once('exit', () => reject(new Error('redis-server could not be started')));
  });
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  let redisExited = false;
  const alive = (): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (!(await ping(port))) {
    redisExited = !alive();
    if (redisExited || Date.now() > deadline) {
      shell.stdin?.end();
      await exited(shell);
      throw new Error(
        `redis-server on port ${port} did not answer PING (${redisExited ? 'it exited' : 'timed out'}); ` +
          `see ${join(options.dir, 'redis.log')}${said ? `\n${said.trim()}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = async (): Promise<void> => {
    shell.stdin?.end();
    await exited(shell);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir: options.dir,
    pid,
    stop,
    kill: async () => {
      if (alive()) process.kill(pid, 'SIGKILL');
      await stop();
    },
  };
}

/**
 * Starts redis-server and resolves once it answers PING. Without a fixed port it picks a free one,
 * trying again on another if that one was taken meanwhile.
 */
export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalRedis> {
  const binary = findRedisServer();
  if (!binary) {
    throw new Error(
      'redis-server was not found: install it (apt-get install redis-server) or set REDIS_SERVER',
    );
  }
  await mkdir(options.dir, { recursive: true });
  if (options.port !== undefined) return launch(binary, options, options.port);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(binary, options, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
