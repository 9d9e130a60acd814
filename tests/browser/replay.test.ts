// Saves, replay files, share links and branching, in the browser: reload mid-turn and resume;
// a full storage; export, import (picker and drop) and watch a replay, whose hash Node agrees
// with; open a share link in a fresh browser; branch from a replay with the same random future.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { fragmentToReplayText } from '../../src/persist/link.ts';
import { REPO_ROOT, SEED } from './env.ts';
import {
  closeBrowser,
  formatFindings,
  runAxe,
  withGame,
  playToDebrief,
  screenOf,
  screenshot,
  startGame,
  waitForScreen,
} from './harness.ts';
import { scenario } from './scenario.ts';

afterAll(closeBrowser);

const run = promisify(execFile);

interface Moment {
  month: string;
  hand: string[];
  /** Every meter's shown value (a change chip, if any, left out). */
  meters: Record<string, string>;
}

function moment(page: Page): Promise<Moment> {
  return page.evaluate(() => ({
    month: document.querySelector('#ui .top-bar .month')?.textContent ?? '',
    hand: [...document.querySelectorAll('#ui .play .game-card h3')].map((e) => e.textContent ?? ''),
    meters: Object.fromEntries(
      [...document.querySelectorAll('#ui [data-meter]')].map((m) => [
        m.getAttribute('data-meter') ?? '',
        m.querySelector('.meter-value')?.lastChild?.textContent?.trim() ?? '',
      ]),
    ),
  }));
}

/** Plays by keyboard until the n-th hand is showing (it is not played). */
async function playUntilHand(page: Page, n: number): Promise<void> {
  await playToDebrief(page, {
    visit: async (screen, count) => (screen === 'hand' && count === n ? 'stop' : undefined),
  });
  await waitForScreen(page, ['hand']);
}

/** Moves the replay viewer's timeline to move `index`, as dragging it would. */
async function seekTo(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    const slider = document.querySelector<HTMLInputElement>('#replay-timeline')!;
    slider.value = String(i);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, index);
}

/** Opens the game's menu and presses one of its buttons. */
async function menu(page: Page, button: string): Promise<void> {
  await page.locator('#ui .top-actions button', { hasText: 'Menu' }).click();
  await page.locator('dialog[open] button', { hasText: button }).click();
}

describe('saves', () => {
  test('a reload in the middle of a month comes back to the same hand, meters and future', async () => {
    await withGame(async ({ page, errors }) => {
      await startGame(page, { seed: SEED });
      await playUntilHand(page, 4);
      const before = await moment(page);
      expect(before.hand.length).toBeGreaterThan(0);
      await page.reload();
      await waitForScreen(page, ['hand'], 20_000);
      const after = await moment(page);
      expect(after).toEqual(before);
      await screenshot(page, 'resumed');
      // the game goes on to its end from there, and is listed as finished afterwards
      const record = await playToDebrief(page);
      expect(scenario.endings.map((e) => e.title)).toContain(record.ending);
      await page.locator('#ui .debrief-title-button').click();
      await waitForScreen(page, ['title']);
      // (the list comes a moment after the title: its code loads when there are saves to list)
      await page.locator('#ui .saved-games .save').first().waitFor();
      const saves = await page.locator('#ui .saved-games .save').allTextContents();
      expect(saves).toHaveLength(1);
      expect(saves[0]).toContain(scenario.title);
      expect(saves[0]).toContain('finished');
      await screenshot(page, 'title-saved-games');
      expect(formatFindings(await runAxe(page, 'title with saved games'))).toBe('');
      expect(errors).toEqual([]);
    });
  });

  test('with the storage full the player is told, plays on, and the other saves are untouched', async () => {
    const other = '{"an": "older save of some other kind"}';
    await withGame(
      async ({ page, errors }) => {
        await startGame(page, { seed: SEED });
        await playUntilHand(page, 3);
        const notice = page.locator('.notice[role=alert]');
        await expect.poll(() => notice.count()).toBe(1);
        expect(await notice.textContent()).toMatch(/no room left.*keep playing/s);
        // playing on: the next month comes
        const monthBefore = (await moment(page)).month;
        await playToDebrief(page, {
          visit: async (screen) =>
            screen === 'hand' && (await moment(page)).month !== monthBefore ? 'stop' : undefined,
        });
        expect(await page.evaluate(() => localStorage.getItem('sfo.save.older'))).toBe(other);
        // only the quota failures were printed by the browser, nothing from the game
        expect(errors.filter((e) => !e.includes('QuotaExceeded'))).toEqual([]);
      },
      {
        before: async (page: Page) => {
          await page.addInitScript((text) => {
            localStorage.setItem('sfo.save.older', text);
            const setItem = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key: string, value: string) {
              if (key.startsWith('sfo.save.') && key !== 'sfo.save.older')
                throw new DOMException('full', 'QuotaExceededError');
              setItem.call(this, key, value);
            };
          }, other);
        },
      },
    );
  });
});

