// Screenshots of the screens a player meets, at the sizes the layout is checked at: the title, the
// first hand, the game's menu, an outcome, the news, the first news with the other states' reactions,
// the first hand with a meter in danger, the ending, by keyboard (the menu by a click), in one fixed world.
//   npx tsx tools/screens.ts [--out docs/screens] [--prefix after] [--sizes 1366x768,1024x600]
//                            [--seed 20230913] [--scenario ID] [--reduce] [--no-build]
// Builds the game into a temporary folder (or serves dist/ with --no-build), plays Kim against the
// computer and writes PREFIX-SCREEN-WxH.png. Motion is on (no reduced motion) unless --reduce.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser/chromium.ts';
import { serve } from './browser/static-server.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const outDir = resolve(opt('--out', 'out/screens'));
const prefix = opt('--prefix', 'screen');
const sizes = opt('--sizes', '1366x768')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const reduce = args.includes('--reduce');
const seed = opt('--seed', '20230913');
const scenarioId = opt('--scenario', '');

const screen = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    if (dialog) return dialog.classList.contains('news-dialog') ? 'news' : 'dialog';
    if (document.querySelector('#ui .debrief')) return 'debrief';
    if (document.querySelector('#ui .play .thinking')) return 'thinking';
    if (document.querySelector('#ui .play .continue:not([data-done])')) return 'outcome';
    if (document.querySelector('#ui .play .game-card')) return 'hand';
    if (document.querySelector('#ui .briefing-page')) return 'briefing';
    if (document.querySelector('#ui .title-page')) return 'title';
    return 'none';
  });

async function waitFor(page: Page, wanted: string[], timeout = 20_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const s = await screen(page);
    if (wanted.includes(s)) return s;
    if (Date.now() > until) throw new Error(`waited for ${wanted.join('/')}, screen is ${s}`);
    await page.waitForTimeout(50);
  }
}

async function shoot(page: Page, name: string, [w, h]: [number, number]): Promise<void> {
  await page.waitForTimeout(reduce ? 300 : 1200);
  const file = join(outDir, `${prefix}-${name}-${w}x${h}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

async function run(url: string, size: [number, number]): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({
      viewport: { width: size[0], height: size[1] },
      reducedMotion: reduce ? 'reduce' : 'no-preference',
    });
    page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
    await page.goto(url);
    await waitFor(page, ['title']);
    await shoot(page, 'title', size);
    if (scenarioId) await page.check(`#scenario-${scenarioId}`);
    await page.fill('#seed', seed);
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('button.start')?.focus());
    await page.keyboard.press('Enter');
    await waitFor(page, ['briefing']);
    await page.keyboard.press('Enter');
    const seen = new Set<string>();
    let move = 0;
    for (let steps = 0; steps < 400; steps++) {
      const s = await waitFor(page, ['hand', 'outcome', 'news', 'debrief', 'thinking'], 60_000);
      if (s === 'thinking') {
        await page.waitForTimeout(60);
        continue;
      }
      const alarm = s === 'hand' && (await page.locator('.map-alarm').count()) > 0 && !seen.has('danger');
      const reaction =
        s === 'news' &&
        seen.has('news') &&
        !seen.has('reactions') &&
        (await page.locator('.kind-reaction').count()) > 0;
      if (reaction) {
        seen.add('reactions');
        await page.locator('dialog[open] .kind-reaction').first().scrollIntoViewIfNeeded();
        await shoot(page, 'reactions', size);
      }
      // the debrief opens on the ending's own screen
      const name = alarm
        ? 'danger'
        : s === 'hand' && seen.has('play')
          ? ''
          : s === 'hand'
            ? 'play'
            : s === 'debrief'
              ? 'ending'
              : s;
      if (name && !seen.has(name)) {
        seen.add(name);
        await shoot(page, name, size);
        if (name === 'play') {
          // the game's menu (with the sound settings), then back to the hand
          await page.click('#ui .top-actions button:text-is("Menu")');
          await shoot(page, 'menu', size);
          await page.keyboard.press('Escape');
          await page.evaluate(() =>
            document.querySelector<HTMLElement>('#ui .option:not([disabled])')?.focus(),
          );
        }
      }
      if (s === 'debrief') break;
      if (s === 'hand') {
        await page.keyboard.press(String((move++ % 2) + 1));
        await page.keyboard.press('Enter');
      } else {
        if (s === 'outcome')
          await page.evaluate(() =>
            document.querySelector('#ui .play .continue')?.setAttribute('data-done', ''),
          );
        await page.keyboard.press('Enter');
      }
      await page.waitForTimeout(150);
    }
  } finally {
    await browser.close();
  }
}

mkdirSync(outDir, { recursive: true });
const built = args.includes('--no-build') ? resolve('dist') : mkdtempSync(join(tmpdir(), 'sfo-screens-'));
if (!args.includes('--no-build'))
  await build({ logLevel: 'error', build: { outDir: built, emptyOutDir: true } });
const { server, url } = await serve(built);
try {
  for (const size of sizes) await run(url, size);
} finally {
  server.close();
  if (!args.includes('--no-build')) rmSync(built, { recursive: true, force: true });
}
