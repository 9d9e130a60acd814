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

/**
 * What moves on the play screen now: the animation the dealt cards are given (its name, however
 * far along it is), and flying copies and sliding bars at this moment.
 */
function moving(page: Page): Promise<{ cards: string[]; ghosts: number; bars: number }> {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('#ui .hand .game-card')].map(
      (el) => getComputedStyle(el).animationName,
    ),
    ghosts: document.querySelectorAll('.motion-ghost').length,
    bars: [...document.querySelectorAll('#ui .meter-bar .fill')].reduce(
      (n, el) => n + el.getAnimations().length,
      0,
    ),
  }));
}

interface Recorded {
  /** Flying copies added to the page, and whether each was hidden, inert and without ids. */
  ghosts: { hidden: boolean }[];
  /** The most bar animations seen running at once. */
  bars: number;
}

/**
 * Records, from now on, what moves as the page changes (each change is seen as it happens, so a
 * busy machine cannot make the test miss a short animation).
 */
async function record(page: Page): Promise<() => Promise<Recorded>> {
  await page.evaluate(() => {
    const seen: Recorded = { ghosts: [], bars: 0 };
    (window as unknown as { sfoMotion: Recorded }).sfoMotion = seen;
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes) {
          if (!(node instanceof HTMLElement) || !node.classList.contains('motion-ghost')) continue;
          seen.ghosts.push({
            hidden:
              node.getAttribute('aria-hidden') === 'true' &&
              node.hasAttribute('inert') &&
              !node.querySelector('[id]'),
          });
        }
      const bars = [...document.querySelectorAll('#ui .meter-bar .fill')].reduce(
        (n, el) => n + el.getAnimations().length,
        0,
      );
      seen.bars = Math.max(seen.bars, bars);
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { sfoMotion: Recorded }).sfoMotion);
}

test('with motion, a dealt card arrives, a chosen one leaves and the bars slide; the keys never wait', async () => {
  const game = await openGame({ reducedMotion: 'no-preference' });
  const { page } = game;
  try {
    await startGame(page, { role: 'kim', seed: 20230913 });
    await waitForScreen(page, ['hand']);
    const dealt = (await moving(page)).cards;
    expect(dealt.length).toBeGreaterThan(0);
    expect(
      dealt.every((name) => name === 'deal-in'),
      `the dealt cards should arrive: ${dealt.join()}`,
    ).toBe(true);
    // choose at once, while the cards are still arriving: the outcome is there and focused now
    const seen = await record(page);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await waitForScreen(page, ['outcome'], 2_000);
    expect(await focusMatches(page, '#ui .play .bottom button.continue')).toBe(true);
    const after = await seen();
    // one copy of the chosen card flies off, not something to read, focus or hear twice
    expect(after.ghosts, 'the chosen card should fly off').toEqual([{ hidden: true }]);
    expect(after.bars, 'the moved meters should slide').toBeGreaterThan(0);
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
    expect(new Set((await moving(page)).cards)).toEqual(new Set(['none']));
    const seen = await record(page);
    await chooseFirst(page);
    expect(await seen()).toEqual({ ghosts: [], bars: 0 });
    expect(await moving(page)).toEqual({ cards: [], ghosts: 0, bars: 0 });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});
