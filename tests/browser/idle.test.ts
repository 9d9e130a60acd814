// Phaser's loop sleeps while nothing on the map moves (src/scenes/MapScene.ts), and wakes to draw
// whatever changes it: a tint, the pointer, a resize; the computer's move
// (a timer) still comes while it sleeps.
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { SEED } from './env.ts';
import {
  closeBrowser,
  mapPlacement,
  mapPlacementProblem,
  resize,
  startGame,
  VIEWPORTS,
  waitForScreen,
  withGame,
} from './harness.ts';

afterAll(closeBrowser);

const asleep = async (page: Page): Promise<void> => {
  await page
    .waitForFunction(() => window.shellsForOil?.game.loop.running === false, null, { timeout: 10_000 })
    .then((handle) => handle.dispose());
};

const frame = (page: Page): Promise<number> => page.evaluate(() => window.shellsForOil!.game.loop.frame);

/** The map cell as it is on screen. */
async function cell(page: Page): Promise<Buffer> {
  const r = await page.evaluate(() => {
    const b = document.querySelector('#ui .play .map-slot')!.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  });
  return page.screenshot({ clip: r });
}

test('the loop sleeps on a still play screen and wakes to draw a tint, the pointer, a resize and a move', async () => {
  await withGame(
    async ({ page, errors }) => {
      await startGame(page, { seed: SEED });
      await waitForScreen(page, ['hand']);
      await asleep(page);
      const still = await frame(page);
      await page.waitForTimeout(1000);
      expect(await frame(page)).toBe(still);

      // a tint: the map is drawn again in the new colours
      const before = await cell(page);
      const current = await page.locator('#tint').inputValue();
      const other = await page.evaluate(
        (value) =>
          [...document.querySelectorAll<HTMLOptionElement>('#tint option')].find((o) => o.value !== value)!
            .value,
        current,
      );
      await page.locator('#tint').selectOption(other);
      await expect.poll(async () => (await cell(page)).equals(before), { timeout: 10_000 }).toBe(false);
      await asleep(page);

      // the pointer moving wakes it (the map's hover is read in Phaser's loop)
      const beforePointer = await frame(page);
      await page.mouse.move(20, 20);
      await page.mouse.move(200, 300, { steps: 4 });
      await expect.poll(() => frame(page)).toBeGreaterThan(beforePointer);
      await asleep(page);

      // a resize: the map is fitted to its new cell and drawn there
      await resize(page, VIEWPORTS.large);
      expect(mapPlacementProblem(await mapPlacement(page))).toBeNull();
      await asleep(page);

      // a move, then the computer's answer: its pause is a timer, set while the loop sleeps, and
      // Continue is pressed without a key or the pointer (either would wake the loop by itself)
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['outcome']);
      await asleep(page);
      await page.evaluate(() => {
        const next = document.querySelector<HTMLButtonElement>('#ui .play .continue')!;
        next.dataset.testDone = '';
        next.click();
      });
      expect(await waitForScreen(page, ['outcome', 'news'], 60_000)).toBeTruthy();
      expect(errors).toEqual([]);
    },
    { viewport: VIEWPORTS.medium },
  );
});
