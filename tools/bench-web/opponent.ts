// The hard opponent's decision time in the browser: games against the computer on the hard level,
// Kim played in the page at a reader's pace, each of the computer's decisions timed in the page
// from the request to the worker's answer (so the copy of the state to the worker and back is
// counted) while the map animates the moves. Beside it, the hard level's decisions of a game of
// the same world in this Node process (hard against hard).
import type { Browser, Page } from 'playwright-core';
import { decide } from '../../src/ai/decide.ts';
import { applyActionInPlace, compileRules, newScratchGame } from '../../src/engine/index.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';
import { openPage } from './browser.ts';
import {
  AIMS,
  check,
  median,
  percentile,
  SEED,
  startGame,
  type WebFigure,
  type WebSettings,
} from './figures.ts';
import type { Site } from './site.ts';

const SCENARIO = 'vostochny-summit';

interface Timed {
  ms: number;
  where: 'worker' | 'page';
}

/**
 * Plays Kim as a person would, in the page: a moment to read each hand, then the first open option
 * of the card shown; Continue on every outcome and news. Until the debrief.
 */
async function playAsPlayer(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const deadline = performance.now() + 10 * 60_000;
        const step = (): void => {
          const dialog = document.querySelector<HTMLButtonElement>(
            'dialog[open].news-dialog .modal-actions button.primary',
          );
          if (!dialog && document.querySelector('#ui .debrief')) return resolve();
          if (performance.now() > deadline) return reject(new Error('no debrief after 10 minutes'));
          const next =
            dialog ??
            document.querySelector<HTMLButtonElement>(
              '#ui .play .continue, #ui .play .bottom .option:not([disabled])',
            );
          if (next && !next.dataset.benchDone && !document.querySelector('dialog[open]:not(.news-dialog)')) {
            next.dataset.benchDone = '';
            next.click();
          }
          // a reader's pace: a second for each screen
          setTimeout(step, 1000);
        };
        step();
      }),
  );
}

/** The hard level's decisions in the page, game after game of the same world, against a player. */
async function pageDecisions(browser: Browser, site: Site, s: WebSettings): Promise<Timed[]> {
  const bench = await openPage(browser);
  try {
    const { page } = bench;
    await page.goto(`${site.appUrl}?bench`);
    const times: Timed[] = [];
    for (let game = 1; game <= s.opponentGames; game++) {
      if (game > 1) await page.locator('#ui .debrief-title-button').click();
      await page.locator('#level-hard').check();
      await startGame(page, false);
      await playAsPlayer(page);
      const taken = await page.evaluate(() => window.shellsForOil?.bench?.opponentTimes() ?? []);
      s.log(`  game ${game}/${s.opponentGames}: ${taken.length} decisions`);
      times.push(...taken);
      check(bench, `game ${game}`);
    }
    return times;
  } finally {
    await bench.close();
  }
}

/** The same game's decisions made in Node: the moves the page made, timed here. */
function nodeDecisions(): number[] {
  const loaded = loadShippedScenario(SCENARIO);
  const rules = compileRules(loaded.scenario);
  const state = newScratchGame(rules, SEED);
  const times: number[] = [];
  while (state.phase === 'playing' && state.active !== null) {
    const t0 = performance.now();
    const decision = decide(rules, state, { level: 'hard', seed: SEED });
    times.push(performance.now() - t0);
    if (!decision.ok) throw new Error(decision.message);
    applyActionInPlace(rules, state, decision.action);
  }
  return times;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export async function opponentFigure(browser: Browser, site: Site, s: WebSettings): Promise<WebFigure> {
  const inPage = await pageDecisions(browser, site, s);
  const worker = inPage.filter((t) => t.where === 'worker').map((t) => t.ms);
  if (worker.length === 0) throw new Error('no decision was made in the worker');
  const node = nodeDecisions();
  const p95 = percentile(worker, 95);
  const nodeP95 = percentile(node, 95);
  return {
    measurement: 'hard opponent, one decision, p95',
    unit: 'ms',
    app: round1(p95),
    baselineName: 'the same decisions in Node, p95',
    baseline: round1(nodeP95),
    aim: `≤ ${AIMS.opponentP95Ms} ms`,
    met: p95 <= AIMS.opponentP95Ms,
    runs: [{ app: round1(p95), baseline: round1(nodeP95) }],
    details: {
      decisions: worker.length,
      decidedInThePage: inPage.length - worker.length,
      medianMs: round1(median(worker)),
      maxMs: round1(Math.max(...worker)),
      nodeDecisions: node.length,
      nodeMedianMs: round1(median(node)),
      note: `Kim played in the page at a reader's pace (a second a screen, the first open option), Putin by the hard computer; world ${SEED}, ${s.opponentGames} game(s); timed in the page from the request to the worker's answer. Node: a hard-vs-hard game of the same world`,
    },
  };
}
