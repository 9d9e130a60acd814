// Offline play: registers the service worker that the production build writes (`sw.js`, made by
// vite-plugin-pwa in vite.config.ts; it precaches every file of the build), so the game opens again
// with the network cut. Registration waits until the title screen is up, then until the page is
// idle, so it never slows the way to the title; the worker's downloads run in the background.
// Under the `vite` dev server (`import.meta.hot`; not `import.meta.env.PROD`, which a build made
// with NODE_ENV=test, as the browser tests' is, turns off) there is no worker, and nothing happens.
// A browser that refuses (no service workers, a page not on https or localhost) just plays online.
/** The worker's file, beside index.html: relative, so the site works from any sub-path. */
const WORKER_URL = './sw.js';

/** Registers the offline worker once the page is idle (built sites only); main.ts calls it once the title is up. */
export function registerOfflineWhenIdle(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  whenIdle(register);
}

function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 1000);
}

function register(): void {
  try {
    navigator.serviceWorker.register(WORKER_URL, { scope: './' }).catch(unavailable);
  } catch (error) {
    unavailable(error);
  }
}

/** Not alarming (no warning, no error): the game plays on as before, online. */
function unavailable(error: unknown): void {
  console.info(`Shells for Oil: offline play is not available here (${String(error)}).`);
}
