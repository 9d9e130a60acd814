// Readable from 1024×600 to 1920×1080: on the title, the hand, an outcome and the debrief, at three
// window sizes, no text is cut off sideways and the play screen's panels do not overlap. On the way
// it takes screenshots of every screen at the smallest and largest size into out/screens/.
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { SCREENS_DIR, SEED } from './env.ts';
import {
  closeBrowser,
  holdNextThinking,
  layoutProblems,
  openGame,
  playToDebrief,
  resize,
  screenshot,
  startGame,
  VIEWPORTS,
  wakeGame,
  waitForScreen,
  type Viewport,
} from './harness.ts';

afterAll(closeBrowser);

const SIZES: Viewport[] = [VIEWPORTS.small, VIEWPORTS.medium, VIEWPORTS.large];
const SHOT_SIZES: Viewport[] = [VIEWPORTS.small, VIEWPORTS.large];

const problems: string[] = [];
const shots: string[] = [];

/** Checks the layout at every size (when `check`), and screenshots at the smallest and largest. */
async function lookAt(page: Page, name: string, check: boolean): Promise<void> {
  for (const size of SIZES) {
    const shoot = SHOT_SIZES.includes(size);
    if (!check && !shoot) continue;
    await resize(page, size);
    if (check) {
      for (const p of await layoutProblems(page)) problems.push(`${name} at ${size.width}×${size.height}: ${p}`);
    }
    if (shoot) shots.push(await screenshot(page, name));
  }
  await resize(page, VIEWPORTS.medium);
}

/** Source and help windows over the hand, by keyboard. */
async function lookAtWindows(page: Page): Promise<void> {
  await page.keyboard.press('1');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await waitForScreen(page, ['source']);
  await lookAt(page, '06-source', false);
  await page.keyboard.press('Escape');
  await waitForScreen(page, ['hand']);
  await page.keyboard.press('?');
  await waitForScreen(page, ['help']);
  await lookAt(page, '07-help', false);
  await page.keyboard.press('Escape');
  await waitForScreen(page, ['hand']);
}

test('no cut-off text or overlapping panels from 1024×600 to 1920×1080 (and screenshots)', async () => {
  const game = await openGame({ viewport: VIEWPORTS.medium, reducedMotion: 'no-preference' });
  const { page } = game;
  try {
    await lookAt(page, '01-title', true);
    await startGame(page, {
      role: 'kim',
      seed: SEED,
      onBriefing: () => lookAt(page, '02-briefing', false),
    });
    await holdNextThinking(page);
    await playToDebrief(page, {
      visit: async (screen, count) => {
        if (screen === 'hand' && count === 1) {
          await lookAt(page, '03-play-hand', true);
          await lookAtWindows(page);
        } else if (screen === 'hand' && count === 2) {
          await lookAt(page, '03-play-hand-month2', true);
        } else if (screen === 'outcome' && count === 1) {
          await lookAt(page, '04-play-outcome', true);
        } else if (screen === 'thinking' && count === 1) {
          await lookAt(page, '05-play-computer-deciding', true);
          await wakeGame(page);
        } else if (screen === 'outcome' && count === 2) {
          await lookAt(page, '04-play-outcome-computer', true);
        } else if (screen === 'news' && count === 1) {
          await lookAt(page, '08-news', false);
        } else if (screen === 'debrief') {
          await lookAt(page, '09-debrief', true);
          // further down the debrief: the charts and the timeline
          for (const [part, selector] of [
            ['10-debrief-meters', '.debrief-meters'],
            ['11-debrief-timeline', '.debrief-timeline'],
            ['12-debrief-tradeoffs', '.debrief-tradeoffs'],
          ] as const) {
            await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start' }), selector);
            await lookAt(page, part, false);
          }
        }
      },
    });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
  console.log(`${shots.length} screenshots in ${SCREENS_DIR}`);
  expect(problems, `layout problems:\n${problems.join('\n')}`).toEqual([]);
});
