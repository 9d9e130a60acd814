// Nothing is lost, on the real class server: a student's page reloads mid-month and comes back to
// the same game; then the server is killed with SIGKILL mid-game and started again on the same
// data folder: each page says the connection is lost, a move chosen meanwhile waits, and once the
// server is back every game goes on from the same position to its end — with the same future: each
// of the computer's moves is the one the page's own opponent makes at that point, with that seed.
import { describe, expect, test } from 'vitest';
import { decide } from '../../src/ai/decide.ts';
import { applyAction, compileRules, newGame, type GameState } from '../../src/engine/index.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';
import { playToDebrief, screenshot, waitForScreen, type GamePage } from './harness.ts';
import {
  joinLive,
  openLivePage,
  replayOfDebrief,
  runLive,
  liveServerForThisFile,
  type LiveReplay,
} from './liveServer.ts';

const RULES = compileRules(loadShippedScenario('tutorial').scenario);
const SEED = 31337;

const live = liveServerForThisFile();

/** Where a page's game stands: the month and the cards in the hand. */
async function position(game: GamePage): Promise<{ month: string; cards: string[] }> {
  await waitForScreen(game.page, ['hand']);
  return game.page.evaluate(() => ({
    month: document.querySelector('#ui .play .top-bar .month')?.textContent?.trim() ?? '',
    cards: [...document.querySelectorAll('#ui .play .bottom .game-card h3')].map((h) => h.textContent ?? ''),
  }));
}

/** Every computer move of a finished game is the one the opponent makes from that state and seed. */
function checkComputerMoves(replay: LiveReplay): number {
  let state: GameState = newGame(RULES, replay.seed);
  let checked = 0;
  const differ: string[] = [];
  for (const [i, action] of replay.log.entries()) {
    if (replay.setup.seats[action.role] === 'computer') {
      const decision = decide(RULES, state, { level: 'normal', seed: replay.seed });
      if (!decision.ok) throw new Error(`the opponent cannot move at move ${i}`);
      const made = `${action.card}/${action.option}`;
      const own = `${decision.action.card}/${decision.action.option}`;
      if (made !== own) differ.push(`move ${i}: the game has ${made}, the opponent makes ${own}`);
      checked++;
    }
    const next = applyAction(RULES, state, action);
    if (!next.ok) throw new Error(`move ${i} does not apply: ${next.message}`);
    state = next.state;
  }
  expect(differ).toEqual([]);
  expect(state.phase).toBe('over');
  return checked;
}

describe('nothing is lost', () => {
  test('a reload mid-month comes back; after kill -9 and a restart every game goes on to the same future', async () => {
    const server = live();
    const teacher = await openLivePage(server.url);
    const students = [await openLivePage(server.url), await openLivePage(server.url)];
    const [ada, boris] = students as [GamePage, GamePage];
    try {
      const { code } = await runLive(teacher.page, { scenario: 'tutorial', roles: 'all-kim', seed: SEED });
      await joinLive(ada.page, code, 'Ada');
      await joinLive(boris.page, code, 'Boris');
      await teacher.page.locator('#ui .live-start').click();
      for (const s of students) {
        await waitForScreen(s.page, ['briefing']);
        await s.page.keyboard.press('Enter');
      }
      // each plays its first move, up to the next hand
      await Promise.all(
        students.map((s) =>
          playToDebrief(s.page, {
            visit: async (screen, n) => (screen === 'hand' && n === 2 ? 'stop' : undefined),
          }),
        ),
      );

      // (d) Ada's page reloads mid-month: the same game, the same month and hand
      const before = await position(ada);
      await ada.page.reload();
      expect(await position(ada)).toEqual(before);

      // (c) the server dies mid-game
      const adaBefore = await position(ada);
      const borisBefore = await position(boris);
      await server.kill();
      for (const s of students) await s.page.locator('.live-banner-lost').waitFor({ timeout: 20_000 });
      await screenshot(ada.page, 'live-connection-lost');
      // Ada chooses while the server is down: the move waits
      await ada.page.keyboard.press('1');
      await ada.page.keyboard.press('Enter');
      await ada.page.waitForTimeout(500);
      expect(await waitForScreen(ada.page, ['hand'])).toBe('hand');

      await server.restart();
      // back by themselves: Ada's kept move goes through, Boris is where he was
      for (const s of students)
        await s.page.locator('.live-banner-lost').waitFor({ state: 'detached', timeout: 30_000 });
      await waitForScreen(ada.page, ['outcome', 'thinking', 'news'], 20_000);
      expect(await position(boris)).toEqual(borisBefore);
      expect(adaBefore.cards.length).toBeGreaterThan(0);

      const replays = await Promise.all(
        students.map(async (s) => {
          await playToDebrief(s.page, { timeout: 120_000 });
          return replayOfDebrief(s.page);
        }),
      );
      for (const r of replays) {
        expect(r.seed).toBe(SEED);
        expect(checkComputerMoves(r)).toBeGreaterThan(0);
      }
      // the teacher's view came back too, and counts both games
      await expect
        .poll(() => teacher.page.locator('#ui .live-roster .live-status-finished').count(), {
          timeout: 20_000,
        })
        .toBe(2);
    } finally {
      for (const p of [teacher, ...students]) await p.close();
    }
  });
});
