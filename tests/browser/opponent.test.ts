// Two players on one device, and a whole game against the hard computer opponent, by keyboard.
import { afterAll, describe, expect, test } from 'vitest';
import { SEED } from './env.ts';
import {
  closeBrowser,
  formatFindings,
  runAxe,
  humanTimelineEntries,
  withGame,
  playToDebrief,
  screenshot,
  startGame,
  type GameRecord,
  type Role,
  type StartOptions,
} from './harness.ts';
import { scenario } from './scenario.ts';

afterAll(closeBrowser);

const NAMES: Record<Role, string> = { kim: 'Kim Jong Un', putin: 'Vladimir Putin' };
const OWNER: Record<Role, 'dprk' | 'russia'> = { kim: 'dprk', putin: 'russia' };

/** The private meters of a role, by id. */
function secretsOf(role: Role): string[] {
  return Object.entries(scenario.meters)
    .filter(([, m]) => m.private && m.owner === OWNER[role])
    .map(([id]) => id);
}

interface HotSeatLog {
  record: GameRecord;
  /** Who each pass screen asked for, in order. */
  passedTo: Role[];
  /** Whose hand each hand screen was, in order. */
  hands: Role[];
  /** Problems seen on the way: private things in the page while they should not be there. */
  leaks: string[];
  errors: string[];
}

describe('two players, one device', () => {
  test(
    'each hand is behind a pass screen, and nothing private of the other side is in the page',
    { timeout: 300_000 },
    async () => {
      const log = await withGame(async (game): Promise<HotSeatLog> => {
        const { page } = game;
        await startGame(page, { mode: 'hotseat', seed: SEED });
        const passedTo: Role[] = [];
        const hands: Role[] = [];
        const leaks: string[] = [];
        const titles = scenario.cards.map((c) => c.title);
        const record = await playToDebrief(page, {
          timeout: 240_000,
          visit: async (screen, count) => {
            if (screen === 'pass') {
              const seen = await page.evaluate(
                (cardTitles) => ({
                  heading: document.querySelector('#ui .pass-screen h1')?.textContent ?? '',
                  // everything in the page, hidden text included
                  text: document.body.textContent ?? '',
                  meters: document.querySelectorAll('#ui .meter, #ui .game-card, #ui .top-bar').length,
                  dialogs: document.querySelectorAll('dialog[open]').length,
                  cards: cardTitles.filter((t) => (document.body.textContent ?? '').includes(t)),
                }),
                titles,
              );
              const to = (['kim', 'putin'] as const).find((r) => seen.heading.includes(NAMES[r]));
              if (!to) leaks.push(`pass screen ${count} names nobody: "${seen.heading}"`);
              else passedTo.push(to);
              if (seen.meters > 0)
                leaks.push(`pass screen ${count}: ${seen.meters} meters, cards or bars in the page`);
              if (seen.dialogs > 0) leaks.push(`pass screen ${count}: a dialog is open`);
              if (seen.cards.length > 0)
                leaks.push(`pass screen ${count}: card titles in the page: ${seen.cards.join(', ')}`);
              if (count === 1) {
                await screenshot(page, 'hotseat-pass');
                const findings = await runAxe(page, 'pass the device');
                if (findings.length > 0) leaks.push(`axe on the pass screen:\n${formatFindings(findings)}`);
              }
              return;
            }
            if (screen !== 'hand') return;
            const seen = await page.evaluate(() => ({
              heading: document.querySelector('#ui .play .hand-title')?.textContent ?? '',
              cards: [...document.querySelectorAll('#ui .play .game-card')].map((c) => c.className),
              meters: Object.fromEntries(
                [...document.querySelectorAll('#ui .play [data-meter]')].map((m) => [
                  m.getAttribute('data-meter') ?? '',
                  m.querySelector('.meter-value')?.textContent?.trim() ?? '',
                ]),
              ),
              // change chips of the rival's secrets would give a value away too
              chips: [...document.querySelectorAll('#ui .play .chip[data-meter]')].map((c) =>
                c.getAttribute('data-meter'),
              ),
            }));
            const role = (['kim', 'putin'] as const).find((r) => seen.heading.startsWith(NAMES[r]));
            if (!role) {
              leaks.push(`hand ${count}: whose hand is it? "${seen.heading}"`);
              return;
            }
            hands.push(role);
            const rival = role === 'kim' ? 'putin' : 'kim';
            for (const c of seen.cards)
              if (!c.includes(`role-${role}`))
                leaks.push(`hand ${count} (${role}): a card not of ${role}: ${c}`);
            for (const id of secretsOf(rival)) {
              if (seen.meters[id] !== 'secret')
                leaks.push(`hand ${count} (${role}): ${id} shows "${seen.meters[id]}"`);
              if (seen.chips.includes(id)) leaks.push(`hand ${count} (${role}): a change chip of ${id}`);
            }
            for (const id of secretsOf(role))
              if (!/^\d+$/.test(seen.meters[id]?.replace(/^[+−-]\d+\s*/, '') ?? ''))
                leaks.push(`hand ${count} (${role}): own ${id} shows "${seen.meters[id]}"`);
            if (count === 2) await screenshot(page, `hotseat-hand-${role}`);
          },
        });
        return { record, passedTo, hands, leaks, errors: [...game.errors] };
      });

      expect(log.errors, 'console errors, page errors or failed requests').toEqual([]);
      expect(log.leaks).toEqual([]);
      expect(scenario.endings.map((e) => e.title)).toContain(log.record.ending);
      // both sides played every month (the last one may end the game before the second move)
      const months = log.record.months.at(-1)!.turn;
      expect(months).toBeGreaterThan(1);
      expect(log.hands.filter((r) => r === 'kim').length).toBeGreaterThanOrEqual(months - 1);
      expect(log.hands.filter((r) => r === 'putin').length).toBeGreaterThanOrEqual(months - 1);
      expect(log.passedTo.length).toBeGreaterThanOrEqual(2 * months - 2);
      // the device changes hands whenever the other side is to move, never to the one holding it
      for (let i = 1; i < log.passedTo.length; i++)
        expect(log.passedTo[i], `pass screen ${i + 1}`).not.toBe(log.passedTo[i - 1]);
      console.log(
        `hot-seat, world ${SEED}: ${log.record.choices.length} moves, ${log.passedTo.length} passes, ending “${log.record.ending}”`,
      );
    },
  );
});

