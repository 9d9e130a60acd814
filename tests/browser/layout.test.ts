// Readable from 1024×600 to 1920×1080: on the title, the hand, an outcome and the debrief, no text
// is cut off sideways, the play screen's panels do not overlap and the map is drawn in its cell.
//
// The whole game is loaded at 1024×600; on every checked screen the window is then resized to
// 1366×768 and 1920×1080 (as a player resizing or going full screen would) and checked again.
// The play screens are also loaded straight at 1920×1080. Screenshots of every screen at 1024×600
// and 1920×1080 go into out/screens/ (gitignored): look at them.
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { SCREENS_DIR, SEED } from './env.ts';
import {
  closeBrowser,
  holdNextThinking,
  layoutProblems,
  mapPlacement,
  mapPlacementProblem,
  openGame,
  playToDebrief,
  resize,
  screenOf,
  screenshot,
  startGame,
  VIEWPORTS,
  releaseComputer,
  waitForScreen,
  type PlayOptions,
  type Viewport,
} from './harness.ts';

afterAll(closeBrowser);

const { small, medium, large } = VIEWPORTS;

interface Tour {
  page: Page;
  /** The size the page was loaded at. */
  native: Viewport;
  problems: string[];
  shots: string[];
}

const sizeName = (v: Viewport): string => `${v.width}×${v.height}`;
const same = (a: Viewport, b: Viewport): boolean => a.width === b.width && a.height === b.height;

async function check(tour: Tour, name: string, size: Viewport): Promise<void> {
  const where = `${name} at ${sizeName(size)}${same(size, tour.native) ? '' : ' (resized)'}`;
  for (const p of await layoutProblems(tour.page)) tour.problems.push(`${where}: ${p}`);
  const screen = await screenOf(tour.page);
  if (screen === 'hand' || screen === 'outcome' || screen === 'thinking') {
    const problem = mapPlacementProblem(await mapPlacement(tour.page));
    if (problem) tour.problems.push(`${where}: ${problem}`);
  }
}

/**
 * Checks the layout at the `check` sizes and screenshots at the `shoot` sizes, the native size
 * first, then back to it.
 */
async function lookAt(
  tour: Tour,
  name: string,
  { check: checkAt = [], shoot = [] }: { check?: Viewport[]; shoot?: Viewport[] },
): Promise<void> {
  const sizes = [tour.native, ...[...checkAt, ...shoot].filter((s) => !same(s, tour.native))];
  const unique = sizes.filter((s, i) => sizes.findIndex((t) => same(s, t)) === i);
  for (const size of unique) {
    if (!same(size, tour.native)) await resize(tour.page, size);
    if (checkAt.some((s) => same(s, size))) await check(tour, name, size);
    if (shoot.some((s) => same(s, size))) tour.shots.push(await screenshot(tour.page, name));
  }
  if (unique.length > 1) await resize(tour.page, tour.native);
}

/** Source and help windows over the hand, by keyboard. */
async function lookAtWindows(tour: Tour): Promise<void> {
  const { page } = tour;
  await page.keyboard.press('1');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await waitForScreen(page, ['source']);
  await lookAt(tour, '06-source', { shoot: [tour.native] });
  await page.keyboard.press('Escape');
  await waitForScreen(page, ['hand']);
  await page.keyboard.press('?');
  await waitForScreen(page, ['help']);
  await lookAt(tour, '07-help', { shoot: [tour.native] });
  await page.keyboard.press('Escape');
  await waitForScreen(page, ['hand']);
}

/** What to look at on each play screen; `all` checks at every size. */
function playVisits(tour: Tour, all: Viewport[], untilMonth2: boolean): PlayOptions['visit'] {
  const here = { check: all, shoot: [tour.native] };
  return async (screen, count) => {
    const { page } = tour;
    if (screen === 'hand' && count === 1) {
      await lookAt(tour, '03-play-hand', here);
      await lookAtWindows(tour);
    } else if (screen === 'hand' && count === 2) {
      await lookAt(tour, '03-play-hand-month2', { check: [tour.native], shoot: [tour.native] });
      if (untilMonth2) return 'stop';
    } else if (screen === 'outcome' && count === 1) {
      await lookAt(tour, '04-play-outcome', here);
    } else if (screen === 'thinking' && count === 1) {
      await lookAt(tour, '05-play-computer-deciding', here);
      await releaseComputer(page);
    } else if (screen === 'outcome' && count === 2) {
      await lookAt(tour, '04-play-outcome-computer', { check: [tour.native], shoot: [tour.native] });
    } else if (screen === 'news' && count === 1) {
      await lookAt(tour, '08-news', { shoot: [tour.native] });
    }
  };
}

test('readable at 1024×600, and after resizing to 1366×768 and 1920×1080', async () => {
  const game = await openGame({ viewport: small });
  const { page } = game;
  const tour: Tour = { page, native: small, problems: [], shots: [] };
  const all = [small, medium, large];
  try {
    await lookAt(tour, '01-title', { check: all, shoot: [small, large] });
    await startGame(page, {
      role: 'kim',
      seed: SEED,
      onBriefing: () => lookAt(tour, '02-briefing', { shoot: [small, large] }),
    });
    await holdNextThinking(page);
    const visitPlay = playVisits(tour, all, false)!;
    await playToDebrief(page, {
      visit: async (screen, count) => {
        if (screen !== 'debrief') return visitPlay(screen, count);
        await lookAt(tour, '09-debrief', { check: all, shoot: [small, large] });
        // further down the debrief: the charts, the timeline, the trade-offs
        for (const [part, selector] of [
          ['10-debrief-meters', '.debrief-meters'],
          ['11-debrief-timeline', '.debrief-timeline'],
          ['12-debrief-tradeoffs', '.debrief-tradeoffs'],
        ] as const) {
          await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start' }), selector);
          await lookAt(tour, part, { shoot: [small, large] });
        }
      },
    });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
  console.log(`${tour.shots.length} screenshots in ${SCREENS_DIR}`);
  expect(tour.problems, `layout problems:\n${tour.problems.join('\n')}`).toEqual([]);
});

test('readable when loaded at 1920×1080: the first month of play', async () => {
  const game = await openGame({ viewport: large });
  const { page } = game;
  const tour: Tour = { page, native: large, problems: [], shots: [] };
  try {
    await startGame(page, { role: 'kim', seed: SEED });
    await holdNextThinking(page);
    await playToDebrief(page, { visit: playVisits(tour, [large], true) });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
  expect(tour.problems, `layout problems:\n${tour.problems.join('\n')}`).toEqual([]);
});

test('readable with larger text at 1024×600: title, hand and outcome', async () => {
  const game = await openGame({ viewport: small });
  const { page } = game;
  const tour: Tour = { page, native: small, problems: [], shots: [] };
  const here = { check: [small], shoot: [small] };
  try {
    await startGame(page, {
      role: 'kim',
      seed: SEED,
      largeText: true,
      colorBlind: true,
      onTitle: () => lookAt(tour, 'large-text-01-title', here),
    });
    await playToDebrief(page, {
      visit: async (screen) => {
        if (screen === 'hand') await lookAt(tour, 'large-text-03-play-hand', here);
        if (screen !== 'outcome') return;
        await lookAt(tour, 'large-text-04-play-outcome', here);
        return 'stop';
      },
    });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
  expect(tour.problems, `layout problems:\n${tour.problems.join('\n')}`).toEqual([]);
});
