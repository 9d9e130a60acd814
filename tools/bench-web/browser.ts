// Debian's Chromium, headless, with WebGL through SwiftShader (software rendering: no GPU here).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium.ts';

/** Every page of the web figures has this size: the common laptop screen the game is laid out for. */
export const VIEWPORT = { width: 1366, height: 768 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors: a figure measured on a broken page is not reported. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (empty cache and storage) and page; `init` runs in the page before its scripts. */
export async function openPage(browser: Browser, init?: () => void): Promise<BenchPage> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    // the default a player without the system setting gets: full motion, shipments that travel
    reducedMotion: 'no-preference',
    // the offline cache would download the whole build in the background of every measurement
    serviceWorkers: 'block',
  });
  // tsx compiles this tool with esbuild's keepNames, which wraps the named functions handed to the
  // page in calls to a `__name` helper that only exists in Node: give the page a stand-in.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  return { page, context, errors, close: () => context.close() };
}
