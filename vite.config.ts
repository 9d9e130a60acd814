import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { opponentWorkerPlugin } from './src/ai/workerPlugin.ts';
import { gameFilesPlugin } from './src/scenes/gameFilesPlugin.ts';
import { scenariosPlugin } from './src/scenario/vite-plugin.ts';
import { contentSecurityPolicy } from './src/security/csp.ts';
import { GROUPS, loadOrderChunks } from './src/build/loadOrderChunks.ts';

const loadOrder = loadOrderChunks({
  title: /[\\/]src[\\/]main\.ts$/,
  play: /[\\/]src[\\/]game\.ts$/,
  workers: [/[\\/]src[\\/]ai[\\/]worker\.ts$/],
  phaser: /[\\/]node_modules[\\/]phaser[\\/]/,
});

// Offline (issue 7): vite-plugin-pwa writes, at build time only, `sw.js` (Workbox, generateSW) that
// precaches every file the build emits — index.html, the app's and Phaser's chunks, the CSS,
// map.json, each scenario's chunk, the opponent's worker, the link chunk, the icon, the manifest —
// under their content-hashed names, plus `manifest.webmanifest` (the page links it). All URLs are
// relative: the site may be served from a sub-path. src/offline/register.ts registers the worker
// once the title is up, in built sites only (the dev server has no worker).
const offline = VitePWA({
  // Workbox's quiet production build even when NODE_ENV says otherwise (the browser tests' builds)
  mode: 'production',
  injectRegister: false,
  // the icon is picked up with every other file below
  includeManifestIcons: false,
  manifest: {
    name: 'Shells for Oil',
    short_name: 'Shells for Oil',
    description:
      'A classroom strategy simulation of the 2023 North Korea–Russia arms deal, built from one news article.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#0f1b2b',
    theme_color: '#0f1b2b',
    icons: [
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
    ],
  },
  workbox: {
    // every emitted file (but the worker's own scripts, sw.js and workbox-*.js, which Workbox leaves out)
    globPatterns: ['**/*'],
    // (the plugin lists the manifest itself)
    globIgnores: ['**/node_modules/**/*', 'manifest.webmanifest'],
    // Phaser's chunk is 1.4 MB; Workbox's default cap (2 MiB) would leave no room to grow
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // any navigation in scope gets index.html, with a query (`?bench`) too; a fragment (`#replay=…`,
    // `#class=…`) never reaches the worker
    navigateFallback: 'index.html',
    // control the page that installed it at once (first visit only: an update waits until every
    // tab of the old version is closed, so a running game never loses the chunks it still needs)
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  base: './',
  // (the opponent's worker is an entry of this same build, sharing the engine's chunks: workerPlugin.ts)
  plugins: [
    scenariosPlugin(),
    opponentWorkerPlugin(),
    loadOrder.plugin,
    gameFilesPlugin(),
    contentSecurityPolicy(),
    offline,
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // @noble/hashes has no side effects but does not say so in its package.json; saying it here
      // lets the bundler drop what the page does not use.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]@noble[\\/]hashes[\\/]/.test(id),
      },
      output: {
        // Phaser in a chunk of its own: it changes only with the dependency, so browsers keep it
        // cached across releases, and `npm run bench` can weigh the app's own code beside it.
        // The app's code in a few files by when a player needs it (src/build/loadOrderChunks.ts):
        // what the title and the opponent's worker share (the engine's names, its seeded numbers:
        // the title checks a save's fields before the engine's rules have loaded), the rest of the
        // worker's (the engine, the opponent), the title's, then a game's. Whatever loads later
        // (the debrief, the classroom, each scenario) keeps the bundler's own chunks.
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/, priority: 50 },
            ...GROUPS.map((name, i) => ({
              name,
              test: (id: string) => loadOrder.groupOf(id) === name,
              priority: 40 - i * 10,
            })),
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
