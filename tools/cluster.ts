// npm run server:cluster [-- --processes N --port P --redis URL --data DIR --host ADDRESS]
// A local trial of the class server on several processes (docs/deploy.md): N `npm run server`
// processes on consecutive ports sharing one Redis, started here (Debian's redis-server, on a free
// loopback port, append-only files under DIR) unless --redis or REDIS_URL names one. Prints the
// addresses; Ctrl-C stops every process, then the Redis it started.
import { join, resolve } from 'node:path';
import { ensureBuilt } from '../server/build.ts';
import { startLocalCluster, type LocalCluster } from '../server/clusterProcesses.ts';
import { DEFAULT_PORT } from '../src/live/protocol.ts';

const USAGE = `npm run server:cluster [-- OPTIONS]

  --processes N     how many server processes (default 2)
  --port P          the first one's port (default ${DEFAULT_PORT}); the others take P+1, P+2, …
  --redis URL       share this Redis (default: $REDIS_URL; without either, one is started here)
  --data DIR        where the Redis started here keeps its files (default ./data/redis)
  --host ADDRESS    the address the processes listen on (default 0.0.0.0: every network)
  --no-build        serve dist/ as it is (do not run vite build when it is missing or stale)
  --help            this text`;

interface ClusterArgs {
  processes: number;
  port: number;
  redis: string | null;
  data: string;
  host: string;
  build: boolean;
}

function parse(argv: readonly string[]): { ok: true; args: ClusterArgs } | { ok: false; message: string } {
  const args: ClusterArgs = {
    processes: 2,
    port: DEFAULT_PORT,
    redis: process.env.REDIS_URL || null,
    data: './data/redis',
    host: '0.0.0.0',
    build: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--no-build') {
      args.build = false;
      continue;
    }
    const value = argv[++i];
    const missing = value === undefined || value.startsWith('--');
    switch (flag) {
      case '--processes': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 64)
          return { ok: false, message: '--processes needs a whole number from 1 to 64' };
        args.processes = n;
        break;
      }
      case '--port': {
        const p = Number(value);
        if (!Number.isInteger(p) || p < 1 || p > 65535)
          return { ok: false, message: '--port needs a port number from 1 to 65535' };
        args.port = p;
        break;
      }
      case '--redis':
        if (missing || !/^rediss?:\/\//.test(value))
          return { ok: false, message: '--redis needs a Redis URL, e.g. redis://127.0.0.1:6379' };
        args.redis = value;
        break;
      case '--data':
        if (missing) return { ok: false, message: '--data needs a folder' };
        args.data = value;
        break;
      case '--host':
        if (missing) return { ok: false, message: '--host needs an address, e.g. 127.0.0.1' };
        args.host = value;
        break;
      default:
        return { ok: false, message: `unknown option ${flag} (see --help)` };
    }
  }
  if (args.port + args.processes - 1 > 65535) return { ok: false, message: 'the ports would pass 65535' };
  return { ok: true, args };
}

async function main(): Promise<void> {
  const parsed = parse(process.argv.slice(2));
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (!parsed.ok) {
    console.error(`${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { args } = parsed;
  if (args.build) ensureBuilt(); // once here, rather than N builds at once
  let cluster: LocalCluster | null = null;
  const stopAll = async (code: number): Promise<never> => {
    await cluster?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const dir = resolve(args.data);
  try {
    cluster = await startLocalCluster({
      processes: args.processes,
      firstPort: args.port,
      host: args.host,
      redisUrl: args.redis,
      redisDir: dir,
      onLine: (port, line, stream) =>
        (stream === 'stdout' ? process.stdout : process.stderr).write(`[${port}] ${line}\n`),
      onExit: (m) =>
        console.error(
          `[${m.port}] this process has stopped; its classes go on in the others once their devices rejoin.`,
        ),
    });
  } catch (error) {
    console.error(`The cluster did not start: ${error instanceof Error ? error.message : String(error)}`);
    return stopAll(1);
  }
  const where = cluster.redis
    ? `the Redis started here at ${cluster.redisUrl} (append-only files in ${join(dir, 'appendonlydir')})`
    : cluster.redisUrl;
  console.log(
    `\n${cluster.members.length} class server processes share ${where}:\n` +
      cluster.members
        .map((m) => `  process ${m.pid} on port ${m.port}: http://127.0.0.1:${m.port}/`)
        .join('\n') +
      `\nOpen any of them (from other devices: this machine's network address, same port):` +
      ` a class made through one can be joined through another. Ctrl-C stops them all.`,
  );
}

void main();
