// Several `npm run server` processes sharing one Redis on this machine: for the local trial
// (tools/cluster.ts) and for `npm run bench:server -- --processes N`. The Redis is started here
// (server/clusterRedis.ts) unless a URL is given; stop() stops every process, then that Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build.ts';
import { startLocalRedis, type LocalRedis } from './clusterRedis.ts';

export interface ServerMember {
  port: number;
  pid: number;
  child: ChildProcess;
  exited: Promise<void>;
}

export interface LocalClusterOptions {
  processes: number;
  /** The first process's port, the others the next ones; 0: each a free port. */
  firstPort: number;
  host: string;
  /** A Redis to share; null: start one in `redisDir`. */
  redisUrl: string | null;
  redisDir: string;
  /** More options for every process (after --port, --host, --redis and --no-build). */
  extraArgs?: string[];
  /** Each line a process prints (LISTENING lines aside); by default dropped. */
  onLine?: (port: number, line: string, stream: 'stdout' | 'stderr') => void;
  /** A process that stopped while the others run (not called during stop()). */
  onExit?: (member: ServerMember) => void;
}

export interface LocalCluster {
  redisUrl: string;
  /** The Redis started here, if one was. */
  redis: LocalRedis | null;
  members: ServerMember[];
  stop(): Promise<void>;
}

/** Starts one server process on the Redis; resolves once it listens. */
function startMember(o: LocalClusterOptions, port: number, redisUrl: string, stopping: () => boolean) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--host',
      o.host,
      '--redis',
      redisUrl,
      '--no-build',
      ...(o.extraArgs ?? []),
    ],
    // REDIS_URL cleared: --redis says which Redis
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDIS_URL: '' } },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise<ServerMember>((resolveStart, rejectStart) => {
    let member: ServerMember | null = null;
    let said = '';
    const read = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          const listening = /^LISTENING (\d+)$/.exec(line);
          if (listening && !member) {
            member = { port: Number(listening[1]), pid: child.pid!, child, exited };
            resolveStart(member);
          } else {
            said = (said + line + '\n').slice(-4000);
            o.onLine?.(member?.port ?? port, line, name);
          }
        }
      });
    };
    read(child.stdout!, 'stdout');
    read(child.stderr!, 'stderr');
    child.once('exit', (code, signal) => {
      if (!member)
        rejectStart(new Error(`a server process did not start (exit ${code ?? signal}):\n${said}`));
      else if (!stopping()) o.onExit?.(member);
    });
  });
}

/** SIGTERM, then SIGKILL after a few seconds (a process still waiting on a Redis that is gone). */
export async function stopMember(m: ServerMember): Promise<void> {
  if (m.child.exitCode !== null || m.child.signalCode !== null) return;
  m.child.kill('SIGTERM');
  const late = setTimeout(() => m.child.kill('SIGKILL'), 5000);
  await m.exited;
  clearTimeout(late);
}

export async function startLocalCluster(o: LocalClusterOptions): Promise<LocalCluster> {
  let stopping = false;
  const redis =
    o.redisUrl === null ? await startLocalRedis({ dir: o.redisDir, appendfsync: 'always' }) : null;
  const redisUrl = o.redisUrl ?? redis!.url;
  const members: ServerMember[] = [];
  const stop = async () => {
    stopping = true;
    await Promise.all(members.map(stopMember));
    await redis?.stop();
  };
  const ports = Array.from({ length: o.processes }, (_, i) => (o.firstPort === 0 ? 0 : o.firstPort + i));
  const started = await Promise.allSettled(
    ports.map((port) => startMember(o, port, redisUrl, () => stopping)),
  );
  for (const s of started) if (s.status === 'fulfilled') members.push(s.value);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  members.sort((a, b) => a.port - b.port);
  return { redisUrl, redis, members, stop };
}

/**
 * For `npm run bench:server -- --processes N`: N processes on free loopback ports sharing a Redis
 * started for the run in a temporary folder (fsync on every write, as the SQLite default is).
 * The pids include Redis's, so CPU and memory figures count what the shared store costs.
 */
export async function startBenchCluster(
  processes: number,
  extraArgs: string[],
): Promise<{ urls: string[]; pids: number[]; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sfo-bench-redis-'));
  try {
    const cluster = await startLocalCluster({
      processes,
      firstPort: 0,
      host: '127.0.0.1',
      redisUrl: null,
      redisDir: dir,
      extraArgs,
      onLine: (port, line, stream) => {
        if (stream === 'stderr') process.stderr.write(`[${port}] ${line}\n`);
      },
    });
    return {
      urls: cluster.members.map((m) => `http://127.0.0.1:${m.port}`),
      pids: [...cluster.members.map((m) => m.pid), cluster.redis!.pid],
      stop: async () => {
        await cluster.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
