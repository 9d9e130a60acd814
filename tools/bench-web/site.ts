// The two pages the web figures are measured on, as production builds made with the project's own
// vite.config.ts (same plugins, target and chunk split): the game, and the empty Phaser game of
// bench/empty.html. Both are served read-only from one tiny static server on a free loopback port.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';
import { serve } from '../browser/static-server.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

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
