// The server's command line: npm run server [-- --port 2567 --host 0.0.0.0 --retention-hours 24 --data DIR --no-build]
import { DEFAULT_PORT } from '../src/live/protocol.ts';
import { CREATES_PER_TEN_MINUTES, FAILURES_PER_MINUTE, JOINS_PER_MINUTE } from './limits.ts';

export interface ServerArgs {
  port: number;
  host: string;
  retentionHours: number;
  data: string;
  build: boolean;
  /** A build to serve instead of the repo's dist/ (never rebuilt). */
  dist: string | null;
  /** Wrong codes, teacher secrets or tokens an address may try a minute. */
  failuresPerMinute: number;
  /** Join attempts an address may make a minute. */
  joinsPerMinute: number;
  /** Live classes an address may make per ten minutes. */
  sessionsPerTenMinutes: number;
  help: boolean;
  /** Issue 12: a Redis shared with other processes (else REDIS_URL, else this process alone on SQLite). */
  redis: string | null;
  /** Issue 12: where browsers reach this process's WebSockets (host:port[/path]); by default its own address. */
  publicAddress: string | null;
}

export const USAGE = `npm run server [-- OPTIONS]

  --port N              the port for the game, the API and the WebSocket (default ${DEFAULT_PORT}; 0: any free port)
  --host ADDRESS        the address to listen on (default 0.0.0.0: every network; 127.0.0.1: this machine only)
  --retention-hours H   delete a live class this many hours after it was made (default 24)
  --data DIR            where the database is kept (default ./data/)
  --dist DIR            serve the build in DIR instead of dist/ (never rebuilt)
  --join-failures-per-minute N
                        wrong codes, teacher secrets or tokens one address may try a minute (default ${FAILURES_PER_MINUTE})
  --joins-per-minute N  joins one address may make a minute (default ${JOINS_PER_MINUTE}; a school behind one address)
  --sessions-per-ten-minutes N
                        live classes one address may make per ten minutes (default ${CREATES_PER_TEN_MINUTES})
  --no-build            serve dist/ as it is (do not run vite build when it is missing or stale)
  --redis URL           share sessions and rooms with every process on this Redis (default: $REDIS_URL;
                        without either, this process alone with its SQLite file); see docs/deploy.md
  --public-address A    with --redis: where browsers reach this process, host:port or host/path
                        (default: this machine's network address and --port)
  --help                this text`;

export function parseServerArgs(
  argv: readonly string[],
): { ok: true; args: ServerArgs } | { ok: false; message: string } {
  const args: ServerArgs = {
    port: DEFAULT_PORT,
    host: '0.0.0.0',
    retentionHours: 24,
    data: './data/',
    build: true,
    dist: null,
    failuresPerMinute: FAILURES_PER_MINUTE,
    joinsPerMinute: JOINS_PER_MINUTE,
    sessionsPerTenMinutes: CREATES_PER_TEN_MINUTES,
    help: false,
    redis: null,
    publicAddress: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string | null => {
      const v = argv[i + 1];
      i++;
      return v === undefined || v.startsWith('--') ? null : v;
    };
    switch (flag) {
      case '--port': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 65535)
          return { ok: false, message: '--port needs a port number from 0 to 65535' };
        args.port = v;
        break;
      }
      case '--host': {
        const v = value();
        if (v === null) return { ok: false, message: '--host needs an address, e.g. 127.0.0.1' };
        args.host = v;
        break;
      }
      case '--retention-hours': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0 || v > 24 * 365)
          return { ok: false, message: '--retention-hours needs a number of hours above 0' };
        args.retentionHours = v;
        break;
      }
      case '--data': {
        const v = value();
        if (v === null) return { ok: false, message: '--data needs a folder' };
        args.data = v;
        break;
      }
      case '--dist': {
        const v = value();
        if (v === null) return { ok: false, message: '--dist needs the folder of a build' };
        args.dist = v;
        args.build = false;
        break;
      }
      case '--redis': {
        const v = value();
        if (v === null || !/^rediss?:\/\//.test(v))
          return { ok: false, message: '--redis needs a Redis URL, e.g. redis://127.0.0.1:6379' };
        args.redis = v;
        break;
      }
      case '--public-address': {
        const v = value();
        if (v === null || v.includes('//') || !/^[\w.:[\]-]+(?:\/[\w.~/-]*)?$/.test(v))
          return { ok: false, message: '--public-address needs host:port or host/path, without http://' };
        args.publicAddress = v.replace(/\/+$/, '');
        break;
      }
      case '--join-failures-per-minute': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1)
          return { ok: false, message: '--join-failures-per-minute needs a whole number from 1' };
        args.failuresPerMinute = v;
        break;
      }
      case '--joins-per-minute': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1)
          return { ok: false, message: '--joins-per-minute needs a whole number from 1' };
        args.joinsPerMinute = v;
        break;
      }
      case '--sessions-per-ten-minutes': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1)
          return { ok: false, message: '--sessions-per-ten-minutes needs a whole number from 1' };
        args.sessionsPerTenMinutes = v;
        break;
      }
      case '--no-build':
        args.build = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        return { ok: false, message: `unknown option ${flag} (see --help)` };
    }
  }
  return { ok: true, args };
}
