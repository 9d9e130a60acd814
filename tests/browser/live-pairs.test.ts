// A pair on two devices, on the real class server: Kim on one page, Putin on another, the offers
// going back and forth live, a whole game of the tutorial. Every WebSocket frame each page
// receives is read: none holds the other side's private meter (while its own secret does arrive,
// so the check can fail).
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../src/engine/index.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';
import { hiddenMeters } from '../../src/live/view.ts';
import {
  formatFindings,
  playToDebrief,
  runAxe,
  screenshot,
  waitForScreen,
  type GamePage,
} from './harness.ts';
import { joinLive, openLivePage, runLive, liveServerForThisFile } from './liveServer.ts';

const RULES = compileRules(loadShippedScenario('tutorial').scenario);

const live = liveServerForThisFile();

/** A student's page that keeps every WebSocket frame it receives. */
async function studentPage(url = live().url): Promise<{ game: GamePage; frames: Buffer[] }> {
  const frames: Buffer[] = [];
  const game = await openLivePage(url, {
    // the join link opens its name dialog over the title at once: the test waits for that instead
    noWait: url !== live().url,
    before: async (page) => {
      page.on('websocket', (ws) =>
        ws.on('framereceived', ({ payload }) =>
          frames.push(typeof payload === 'string' ? Buffer.from(payload) : payload),
        ),
      );
    },
  });
  return { game, frames };
}

describe('a pair on two devices', () => {
  test('Kim and Putin play a whole game against each other, and neither device receives the other’s secrets', async () => {
    const server = live();
    const teacher = await openLivePage(server.url);
    const kim = await studentPage();
    let putin: Awaited<ReturnType<typeof studentPage>> | undefined;
    try {
      const { code } = await runLive(teacher.page, { scenario: 'tutorial', roles: 'pairs', seed: 77 });
      await teacher.page.locator('#ui .live-start').click();
      await teacher.page.locator('#ui .live-start').waitFor({ state: 'hidden' });

      // the first to join waits for a partner
      await joinLive(kim.game.page, code, 'Ada');
      await expect
        .poll(() => kim.game.page.locator('#ui .live-waiting h1').textContent(), { timeout: 10_000 })
        .toBe('Waiting for your partner');
      expect(formatFindings(await runAxe(kim.game.page, 'live: waiting for a partner'))).toBe('');
      await screenshot(kim.game.page, 'live-waiting-partner');

      // the second opens the join link (the QR code's): only the name is asked; they are paired,
      // Kim and Putin, each told the other's name
      const link = await teacher.page.locator('#ui #live-join-link').inputValue();
      expect(link).toBe(`${server.url}#live=${code}`);
      putin = await studentPage(link);
      await putin.game.page.locator('#class-label').waitFor();
      expect(await putin.game.page.locator('#class-code').inputValue()).toBe(code);
      await putin.game.page.locator('#class-label').fill('Boris');
      await putin.game.page.locator('#class-label').press('Enter');
      for (const [side, other] of [
        [kim, 'Boris'],
        [putin, 'Ada'],
      ] as const) {
        await waitForScreen(side.game.page, ['briefing']);
        expect(await side.game.page.locator('#ui .briefing-page').textContent()).toContain(
          `Your partner, ${other}`,
        );
      }

      // the teacher pauses every game: both pages are covered until play resumes
      await teacher.page.locator('#ui .live-pause').click();
      for (const { game } of [kim, putin])
        await game.page.getByRole('alertdialog', { name: 'Paused by your teacher' }).waitFor();
      await teacher.page.locator('#ui .live-pause').click();
      for (const { game } of [kim, putin])
        await game.page.locator('.live-paused').waitFor({ state: 'detached' });

      const [kimGame, putinGame] = await Promise.all(
        [kim, putin].map(async ({ game }) => {
          await game.page.keyboard.press('Enter');
          await waitForScreen(game.page, ['hand', 'thinking', 'outcome']);
          return playToDebrief(game.page, { timeout: 150_000 });
        }),
      ).then(([a, b]) => [a!, b!] as const);
      // one game, seen from both sides: the same ending, and each played its own moves
      expect(kimGame.ending).not.toBe('');
      expect(putinGame.ending).toBe(kimGame.ending);
      expect(kimGame.choices.length).toBeGreaterThan(0);
      expect(putinGame.choices.length).toBeGreaterThan(0);
      expect(kim.game.errors).toEqual([]);
      expect(putin.game.errors).toEqual([]);

      // what crossed the wire to each device
      for (const [role, { frames }] of [
        ['kim', kim],
        ['putin', putin],
      ] as const) {
        const all = Buffer.concat(frames);
        expect(frames.length).toBeGreaterThan(5);
        const hidden = hiddenMeters(RULES, role);
        expect(hidden.length).toBeGreaterThan(0);
        for (const id of hidden) expect(all.includes(id), `${role}'s device received "${id}"`).toBe(false);
        // its own secret meter does come through (the search would see one)
        const own = hiddenMeters(RULES, role === 'kim' ? 'putin' : 'kim');
        for (const id of own)
          expect(all.includes(id), `${role}'s device never received its own "${id}"`).toBe(true);
      }
    } finally {
      for (const p of [teacher, kim.game, putin?.game]) await p?.close();
    }
  });
});