async function playHard(
  role: Role,
  personality?: string,
): Promise<{ record: GameRecord; errors: string[]; worker: boolean; computerMoves: number }> {
  return withGame(async (game) => {
    const options: StartOptions = { role, seed: SEED, level: 'hard', personality };
    await startGame(game.page, options);
    const record = await playToDebrief(game.page, { timeout: 240_000 });
    const worker = await game.page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => /\/worker-[\w-]+\.js$/.test(e.name)),
    );
    const computerMoves = await humanTimelineEntries(game.page, role === 'kim' ? 'putin' : 'kim');
    return { record, errors: [...game.errors], worker, computerMoves };
  });
}

describe('against the hard computer', () => {
  test(
    'a whole game as Kim against the hard Putin, twice: the computer thinks in a worker and plays the same',
    { timeout: 480_000 },
    async () => {
      // not the default character: the second Putin the scenario lists
      const character = scenario.personalities.filter((p) => p.role === 'putin')[1];
      const first = await playHard('kim', character?.id);
      expect(first.errors, 'console errors, page errors or failed requests').toEqual([]);
      expect(first.worker, 'the opponent worker was loaded').toBe(true);
      expect(scenario.endings.map((e) => e.title)).toContain(first.record.ending);
      // the computer's moves, in the debrief's timeline: one a month at least
      expect(first.computerMoves).toBeGreaterThanOrEqual(first.record.months.at(-1)!.turn - 1);
      expect(first.record.visits.thinking ?? 0, 'the computer was seen deciding').toBeGreaterThan(0);
      const second = await playHard('kim', character?.id);
      expect(second.errors).toEqual([]);
      // the same world, the same keys, the same computer: the same game
      expect(second.record.choices).toEqual(first.record.choices);
      expect(second.record.timeline).toEqual(first.record.timeline);
      expect(second.record.ending).toBe(first.record.ending);
      console.log(
        `Kim vs hard Putin (${character?.id ?? 'default'}), world ${SEED}: ${first.record.choices.length} choices, ${first.computerMoves} computer moves, ending “${first.record.ending}”`,
      );
    },
  );
});
