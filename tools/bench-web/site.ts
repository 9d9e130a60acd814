// The two pages the web figures are measured on, as production builds made with the project's own
// vite.config.ts (same plugins, target and chunk split): the game, and the empty Phaser game of
// bench/empty.html. Both are served read-only from one tiny static server on a free loopback port,
// and once more from one that gzips (as any static host does) for the Lighthouse figures.
// BENCH_SOURCE=DIR builds another checkout of the game instead (the figures before a change:
// `git archive <commit> | tar -x -C DIR`, with this checkout's node_modules linked into DIR).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';
import { serve } from '../browser/static-server.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The checkout whose game is measured (this one unless BENCH_SOURCE says another). */
export const SOURCE_ROOT = resolve(process.env.BENCH_SOURCE ?? REPO_ROOT);

export interface Site {
  /** The built game: every file it ships, under this folder. */
  appDir: string;
  /** The game's page, e.g. "http://127.0.0.1:40123/app/index.html". */
  appUrl: string;
  /** The same page from the server that gzips. */
  appGzipUrl: string;
  /** The empty Phaser page. */
  emptyUrl: string;
  /**
   * The files (paths under appDir) that load beside Phaser for the map and its screens, which the
   * title does not wait for: the game module's own chunks and the map's data. Empty for a build
   * whose title waits for Phaser.
   */
  gameSide: string[];
  close(): Promise<void>;
}

async function viteBuild(root: string, outDir: string, input?: string): Promise<void> {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, manifest: true, ...(input ? { rolldownOptions: { input } } : {}) },
  });
}

/** Every file under `dir`, as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('.vite'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .toSorted();
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  assets?: string[];
  css?: string[];
}

/** The files `src/game.ts` brings (its static imports) that the page's entry does not. */
async function gameSideOf(appDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(appDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const file of chunk.css ?? []) into.add(file);
    for (const next of chunk.imports ?? []) closure(next, into);
    return into;
  };
  const page = closure('index.html');
  // src/game.ts's chunk and its imports: from the manifest when the game has a chunk of its own, else
  // from the list the page preloads them by (src/scenes/gameFilesPlugin.ts: the build may group
  // game.ts with the modules it imports, and the manifest names no chunk after it then)
  const html = await readFile(join(appDir, 'index.html'), 'utf8');
  const listed = /<meta name="game-files" content="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
  const gameFiles = manifest['src/game.ts'] ? [...closure('src/game.ts')] : listed;
  if (gameFiles.length === 0) return [];
  const game = gameFiles.filter((file) => !page.has(file));
  // the map's data: the page requests it at boot, for the game (an asset of whichever of the
  // page's chunks holds the module that names it)
  const map = Object.values(manifest)
    .filter((chunk) => page.has(chunk.file))
    .flatMap((chunk) => chunk.assets ?? [])
    .filter((file) => /\/map-[^/]*\.json$/.test(file));
  return [...game, ...map];
}

/** Builds both pages into a temporary folder and serves it; `close()` stops and removes it all. */
export async function buildSite(): Promise<Site> {
  const root = await mkdtemp(join(tmpdir(), 'shells-for-oil-bench-'));
  const servers: Server[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done()))));
    await rm(root, { recursive: true, force: true });
  };
  try {
    const appDir = join(root, 'app');
    await viteBuild(SOURCE_ROOT, appDir);
    // the baseline is this checkout's, whichever game is measured
    await viteBuild(REPO_ROOT, join(root, 'empty'), join(REPO_ROOT, 'bench/empty.html'));
    const plain = await serve(root);
    servers.push(plain.server);
    const gzip = await serve(root, { gzip: true });
    servers.push(gzip.server);
    return {
      appDir,
      appUrl: `${plain.url}app/index.html`,
      appGzipUrl: `${gzip.url}app/index.html`,
      emptyUrl: `${plain.url}empty/bench/empty.html`,
      gameSide: await gameSideOf(appDir),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
