// Settings ticked by keyboard on the title screen are remembered on the next visit, and show as
// classes on <html> (which the stylesheet reads).
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, openGame, tabTo, waitForScreen } from './harness.ts';

afterAll(closeBrowser);

const IDS = ['setting-reducedMotion', 'setting-largeText', 'setting-colorBlind'] as const;
const CLASSES = {
  'setting-reducedMotion': 'reduced-motion',
  'setting-largeText': 'large-text',
  'setting-colorBlind': 'cb-palette',
};

async function state(page: Page): Promise<{ ticked: Record<string, boolean>; classes: string[] }> {
  return page.evaluate(
    (ids) => {
      const ticked: Record<string, boolean> = {};
      for (const id of ids)
        ticked[id] = (document.getElementById(id) as HTMLInputElement | null)?.checked ?? false;
      return { ticked, classes: [...document.documentElement.classList] };
    },
    IDS as unknown as string[],
  );
}

/** Tab from the top of the title screen to a checkbox and press Space on it. */
async function toggle(page: Page, id: string): Promise<void> {
  await tabTo(page, `#${id}`);
  await page.keyboard.press('Space');
}

async function revisit(page: Page): Promise<void> {
  await page.reload();
  await waitForScreen(page, ['title']);
}

test('larger text, the colour-blind palette and reduced motion are remembered between visits', async () => {
  const game = await openGame({ reducedMotion: 'no-preference' });
  const { page } = game;
  try {
    const fresh = await state(page);
    expect(fresh.ticked).toEqual({
      'setting-reducedMotion': false,
      'setting-largeText': false,
      'setting-colorBlind': false,
    });
    for (const c of Object.values(CLASSES)) expect(fresh.classes).not.toContain(c);

    // larger text and colour-blind palette: applied at once, and still there after a reload
    await toggle(page, 'setting-largeText');
    await toggle(page, 'setting-colorBlind');
    const now = await state(page);
    expect(now.classes).toEqual(expect.arrayContaining(['large-text', 'cb-palette']));
    await revisit(page);
    const after = await state(page);
    expect(after.ticked).toEqual({
      'setting-reducedMotion': false,
      'setting-largeText': true,
      'setting-colorBlind': true,
    });
    expect(after.classes).toEqual(expect.arrayContaining(['large-text', 'cb-palette']));
    expect(after.classes).not.toContain('reduced-motion');

    // reduced motion likewise; unticking larger text is remembered too
    await toggle(page, 'setting-reducedMotion');
    await toggle(page, 'setting-largeText');
    await revisit(page);
    const last = await state(page);
    expect(last.ticked).toEqual({
      'setting-reducedMotion': true,
      'setting-largeText': false,
      'setting-colorBlind': true,
    });
    expect(last.classes).toEqual(expect.arrayContaining(['reduced-motion', 'cb-palette']));
    expect(last.classes).not.toContain('large-text');
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});

test('a system preference for reduced motion is the default, and a damaged record is ignored', async () => {
  const game = await openGame({
    reducedMotion: 'reduce',
    before: async (page) => {
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('shells-for-oil.settings.v1', '{not json');
        }
      });
    },
  });
  try {
    const first = await state(game.page);
    expect(first.ticked['setting-reducedMotion']).toBe(true);
    expect(first.classes).toContain('reduced-motion');
    expect(first.classes).not.toContain('large-text');
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});
