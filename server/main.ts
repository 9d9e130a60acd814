// npm run server: the live class server on one port (the game, the API, the WebSocket), its
// sessions in a SQLite file under --data. Prints the addresses a class should open.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { startLiveServer } from './app.ts';
import { parseServerArgs, USAGE } from './args.ts';
import { DIST, ensureBuilt } from './build.ts';
import { SqliteStore } from './store/sqlite.ts';
import { joinCluster, type Cluster } from './cluster.ts';
import { freePort } from './clusterRedis.ts';

/** The addresses other devices can use: this machine's IPv4 addresses on its networks. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  const parsed = parseServerArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { args } = parsed;
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.build) ensureBuilt();
  const folder = args.dist === null ? DIST : resolve(args.dist);
  const dist = existsSync(join(folder, 'index.html')) ? folder : null;
  if (dist === null) console.warn(`There is no built game in ${folder}: only the live API is served.`);
  const dataDir = resolve(args.data);
  const local = args.host === '0.0.0.0' || args.host === '::' ? '127.0.0.1' : args.host;
  const others = args.host === '0.0.0.0' || args.host === '::' ? lanAddresses() : [];
  // issue 12 hook: with a Redis, sessions live there and this process is one of a cluster
  const redisUrl = args.redis ?? (process.env.REDIS_URL || null);
  let port = args.port;
  let cluster: Cluster | null = null;
  if (redisUrl !== null) {
    if (port === 0) port = await freePort(); // the public address names the port before listening
    cluster = await joinCluster(redisUrl, args.publicAddress ?? `${others[0] ?? local}:${port}`);
  }
  const store = cluster?.store ?? new SqliteStore(join(dataDir, 'live.sqlite'));
  const server = await startLiveServer({
    store,
    port,
    host: args.host,
    retentionMs: args.retentionHours * 3600_000,
    failuresPerMinute: args.failuresPerMinute,
    joinsPerMinute: args.joinsPerMinute,
    sessionsPerTenMinutes: args.sessionsPerTenMinutes,
    dist,
    ...(cluster ? { cluster } : {}),
  });
  console.log(`Shells for Oil live class server, port ${server.port}`);
  console.log(`  on this machine:   http://${local}:${server.port}/`);
  for (const ip of others) console.log(`  from other devices: http://${ip}:${server.port}/`);
  const kept = cluster
    ? `Redis at ${cluster.redisUrl.replace(/\/\/[^@/]*@/, '//…@')}, shared with every process on it (WebSockets here: ${cluster.publicAddress})`
    : join(dataDir, 'live.sqlite');
  console.log(`  sessions kept in ${kept} for ${args.retentionHours} hours (or until the teacher ends them)`);
  console.log(`LISTENING ${server.port}`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The live server did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
