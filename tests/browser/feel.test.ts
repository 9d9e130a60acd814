// Sound and motion as a player meets them: nothing sounds before the first key, sound follows the
// settings, cards and bars move with motion on and hold still with reduced motion, and neither
// holds up a player pressing keys fast.
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { closeBrowser, focusMatches, openGame, startGame, tabTo, waitForScreen } from './harness.ts';

afterAll(closeBrowser);

/** Counts the audio contexts the page makes and the notes it starts (run before the page loads). */
function countAudio(): void {
  const w = window as unknown as { sfoAudio: { contexts: number; notes: number } };
  w.sfoAudio = { contexts: 0, notes: 0 };
  const Original = window.AudioContext;
  if (!Original) return;
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      w.sfoAudio.contexts++;
    }
  };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    w.sfoAudio.notes++;
    return start.call(this, when);
  };
}

const audio = (page: Page) =>
  page.evaluate(() => (window as unknown as { sfoAudio: { contexts: number; notes: number } }).sfoAudio);

/** Chooses the focused option of the hand with Enter and waits for the outcome. */
async function chooseFirst(page: Page): Promise<void> {
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await waitForScreen(page, ['outcome']);
}

test('no sound before the first key; the player’s moves sound; “Sound” off silences them, and is remembered', async () => {
  const game = await openGame({
    before: async (page) => {
      await page.addInitScript(countAudio);
    },
  });
  const { page } = game;
  try {
    await page.waitForTimeout(300);
    expect((await audio(page)).contexts, 'an audio context before any key or click').toBe(0);
    // the volume by keyboard, then the sound off: both remembered after a reload
    await tabTo(page, '#setting-volume');
    expect((await audio(page)).contexts, 'the first key opens the sound').toBe(1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const volume = await page.evaluate(
      () => (document.getElementById('setting-volume') as HTMLInputElement).value,
    );
    expect(Number(volume)).toBeLessThan(60);
    await page.reload();
    await waitForScreen(page, ['title']);
    expect(
      await page.evaluate(() => (document.getElementById('setting-volume') as HTMLInputElement).value),
    ).toBe(volume);

    // with sound on, a move plays notes
    await startGame(page, { role: 'kim', seed: 20230913 });
    await waitForScreen(page, ['hand']);
    const before = (await audio(page)).notes;
    await chooseFirst(page);
    expect((await audio(page)).notes, 'a move played no sound').toBeGreaterThan(before);
    expect(game.errors).toEqual([]);

    // sound off on the title: remembered, and a move then plays nothing
    await page.keyboard.press('m');
    await waitForScreen(page, ['title']);
    await tabTo(page, '#setting-sound');
    await page.keyboard.press('Space');
    await page.reload();
    await waitForScreen(page, ['title']);
    const stored = await page.evaluate(() => ({
      sound: (document.getElementById('setting-sound') as HTMLInputElement).checked,
      volumeDisabled: (document.getElementById('setting-volume') as HTMLInputElement).disabled,
    }));
    expect(stored).toEqual({ sound: false, volumeDisabled: true });
    await startGame(page, { role: 'kim', seed: 20230913 });
    await waitForScreen(page, ['hand']);
    const silent = (await audio(page)).notes;
    await chooseFirst(page);
    await page.waitForTimeout(200);
    expect((await audio(page)).notes, 'sound is off, yet notes played').toBe(silent);
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});

/** What moves on the play screen right now: animations on the hand, bars, and flying copies. */
function moving(page: Page): Promise<{ cards: number; ghosts: number; bars: number }> {
  return page.evaluate(() => {
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const running = (sel: string) =>
      [...document.querySelectorAll(sel)].reduce((n, el) => n + el.getAnimations().length, 0);
    return {
      cards: running('#ui .hand .game-card'),
      ghosts: document.querySelectorAll('.motion-ghost').length,
      bars: running('#ui .meter-bar .fill'),
    };
  });
}

test('with motion, a dealt card arrives, a chosen one leaves and the bars slide; the keys never wait', async () => {
  const game = await openGame({ reducedMotion: 'no-preference' });
  const { page } = game;
  try {
    await startGame(page, { role: 'kim', seed: 20230913 });
    await waitForScreen(page, ['hand']);
    expect((await moving(page)).cards, 'the dealt cards should be arriving').toBeGreaterThan(0);
    // choose at once, while the cards are still arriving: the outcome is there and focused now
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await waitForScreen(page, ['outcome'], 2_000);
    expect(await focusMatches(page, '#ui .play .bottom button.continue')).toBe(true);
    const after = await moving(page);
    expect(after.ghosts, 'the chosen card should be flying off').toBe(1);
    expect(after.bars, 'the moved meters should be sliding').toBeGreaterThan(0);
    // the flying copy is not something to read, focus or hear twice
    expect(
      await page.evaluate(() => {
        const ghost = document.querySelector('.motion-ghost')!;
        return (
          ghost.getAttribute('aria-hidden') === 'true' &&
          ghost.hasAttribute('inert') &&
          !ghost.querySelector('[id]')
        );
      }),
    ).toBe(true);
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});

test('with reduced motion nothing moves: no arriving cards, no flying copy, no sliding bars', async () => {
  const game = await openGame({ reducedMotion: 'reduce' });
  const { page } = game;
  try {
    await startGame(page, { role: 'kim', seed: 20230913 });
    await waitForScreen(page, ['hand']);
    expect((await moving(page)).cards).toBe(0);
    await chooseFirst(page);
    expect(await moving(page)).toEqual({ cards: 0, ghosts: 0, bars: 0 });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});
