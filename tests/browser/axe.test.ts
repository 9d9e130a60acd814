// axe-core on every screen of a game: loading, title, briefing, the hand, an outcome, the computer
// deciding, the computer's outcome, the news, the source and help windows, the debrief. Serious and
// critical violations fail; moderate and minor ones are printed.
//
// Then with larger text and the colour-blind palette, ticked by keyboard on the title screen, at
// 1024×600 where room is shortest: every screen up to the first news (the debrief with those
// settings is audited at the end of the first game: the settings are only classes on <html>, which
// the settings test shows the checkboxes set, so the first game adds them there).
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { SEED } from './env.ts';
import {
  closeBrowser,
  focused,
  formatFindings,
  gate,
  holdNextThinking,
  openGame,
  playToDebrief,
  runAxe,
  startGame,
  tabTo,
  releaseComputer,
  waitForScreen,
  VIEWPORTS,
  type AxeFinding,
  type GamePage,
  type Viewport,
} from './harness.ts';

afterAll(closeBrowser);

/**
 * Opens the game with Phaser's chunk held: the title is up and works without it, and a game
 * started meanwhile waits on the loading screen, which stays up for axe until `release`.
 */
async function openHeldAtLoading(viewport: Viewport): Promise<{ game: GamePage; release: () => void }> {
  const held = gate();
  const game = await openGame({
    viewport,
    before: async (page) => {
      await page.route(/\/assets\/phaser-[^/]*\.js$/, async (route) => {
        await held.wait;
        await route.continue();
      });
    },
  });
  return { game, release: held.open };
}

/** From the title, a game started before Phaser is in: the briefing, then the loading screen. */
async function startWhileLoading(page: Page): Promise<void> {
  await page.locator('.title-page .start-top').click();
  await page.locator('.briefing-page button.primary', { hasText: 'Begin' }).click();
  await waitForScreen(page, ['loading']);
}

/** Once Phaser is in, the game held on the loading screen starts; M goes back to the title. */
async function leaveHeldGame(page: Page): Promise<void> {
  await waitForScreen(page, ['hand'], 30_000);
  await page.keyboard.press('m');
  await waitForScreen(page, ['title']);
}

/** The source and help windows, opened and closed by keyboard from the hand. */
async function auditWindows(page: Page, suffix: string, findings: AxeFinding[]): Promise<void> {
  await page.keyboard.press('1');
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toContain('source-button');
  await page.keyboard.press('Enter');
  await waitForScreen(page, ['source']);
  findings.push(...(await runAxe(page, `source window${suffix}`)));
  await page.keyboard.press('Escape');
  await waitForScreen(page, ['hand']);
  await page.keyboard.press('?');
  await waitForScreen(page, ['help']);
  findings.push(...(await runAxe(page, `help window${suffix}`)));
  await page.keyboard.press('Escape');
  await waitForScreen(page, ['hand']);
}

const LARGE = ' (large text, colour-blind)';

/** Plays a game by keyboard, auditing each kind of screen the first time it shows. */
async function auditGame(
  game: GamePage,
  suffix: string,
  findings: AxeFinding[],
  wholeGame: boolean,
): Promise<string[]> {
  const { page } = game;
  const audited: string[] = [];
  const audit = async (name: string): Promise<void> => {
    findings.push(...(await runAxe(page, `${name}${suffix}`)));
    audited.push(name);
  };
  await startGame(page, {
    role: 'kim',
    seed: SEED,
    onBriefing: () => audit('briefing'),
  });
  await holdNextThinking(page);
  await playToDebrief(page, {
    visit: async (screen, count) => {
      if (screen === 'hand' && count === 1) {
        await audit('play: the hand');
        await auditWindows(page, suffix, findings);
        audited.push('source window', 'help window');
      } else if (screen === 'outcome' && count === 1) await audit('play: your outcome');
      else if (screen === 'outcome' && count === 2) await audit('play: the computer’s outcome');
      else if (screen === 'thinking' && count === 1) {
        await audit('play: the computer deciding');
        await releaseComputer(page);
      } else if (screen === 'news' && count === 1) {
        await audit('news window');
        if (!wholeGame) return 'stop';
      } else if (screen === 'debrief') {
        await audit('debrief');
        // the same debrief with the larger text and the colour-blind palette
        await page.evaluate(() => document.documentElement.classList.add('large-text', 'cb-palette'));
        findings.push(...(await runAxe(page, `debrief${LARGE}`)));
        await page.evaluate(() => document.documentElement.classList.remove('large-text', 'cb-palette'));
      }
    },
  });
  return audited;
}

const ALL = [
  'loading',
  'title',
  'briefing',
  'play: the hand',
  'source window',
  'help window',
  'play: your outcome',
  'play: the computer deciding',
  'play: the computer’s outcome',
  'news window',
  'debrief',
];

test('axe finds no serious or critical violation on any screen', async () => {
  const findings: AxeFinding[] = [];
  const { game, release } = await openHeldAtLoading(VIEWPORTS.medium);
  try {
    const audited: string[] = [];
    findings.push(...(await runAxe(game.page, 'title')));
    audited.push('title');
    await startWhileLoading(game.page);
    findings.push(...(await runAxe(game.page, 'loading')));
    audited.push('loading');
    release();
    await leaveHeldGame(game.page);
    audited.push(...(await auditGame(game, '', findings, true)));
    expect(new Set(audited)).toEqual(new Set(ALL));
    expect(game.errors).toEqual([]);
  } finally {
    release();
    await game.close();
  }
  expect(findings, `serious or critical axe violations:\n${formatFindings(findings)}`).toEqual([]);
});

test('axe, with larger text and the colour-blind palette on, at 1024×600', async () => {
  const findings: AxeFinding[] = [];
  const { game, release } = await openHeldAtLoading(VIEWPORTS.small);
  try {
    const { page } = game;
    // tick both settings by keyboard: the loading screen then wears them too
    for (const id of ['setting-largeText', 'setting-colorBlind']) {
      await tabTo(page, `#${id}`);
      await page.keyboard.press('Space');
    }
    const audited: string[] = [];
    await startWhileLoading(page);
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(
      /(?=.*\blarge-text\b)(?=.*\bcb-palette\b)/,
    );
    findings.push(...(await runAxe(page, `loading${LARGE}`)));
    audited.push('loading');
    release();
    await leaveHeldGame(page);
    findings.push(...(await runAxe(page, `title${LARGE}`)));
    audited.push('title');
    audited.push(...(await auditGame(game, LARGE, findings, false)));
    expect(new Set(audited)).toEqual(new Set(ALL.filter((s) => s !== 'debrief')));
    expect(game.errors).toEqual([]);
  } finally {
    release();
    await game.close();
  }
  expect(findings, `serious or critical axe violations:\n${formatFindings(findings)}`).toEqual([]);
});
