// "Source" on a card, by keyboard: the cited paragraphs of the article, verbatim, the card's quote
// marked, Esc to close and the focus back on the button that opened it.
import { afterAll, expect, test } from 'vitest';
import { SEED } from './env.ts';
import { closeBrowser, focused, openGame, startGame, waitForScreen } from './harness.ts';
import { cardByTitle, paragraphText, scenario } from './scenario.ts';

afterAll(closeBrowser);

interface SourceDialog {
  heading: string;
  paragraphs: string[];
  marks: string[];
  focusInside: boolean;
}

const readDialog = (): SourceDialog => {
  const dialog = document.querySelector('dialog[open]')!;
  return {
    heading: dialog.querySelector('.modal-title')?.textContent ?? '',
    paragraphs: [...dialog.querySelectorAll('.source-paragraph-text')].map((p) => p.textContent ?? ''),
    marks: [...dialog.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    focusInside: dialog.contains(document.activeElement),
  };
};

test('Source on a card shows the cited paragraphs with the quote marked; Esc returns to the button', async () => {
  const game = await openGame();
  const { page } = game;
  try {
    await startGame(page, { role: 'kim', seed: SEED });
    await waitForScreen(page, ['hand']);

    // "1" goes to the first card's first option; Shift+Tab steps back to that card's Source button
    await page.keyboard.press('1');
    await page.keyboard.press('Shift+Tab');
    const button = await page.evaluate(() => {
      const el = document.activeElement;
      const card = document.querySelector('#ui .play .game-card');
      if (!el?.matches('.source-button') || !card?.contains(el)) return null;
      el.setAttribute('data-test-opener', '');
      return {
        title: card.querySelector('h3')?.textContent ?? '',
        name: el.getAttribute('aria-label') ?? '',
      };
    });
    expect(
      button,
      `Shift+Tab from the first option should reach the card's Source button, not ${await focused(page)}`,
    ).not.toBeNull();
    const card = cardByTitle(button!.title);
    expect(card, `the card "${button!.title}" is not in ${scenario.id}`).toBeDefined();
    expect(button!.name).toContain(card!.title);

    await page.keyboard.press('Enter');
    await waitForScreen(page, ['source']);
    const dialog = await page.evaluate(readDialog);
    expect(dialog.focusInside, 'the focus moves into the source window').toBe(true);
    expect(dialog.heading).toContain(card!.title);
    // every cited paragraph, verbatim from article.yaml, in the cited order
    const cited = card!.paragraphs.map((id) => paragraphText(id));
    expect(
      cited.every((t) => t !== undefined),
      `${card!.id} cites paragraphs missing from article.yaml`,
    ).toBe(true);
    expect(dialog.paragraphs).toEqual(cited);
    // the quote, marked
    expect(card!.quote, `${card!.id} has no quote`).toBeTruthy();
    expect(dialog.marks.length, 'the quote is marked').toBeGreaterThan(0);
    for (const mark of dialog.marks) expect(mark).toBe(card!.quote);

    await page.keyboard.press('Escape');
    await waitForScreen(page, ['hand']);
    const back = await page.evaluate(() => document.activeElement?.hasAttribute('data-test-opener') ?? false);
    expect(back, `Esc should return the focus to the Source button, not ${await focused(page)}`).toBe(true);
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});

test('the briefing’s "Source: read the article" opens the briefing’s paragraphs with its quote marked', async () => {
  const game = await openGame();
  const { page } = game;
  const briefing = (scenario as unknown as { briefing: { paragraphs: string[]; quote?: string } }).briefing;
  try {
    await startGame(page, {
      onBriefing: async () => {
        await page.keyboard.press('Tab');
        expect(await focused(page)).toContain('source-button');
        await page.keyboard.press('Enter');
        await waitForScreen(page, ['source']);
        const dialog = await page.evaluate(readDialog);
        expect(dialog.paragraphs).toEqual(briefing.paragraphs.map((id) => paragraphText(id)));
        expect(dialog.marks).toEqual(briefing.quote ? [briefing.quote] : []);
        await page.keyboard.press('Escape');
        await waitForScreen(page, ['briefing']);
        expect(await focused(page)).toContain('source-button');
        // off the button again (Enter on a button presses it); then Enter begins the game
        await page.keyboard.press('Shift+Tab');
        expect(await focused(page)).not.toMatch(/^<(button|a|input)/);
      },
    });
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
});
