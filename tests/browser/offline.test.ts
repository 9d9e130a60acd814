// Offline (issue 7): the build's service worker precaches every file the build emits, so once the
// game has been opened, it opens and plays again with the network cut — the title, a scenario
// (its own chunk) and the computer opponent (its Web Worker), all from the cache. The page is also
// an installable web app (its manifest and icon).
//
// This file builds its own copy of the site and serves it from a sub-path, as some schools do, so
// the network can really be cut: the server stops, and the browser context goes offline too.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../tools/browser/static-server.ts';
import { REPO_ROOT, SEED } from './env.ts';
import { closeBrowser, playToDebrief, startGame, waitForScreen, withGame } from './harness.ts';

const SUB_PATH = 'schools/shells-for-oil/';

interface Site {
  /** The build's folder. */
  dir: string;
  /** The game's address, under the sub-path. */
  url: string;
  server: Server;
}

let root: string | undefined;
let site: Site | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'shells-for-oil-offline-'));
  const dir = join(root, SUB_PATH);
  await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true },
  });
  const served = await serve(root);
  site = { dir, url: `${served.url}${SUB_PATH}`, server: served.server };
});

/** Stops the server at once, open connections and all: the network is gone. */
function stopServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

afterAll(async () => {
  if (site?.server.listening) await stopServer(site.server);
  if (root) await rm(root, { recursive: true, force: true });
  await closeBrowser();
});

/** Every file of the build but the service worker's own scripts (the browser keeps those). */
async function precachable(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((file) => file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file))
    .toSorted();
}

describe('offline', () => {
  test(
    'after one visit, the game opens, starts a scenario and the computer plays with the network cut',
    { timeout: 180_000 },
    async () => {
      const { dir, url, server } = site!;
      const wanted = await precachable(dir);
      // what the issue names, so a change to the build that drops one fails here
      for (const kind of [
        /^index\.html$/,
        /^manifest\.webmanifest$/,
        /^icon\.svg$/,
        /^assets\/index-[\w-]+\.js$/,
        // (the page's styles travel with the title's code: vite.config.ts)
        /^assets\/title-[\w-]+\.css$/,
        /^assets\/phaser-[\w-]+\.js$/,
        /^assets\/map-[\w-]+\.json$/,
        /^assets\/worker-[\w-]+\.js$/,
        /^assets\/link-[\w-]+\.js$/,
        /^assets\/vostochny-summit-[\w-]+\.js$/,
      ])
        expect(wanted.filter((file) => kind.test(file)).length, `one file like ${kind}`).toBe(1);

      await withGame(
        async (game) => {
          const { page, context } = game;
          // online, the first visit: the worker installs once the title is up, precaching everything
          const active = await page.evaluate(() =>
            Promise.race([
              navigator.serviceWorker.ready.then(() => true),
              new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000)),
            ]),
          );
          expect(active, 'a service worker was registered and activated').toBe(true);
          await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
            timeout: 10_000,
          });
          const cached = await page.evaluate(async () => {
            const urls: string[] = [];
            for (const name of await caches.keys())
              for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
            return urls;
          });
          const names = cached.map((u) => {
            const address = new URL(u);
            address.search = ''; // Workbox's revision of files whose names carry no hash
            return address.href.startsWith(url) ? address.href.slice(url.length) : address.href;
          });
          expect(names.toSorted(), 'the cache holds every file of the build').toEqual(wanted);

          // the web app's manifest, and Chromium's verdict: installable (but for the test's
          // incognito context)
          const manifest = await page.evaluate(async () => {
            const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
            return link ? ((await (await fetch(link.href)).json()) as Record<string, unknown>) : null;
          });
          expect(manifest).toMatchObject({
            name: 'Shells for Oil',
            start_url: './',
            display: 'standalone',
            background_color: '#0f1b2b',
            theme_color: '#0f1b2b',
          });
          const cdp = await context.newCDPSession(page);
          const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
          await cdp.detach();
          expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

          // the network goes: the server stops, and the browser is offline
          await stopServer(server);
          await context.setOffline(true);
          const fromNetwork: string[] = [];
          page.on('response', (response) => {
            if (!response.fromServiceWorker()) fromNetwork.push(response.url());
          });
          await page.reload();
          await waitForScreen(page, ['title'], 20_000);
          expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

          // a scenario starts (its chunk from the cache), and the computer moves (its worker too)
          await startGame(page, { seed: SEED, role: 'kim', mode: 'vs-computer' });
          const decisions: { where: 'worker' | 'page' }[] = [];
          await playToDebrief(page, {
            timeout: 120_000,
            visit: async (screen) => {
              decisions.push(
                ...(await page.evaluate(() => window.shellsForOil?.bench?.opponentTimes() ?? [])),
              );
              return screen === 'hand' && decisions.length > 0 ? 'stop' : undefined;
            },
          });
          expect(decisions.length, 'the computer made a move').toBeGreaterThan(0);
          expect(
            decisions.map((d) => d.where),
            'it thought in its worker',
          ).toEqual(decisions.map(() => 'worker'));
          expect(fromNetwork, 'nothing came from the network').toEqual([]);
          expect(game.errors, 'console errors, page errors or failed requests').toEqual([]);
        },
        // ?bench: the page says where the computer decided (in its worker, or in the page)
        { url: `${site!.url}?bench`, serviceWorkers: 'allow' },
      );
    },
  );
});