describe('replay files', () => {
  test('a finished game saved as a file opens in the viewer (picked or dropped), and Node replays it to the same hash', async () => {
    await withGame(async ({ page, errors }) => {
      await startGame(page, { seed: SEED, level: 'easy' });
      const record = await playToDebrief(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#ui .debrief-download').click(),
      ]);
      const path = join(mkdtempSync(join(tmpdir(), 'sfo-replay-')), download.suggestedFilename());
      await download.saveAs(path);
      const text = readFileSync(path, 'utf8');
      const file = JSON.parse(text) as { log: unknown[]; outcome: { stateHash: string; phase: string } };
      expect(download.suggestedFilename()).toMatch(/^vostochny-summit-world-\d+-ended\.replay\.json$/);
      expect(file.outcome.phase).toBe('over');

      // the same file, replayed by `npm run replay` in Node, ends in the same state
      const { stdout } = await run('npx', ['tsx', 'tools/replay.ts', path, '--json'], { cwd: REPO_ROOT });
      expect((JSON.parse(stdout) as { stateHash: string }).stateHash).toBe(file.outcome.stateHash);

      // picked with the file picker on the title screen
      await page.locator('#ui .debrief-title-button').click();
      await waitForScreen(page, ['title']);
      await page.locator('#replay-file').setInputFiles(path);
      await page.locator('#ui .replay-controls').waitFor();
      expect(await page.locator('#ui .replay-position').textContent()).toBe(
        `The start · ${file.log.length} moves`,
      );
      await page.keyboard.press('End');
      expect(await page.locator('#ui .replay-position').textContent()).toContain(
        `Move ${file.log.length} of`,
      );
      expect(await page.locator('#ui .top-bar .month').textContent()).toBe(record.months.at(-1)!.label);
      // every move shows its source
      await page.keyboard.press('ArrowLeft');
      expect(await page.locator('#ui .replay-moment .source-button').count()).toBe(1);
      await screenshot(page, 'replay-viewer');
      expect(formatFindings(await runAxe(page, 'replay viewer'))).toBe('');

      // dropped on the title screen
      await page.keyboard.press('m');
      await waitForScreen(page, ['title']);
      await page.evaluate((content) => {
        const data = new DataTransfer();
        data.items.add(new File([content], 'dropped.replay.json', { type: 'application/json' }));
        const target = document.querySelector('#ui .title-page')!;
        target.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, text);
      await page.locator('#ui .replay-controls').waitFor();
      expect(errors).toEqual([]);
    });
  });

  test('a damaged file and a damaged link each get a clear message, and nothing else changes', async () => {
    await withGame(async ({ page, errors }) => {
      await page.evaluate(() => localStorage.setItem('sfo.save.keep', 'kept as it was'));
      await page.locator('#replay-file').setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "shells-for-oil-replay", "version": 99}'),
      });
      const problem = page.locator('#ui .title-problem');
      await expect
        .poll(() => problem.textContent())
        .toMatch(/“notes\.json” is not a replay this game can open\. .*version/);
      // (a new fragment alone does not load the page again: reload it, as opening the link would)
      await page.goto(`${page.url().split('#')[0]}#replay=<img src=x onerror=alert(1)>`);
      await page.reload();
      await waitForScreen(page, ['title']);
      await expect.poll(() => problem.textContent()).toMatch(/^This link does not open a game\./);
      expect(await page.locator('#ui img').count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('sfo.save.keep'))).toBe('kept as it was');
      expect(await screenOf(page)).toBe('title');
      expect(errors).toEqual([]);
    });
  });
});

describe('share links and branching', () => {
  test('a link opens the game in a fresh browser, and playing on from a moment keeps its future', async () => {
    const link = await withGame(async ({ page, errors }) => {
      await startGame(page, { seed: SEED });
      await playUntilHand(page, 6);
      await menu(page, 'Share a link');
      const value = await page.locator('#share-link').inputValue();
      expect(errors).toEqual([]);
      return value;
    });
    expect(link).toMatch(/#replay=[\w-]+$/);
    const unpacked = fragmentToReplayText(link);
    expect(unpacked.ok).toBe(true);
    const file = JSON.parse(unpacked.ok ? unpacked.text : '{}') as {
      log: { role: string; card: string; option: string }[];
    };
    // moves of the player's (Kim) answered by Putin in the same month: branch just before one
    const candidates = file.log.flatMap((m, i) =>
      i > 0 && m.role === 'kim' && file.log[i + 1]?.role === 'putin' ? [i] : [],
    );
    expect(candidates.length).toBeGreaterThan(0);

    await withGame(async ({ page, errors }) => {
      // a fresh browser (its own storage) opening the link: a new fragment needs a fresh load
      await page.goto(link);
      await page.reload();
      await page.locator('#ui .replay-controls').waitFor();
      // the moment just before the move (index `at`) and just after it, as the replay shows them
      let at = -1;
      let expected: Moment | null = null;
      for (const i of candidates) {
        await seekTo(page, i + 1);
        const after = await moment(page);
        await seekTo(page, i);
        if ((await moment(page)).month === after.month) {
          at = i;
          expected = after;
          break;
        }
      }
      expect(at, 'a move of Kim’s within a month').toBeGreaterThan(0);
      const move = file.log[at]!;
      const card = scenario.cards.find((c) => c.id === move.card)!;
      await page.locator('#ui .replay-branch').click();
      await waitForScreen(page, ['hand']);
      // the same choice from the same moment gives the same result: the same random future
      const option = card.options.find((o) => o.id === move.option)!;
      await page
        .locator('#ui .game-card', { hasText: card.title })
        .locator('.option', { hasText: option.label })
        .click();
      await waitForScreen(page, ['outcome']);
      const after = await moment(page);
      expect(after.meters).toEqual(expected!.meters);
      expect(after.month).toBe(expected!.month);
      expect(errors).toEqual([]);
    });
  });
});
