// Builds the game once, serves the build from a tiny static server on a free port and starts one
// Chromium for every browser test file. Tests connect to it and open their own fresh contexts.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serve } from '../../tools/browser/static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from './env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built game, e.g. "http://127.0.0.1:40123/". */
    baseURL: string;
    /** The shared Chromium, for `chromium.connect`. */
    wsEndpoint: string;
    /** The build's folder (the live tests' class server serves it too). */
    buildDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'shells-for-oil-browser-'));
  let server: Server | undefined;
  let browser: BrowserServer | undefined;
  const teardown = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    await build({
      root: REPO_ROOT,
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    const served = await serve(outDir);
    server = served.server;
    browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    project.provide('baseURL', served.url);
    project.provide('wsEndpoint', browser.wsEndpoint());
    project.provide('buildDir', outDir);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
