// The two pages the web figures are measured on, as production builds made with the project's own
// vite.config.ts (same plugins, target and chunk split): the game, and the empty Phaser game of
// bench/empty.html. Both are served read-only from one tiny static server on a free loopback port.
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { build } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Site {
  /** The built game: every file it ships, under this folder. */
  appDir: string;
  /** The game's page, e.g. "http://127.0.0.1:40123/app/index.html". */
  appUrl: string;
  /** The empty Phaser page. */
  emptyUrl: string;
  close(): Promise<void>;
}

async function viteBuild(outDir: string, input?: string): Promise<void> {
  await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, ...(input ? { rolldownOptions: { input } } : {}) },
  });
}

/** Every file under `dir`, as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .toSorted();
}

/** Serves `root` read-only, without caching headers; anything outside it or missing is a 404. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      const info = file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(res);
    })();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('the static server has no port'));
        return;
      }
      resolvePromise({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });
}

/** Builds both pages into a temporary folder and serves it; `close()` stops and removes it all. */
export async function buildSite(): Promise<Site> {
  const root = await mkdtemp(join(tmpdir(), 'shells-for-oil-bench-'));
  let server: Server | undefined;
  const close = async (): Promise<void> => {
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await rm(root, { recursive: true, force: true });
  };
  try {
    const appDir = join(root, 'app');
    await viteBuild(appDir);
    await viteBuild(join(root, 'empty'), join(REPO_ROOT, 'bench/empty.html'));
    const served = await serve(root);
    server = served.server;
    return {
      appDir,
      appUrl: `${served.url}app/index.html`,
      emptyUrl: `${served.url}empty/bench/empty.html`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
