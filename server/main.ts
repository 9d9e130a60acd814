// npm run server: the live class server on one port (the game, the API, the WebSocket), its
// sessions in a SQLite file under --data. Prints the addresses a class should open.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { startLiveServer } from './app.ts';
import { parseServerArgs, USAGE } from './args.ts';
import { DIST, ensureBuilt } from './build.ts';
import { SqliteStore } from './store/sqlite.ts';

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
  const store = new SqliteStore(join(dataDir, 'live.sqlite'));
  const server = await startLiveServer({
    store,
    port: args.port,
    host: args.host,
    retentionMs: args.retentionHours * 3600_000,
    dist,
  });
  const local = args.host === '0.0.0.0' || args.host === '::' ? '127.0.0.1' : args.host;
  const others = args.host === '0.0.0.0' || args.host === '::' ? lanAddresses() : [];
  console.log(`Shells for Oil live class server, port ${server.port}`);
  console.log(`  on this machine:   http://${local}:${server.port}/`);
  for (const ip of others) console.log(`  from other devices: http://${ip}:${server.port}/`);
  console.log(
    `  sessions kept in ${join(dataDir, 'live.sqlite')} for ${args.retentionHours} hours (or until the teacher ends them)`,
  );
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
