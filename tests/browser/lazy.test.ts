// The screens that come after a game load when they are about to be needed (src/scenes/
// lazyScenes.ts): a game against the computer fetches none of the debrief's or the replay viewer's
// code before its last month, and a connection that drops just as the game ends costs nothing: the
// player is told, tries again, and gets the debrief of the very game they played.
import type { Request } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { SEED } from './env.ts';
import {
  closeBrowser,
  playToDebrief,
  screenshot,
  startGame,
  tabTo,
  withGame,
  type Screen,
} from './harness.ts';

afterAll(closeBrowser);

/** The built files of the debrief and the replay viewer (their scripts and styles). */
const AFTER_GAME = /\/assets\/(DebriefScene|ReplayScene)-[\w-]+\.(js|css)$/;

describe('the screens after a game', () => {
  test('load at the last month; a failed download is told and tried again', async () => {
    await withGame(async ({ page, errors }) => {
      const asked: string[] = [];
      page.on('request', (request: Request) => {
        if (AFTER_GAME.test(request.url())) asked.push(new URL(request.url()).pathname);
      });
      // the network drops for the debrief's code: every request for it fails
      let offline = true;
      await page.route(AFTER_GAME, (route) =>
        offline ? route.abort('internetdisconnected') : route.continue(),
      );

      await startGame(page, { scenario: 'tutorial', seed: SEED });
      const askedBefore: { turn: number; of: number; asked: number }[] = [];
      const playing = playToDebrief(page, {
        visit: async (screen: Screen) => {
          if (screen !== 'hand') return;
          const month = await page.evaluate(() =>
            /Month (\d+) of (\d+)/.exec(
              document.querySelector('#ui .play .top-bar .when .muted')?.textContent ?? '',
            ),
          );
          if (month) askedBefore.push({ turn: Number(month[1]), of: Number(month[2]), asked: asked.length });
        },
      });

      // the game ends while the code cannot come: the player is told, on the last screen of the game
      const dialog = page.locator('dialog[open]', { hasText: 'Could not load' });
      await dialog.waitFor({ timeout: 120_000 });
      expect(await dialog.textContent()).toContain('could not download the debrief');
      expect(await page.locator('#ui .debrief').count()).toBe(0);
      await screenshot(page, 'cannot-load-debrief');

      // before the last month nothing of the debrief or the replay viewer was asked for
      const early = askedBefore.filter((m) => m.turn < m.of);
      expect(early.length).toBeGreaterThan(0);
      expect(early.every((m) => m.asked === 0)).toBe(true);
      expect(asked.length).toBeGreaterThan(0);

      // the connection is back: "Try again" (by keyboard) brings the debrief of this game
      offline = false;
      await tabTo(page, 'dialog[open] .modal-actions button.primary');
      await page.keyboard.press('Enter');
      const record = await playing;
      expect(record.ending).not.toBe('');
      expect(await page.locator('#ui .debrief .ending-screen').count()).toBe(1);
      // only the downloads the test cut are errors
      expect(errors.filter((e) => !/(DebriefScene|ReplayScene)-[\w-]+\.(js|css)/.test(e))).toEqual([]);
    });
  });
});
