// A class of 25 in the browser: results from simulated games (one of them damaged) are loaded in
// the teacher's dashboard; its endings, counts and CSV are checked against figures taken straight
// from the simulated games; and a student joins with the class code and plays the class's world.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { encodeSessionCode, serializeResult } from '../../src/classroom/index.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';
import { halfAndHalfSession, play, resultOf } from '../fixtures/classroom/class.ts';
import { parseCsv } from '../fixtures/classroom/csv.ts';
import { closeBrowser, formatFindings, runAxe, screenshot, waitForScreen, withGame } from './harness.ts';

afterAll(closeBrowser);

const SUMMIT = loadShippedScenario('vostochny-summit');
const SESSION = halfAndHalfSession(SUMMIT, { title: 'Year 10 history' });
const DAMAGED = 13;
const CLASS = Array.from({ length: 25 }, (_, i) => play(SUMMIT, SESSION, i + 1));

/** The class's files in a folder of their own; student 13's file is cut short. */
function writeClass(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sfo-class-'));
  return CLASS.map((p, i) => {
    const text = serializeResult(resultOf(SESSION, p));
    const path = join(dir, `student-${i + 1}.result.json`);
    writeFileSync(path, i + 1 === DAMAGED ? text.slice(0, text.length / 2) : text);
    return path;
  });
}

describe('the class dashboard', () => {
  test('25 results, one damaged: the 24 others count, and every figure matches the games', async () => {
    const paths = writeClass();
    const counted = CLASS.filter((_, i) => i + 1 !== DAMAGED);
    // what the dashboard must show, from the games themselves: endings by side
    const expected = new Map<string, number>();
    for (const p of counted) {
      const ending = p.states.at(-1)!.ending;
      const title = ending ? SUMMIT.scenario.endings.find((e) => e.id === ending.id)!.title : 'Not finished';
      const key = `${p.side}|${title}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }

    await withGame(async ({ page, errors }) => {
      await page.locator('#ui .class-results').click();
      await page
        .locator('#ui input[type=file][multiple]:not([webkitdirectory])')
        .first()
        .setInputFiles(paths);
      await page.locator('#ui .class-dashboard').waitFor({ timeout: 30_000 });

      // the damaged file is named, and only it
      const problems = await page.locator('#ui .dash-problem-name').allTextContents();
      expect(problems).toEqual([`student-${DAMAGED}.result.json`]);
      expect(await page.locator('#ui .dash-counted').textContent()).toContain('24');

      // endings by side, as the tables show them
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('#ui .dash-ending-table')].flatMap((table) =>
          [...table.querySelectorAll('tbody tr')].map((tr) => ({
            key: `${table.getAttribute('data-side')}|${tr.querySelector('th')?.textContent ?? ''}`,
            count: Number(tr.querySelector('.dash-count')?.textContent ?? 'NaN'),
          })),
        ),
      );
      const nonZero = new Map(shown.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
      expect(nonZero).toEqual(expected);
      await screenshot(page, 'class-dashboard');
      expect(formatFindings(await runAxe(page, 'class dashboard'))).toBe('');

      // the CSV: one row per counted game, with its label and ending
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#ui .dash-csv').click(),
      ]);
      const path = join(mkdtempSync(join(tmpdir(), 'sfo-csv-')), download.suggestedFilename());
      await download.saveAs(path);
      const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
      const label = header!.indexOf('label');
      const endingId = header!.indexOf('ending_id');
      expect(rows).toHaveLength(counted.length);
      // (a spreadsheet-safe CSV puts a ' before a label that starts like a formula)
      const csvGames = rows.map((r) => `${r[label]!.replace(/^'/, '')}|${r[endingId]}`).toSorted();
      const games = counted.map((p) => `${p.label}|${p.states.at(-1)!.ending?.id ?? ''}`).toSorted();
      expect(csvGames).toEqual(games);

      // one click from an unusual game to its replay
      const watch = page.locator('#ui .dash-unusual-game .dash-watch').first();
      if ((await watch.count()) > 0) {
        await watch.click();
        await page.locator('#ui .replay-controls').waitFor();
        await page.locator('#ui .top-actions button', { hasText: 'Menu' }).click();
        await page.locator('#ui .class-dashboard').waitFor();
      }
      expect(errors).toEqual([]);
    });
  });

  test('a student joins with the class code and plays the class’s world', async () => {
    const code = encodeSessionCode(SESSION);
    await withGame(async ({ page, errors }) => {
      await page.locator('#class-code').fill(code.toLowerCase().replaceAll('-', ' '));
      await page.keyboard.press('Enter');
      await page.locator('#class-label').fill('Team Blue');
      await page.locator('#class-number').fill('2');
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['briefing']);
      // number 2 on the list plays Putin, in the class's world
      expect(await page.locator('#ui .briefing-page').textContent()).toContain('Vladimir Putin');
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['hand', 'thinking', 'outcome']);
      expect(await page.locator('#ui .top-bar .month').textContent()).toBeTruthy();
      expect(errors).toEqual([]);
    });
  });

  test('with a turn timer, a hand shows the time left, and when it runs out a move is made for the player', async () => {
    const code = encodeSessionCode({ ...SESSION, roles: 'all-kim', turnSeconds: 15 });
    await withGame(async ({ page, errors }) => {
      await page.locator('#class-code').fill(code);
      await page.keyboard.press('Enter');
      await page.locator('#class-label').fill('Ana');
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['briefing']);
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['hand'], 20_000);
      expect(await page.locator('#ui .turn-timer').textContent()).toMatch(/^0:1[45] left$/);
      // nobody touches anything: the move is made when the time is up
      await waitForScreen(page, ['outcome'], 25_000);
      expect(await page.locator('#ui .outcome h2').first().textContent()).toMatch(/^You chose: /);
      expect(errors).toEqual([]);
    });
  });
});
