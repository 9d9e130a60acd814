// Whole games by keyboard alone, from the title screen to the debrief, as Kim and as Putin.
import { afterAll, describe, expect, test } from 'vitest';
import { SEED } from './env.ts';
import {
  closeBrowser,
  focused,
  humanTimelineEntries,
  openGame,
  playToDebrief,
  startGame,
  tabTo,
  waitForScreen,
  type GameRecord,
  type Role,
} from './harness.ts';
import { monthName, scenario } from './scenario.ts';

afterAll(closeBrowser);

interface Played {
  record: GameRecord;
  humanEntries: number;
  errors: string[];
}

async function playOnce(
  role: Role,
  reducedMotion: 'reduce' | 'no-preference',
  thenPlayAgain = false,
): Promise<Played> {
  const game = await openGame({ reducedMotion });
  const { page } = game;
  try {
    await startGame(page, { role, seed: SEED });
    const record = await playToDebrief(page);
    const humanEntries = await humanTimelineEntries(page, role);
    if (thenPlayAgain) {
      // the debrief's "Play again", by keyboard: the same briefing, then a fresh first month
      // oxlint-disable-next-line vitest/no-conditional-expect
      expect(await focused(page)).toContain('<h1');
      // (backwards from the heading: the buttons are at the end of a long page)
      await tabTo(page, 'button.debrief-again', 200, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['briefing']);
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['hand', 'thinking']);
      // oxlint-disable-next-line vitest/no-conditional-expect
      expect(await page.locator('#ui .play .top-bar .month').textContent()).toBe(monthName(1));
    }
    return { record, humanEntries, errors: [...game.errors] };
  } catch (error) {
    throw new Error(`${String(error)}\nconsole and page errors so far:\n${game.errors.join('\n')}`, {
      cause: error,
    });
  } finally {
    await game.close();
  }
}

/** What every finished game must show, whoever played it. */
function checkGame({ record, humanEntries, errors }: Played): void {
  expect(errors, 'console errors, page errors or failed requests').toEqual([]);

  const endings = scenario.endings.map((e) => e.title);
  expect(endings, `the debrief's h1 "${record.ending}" is not an ending of the scenario`).toContain(
    record.ending,
  );

  // the month shown starts at the scenario's first month, never goes back, and moves on
  const months = record.months;
  expect(months.length).toBeGreaterThan(0);
  expect(months[0]!.turn).toBe(1);
  for (const m of months) {
    expect(m.of).toBe(scenario.turns);
    expect(m.label, `month ${m.turn}'s label`).toBe(monthName(m.turn));
  }
  for (let i = 1; i < months.length; i++) {
    expect(months[i]!.turn, `month shown went back at step ${i}`).toBeGreaterThanOrEqual(months[i - 1]!.turn);
  }
  const played = [...new Set(months.map((m) => m.label))];
  expect(months.at(-1)!.turn, 'the month shown never advanced').toBeGreaterThan(1);

  // the timeline has an entry for every month played, and every choice the player made
  const timeline = new Map(record.timeline.map((t) => [t.month, t.entries.length]));
  for (const label of played) {
    expect(timeline.get(label) ?? 0, `timeline entries for ${label}`).toBeGreaterThanOrEqual(1);
  }
  expect(humanEntries, 'the player’s own choices in the timeline').toBe(record.choices.length);
  expect(record.choices.length).toBeGreaterThanOrEqual(played.length);
}

describe('a whole game by keyboard', () => {
  test('as Kim, twice in the same world with the same keys: the same game and the same ending', async () => {
    const first = await playOnce('kim', 'reduce');
    checkGame(first);
    const second = await playOnce('kim', 'reduce');
    checkGame(second);
    console.log(
      `Kim, world ${SEED}: ${first.record.choices.length} choices over ${first.record.months.at(-1)!.turn} months, ending “${first.record.ending}”`,
    );
    expect(second.record.keys).toEqual(first.record.keys);
    expect(second.record.choices).toEqual(first.record.choices);
    expect(second.record.months).toEqual(first.record.months);
    expect(second.record.timeline).toEqual(first.record.timeline);
    expect(second.record.ending).toBe(first.record.ending);
  });

  test('as Putin, picked with the arrow keys, with motion on; then "Play again"', async () => {
    const played = await playOnce('putin', 'no-preference', true);
    expect(played.record.visits.debrief).toBe(1);
    checkGame(played);
    console.log(
      `Putin, world ${SEED}: ${played.record.choices.length} choices over ${played.record.months.at(-1)!.turn} months, ending “${played.record.ending}”`,
    );
  });
});
