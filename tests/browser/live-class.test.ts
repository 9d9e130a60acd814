// A live class on the real class server: the teacher runs a session live from the set-up screen,
// six students join with the short code from their own pages (half and half: odd numbers Kim, even
// numbers Putin), wait, play the tutorial to the end against the server's computer, and the
// teacher's live dashboard shows the endings the games reached — computed here, with the engine,
// from each student's own replay. axe checks the teacher's view and a student's waiting screen.
import { describe, expect, test } from 'vitest';
import { compileRules, replay } from '../../src/engine/index.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';
import {
  formatFindings,
  playToDebrief,
  runAxe,
  screenshot,
  waitForScreen,
  type GamePage,
} from './harness.ts';
import { joinLive, openLivePage, replayOfDebrief, runLive, liveServerForThisFile } from './liveServer.ts';

const TUTORIAL = loadShippedScenario('tutorial');
const RULES = compileRules(TUTORIAL.scenario);
const SEED = 4242;

const live = liveServerForThisFile();

describe('a live class', () => {
  test('a teacher and six students: they join, play to the end, and the dashboard shows their games', async () => {
    const server = live();
    const pages: GamePage[] = [];
    try {
      const teacher = await openLivePage(server.url, { viewport: { width: 1366, height: 768 } });
      pages.push(teacher);
      const { code } = await runLive(teacher.page, {
        scenario: 'tutorial',
        roles: 'half-and-half',
        seed: SEED,
      });
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // (opened one after the other: pages of the game loading at once starve two cores)
      const students: GamePage[] = [];
      for (let n = 0; n < 6; n++) {
        const student = await openLivePage(server.url);
        students.push(student);
        pages.push(student);
      }
      // one after the other, so the roster lists them in order
      for (const [i, student] of students.entries())
        await joinLive(student.page, code, `Student ${i + 1}`, i + 1);
      // each one waits, as the side its number gives
      expect(await students[0]!.page.locator('#ui .live-waiting h1').textContent()).toBe(
        'Waiting for your teacher',
      );
      expect(await students[0]!.page.locator('#ui .live-role').textContent()).toBe('Kim Jong Un');
      expect(await students[1]!.page.locator('#ui .live-role').textContent()).toBe('Vladimir Putin');
      expect(formatFindings(await runAxe(students[0]!.page, 'live: waiting screen'))).toBe('');
      await screenshot(students[0]!.page, 'live-waiting');

      // the teacher sees all six, with their sides, waiting
      const roster = teacher.page.locator('#ui .live-roster tbody tr');
      await expect.poll(() => roster.count(), { timeout: 10_000 }).toBe(6);
      const sides = await teacher.page.locator('#ui .live-roster tbody tr td:nth-child(2)').allTextContents();
      expect(sides).toEqual([1, 2, 3, 4, 5, 6].map((n) => (n % 2 === 1 ? 'Kim Jong Un' : 'Vladimir Putin')));
      expect(formatFindings(await runAxe(teacher.page, 'live: teacher view'))).toBe('');
      await screenshot(teacher.page, 'live-teacher');

      await teacher.page.locator('#ui .live-start').click();
      // the six play at once, each at its own pace, each by the keyboard
      const replays = await Promise.all(
        students.map(async (student) => {
          await waitForScreen(student.page, ['briefing']);
          await student.page.keyboard.press('Enter');
          await waitForScreen(student.page, ['hand', 'thinking', 'outcome']);
          const record = await playToDebrief(student.page, { timeout: 150_000 });
          expect(record.ending).not.toBe('');
          expect(student.errors).toEqual([]);
          return replayOfDebrief(student.page);
        }),
      );

      // the endings, computed from each game's own moves with the engine
      const expected = new Map<string, number>();
      replays.forEach((r, i) => {
        const side = i % 2 === 0 ? 'kim' : 'putin';
        expect(r.setup.seats[side]).toBe('human');
        expect(r.seed).toBe(SEED);
        const folded = replay(RULES, r.seed, r.log);
        if (!folded.ok) throw new Error(`game ${i + 1} does not replay: ${folded.rejection.message}`);
        const last = folded.states.at(-1)!;
        expect(last.phase).toBe('over');
        const title = TUTORIAL.scenario.endings.find((e) => e.id === last.ending!.id)!.title;
        expected.set(`${side}|${title}`, (expected.get(`${side}|${title}`) ?? 0) + 1);
      });

      // the teacher's dashboard, filled by the server as the games finished
      await expect
        .poll(() => teacher.page.locator('#ui .live-roster .live-status-finished').count(), {
          timeout: 15_000,
        })
        .toBe(6);
      await teacher.page.locator('#ui .class-dashboard .dash-counted').waitFor();
      await expect
        .poll(() => teacher.page.locator('#ui .class-dashboard .dash-counted').textContent(), {
          timeout: 10_000,
        })
        .toContain('6 games count');
      const shown = await teacher.page.evaluate(() =>
        [...document.querySelectorAll('#ui .dash-ending-table')].flatMap((table) =>
          [...table.querySelectorAll('tbody tr')].map((tr) => ({
            key: `${table.getAttribute('data-side')}|${tr.querySelector('th')?.textContent ?? ''}`,
            count: Number(tr.querySelector('.dash-count')?.textContent ?? 'NaN'),
          })),
        ),
      );
      expect(new Map(shown.filter((r) => r.count > 0).map((r) => [r.key, r.count]))).toEqual(expected);
      // every game is listed by its students' names
      const games = await teacher.page.locator('#ui .dash-games-table tbody th').allTextContents();
      expect(games.toSorted()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Student ${n}`).toSorted());
      await screenshot(teacher.page, 'live-teacher-dashboard');

      // the teacher removes a student (after a confirmation)
      await teacher.page.locator('#ui .live-roster tr[data-student] .live-remove').last().click();
      await teacher.page.locator('dialog[open] .modal-actions button.primary').click();
      await expect.poll(() => roster.count(), { timeout: 10_000 }).toBe(5);

      // the teacher ends the class (after a confirmation): it is deleted, the dashboard stays
      await teacher.page.locator('#ui .live-end').click();
      await teacher.page.locator('dialog[open] .modal-actions button.primary').click();
      await expect
        .poll(() => teacher.page.locator('#ui .live-state').textContent(), { timeout: 10_000 })
        .toContain('The class has ended');
      expect(await teacher.page.locator('#ui .class-dashboard .dash-games-table tbody tr').count()).toBe(6);
      const join = await fetch(`${server.url}api/live/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(join.status).toBeGreaterThanOrEqual(400);
      expect(teacher.errors).toEqual([]);
    } finally {
      for (const p of pages) await p.close();
    }
    // seven pages of the game at once: on a busy two-core machine this takes its time
  }, 300_000);
});
