// The balance check (tools/balance.ts) on every shipped scenario, with few games so that it stays
// quick: 200 games per role against the normal opponent, 20 per role against the hard opponent with a
// reduced rollout budget (24 instead of 144 per first-month decision). `npm run balance` runs the
// real thing (10,000 and 300 games, full budget) and writes docs/balance.md.
//
// The bounds here are looser than the real criteria, so that they hold for any scenario that passes
// the real check, yet still fail for one that is clearly broken:
// - win rate 15% to 85% (real: 30% to 70%). With 200 games the standard error of a rate is at most
//   3.5 points, so a scenario inside 30–70% lands inside 15–85% with more than four standard errors
//   to spare; a scenario in which one side nearly always wins or loses still fails.
// - endings: no single ending takes more than 75% of a role's games, and at least three in four of
//   the endings are reached in the 400 games (real: every ending in at least 0.5% of 10,000 games as
//   each role, which 200 games cannot resolve: an ending at 0.5% is expected once in 200).
// - variety: on every card the hard opponent played at least 25 times, no option takes more than 95%
//   (real: 90% on cards played at least 20 times in 300 games).
// The seeds are fixed, so every run of this test plays exactly the same games.
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRules, type Rules } from '../src/engine/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../src/scenario/node.ts';
import {
  balanceScenario,
  CRITERIA,
  formatMarkdown,
  formatText,
  type Criteria,
  type ScenarioBalance,
} from '../tools/balance.ts';

const LOOSE: Criteria = { minWin: 0.15, maxWin: 0.85, minEnding: 0, maxOptionShare: 0.95, minCardPlays: 25 };
const SETTINGS = { games: 200, hardGames: 20, seed: 1, rollouts: 24, criteria: LOOSE };

function rulesOf(file: string): Rules {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return compileRules(loaded.scenario);
}

const shipped = shippedScenarioFiles().map((file) => [basename(file, '.scenario.yaml'), file] as const);

describe.each(shipped)('balance of %s (few games)', (id, file) => {
  let result: ScenarioBalance;
  beforeAll(() => {
    result = balanceScenario(rulesOf(file), SETTINGS);
  });

  it('gives each role a fair chance against the normal opponent (15% to 85% of wins)', () => {
    expect(result.id).toBe(id);
    expect(result.roles.map((r) => r.role)).toEqual(['kim', 'putin']);
    for (const r of result.roles) {
      expect(r.games).toBe(200);
      expect(r.winRate + r.drawRate + r.lossRate).toBeCloseTo(1, 12);
    }
    expect(result.failures.filter((f) => f.includes('greedy wins'))).toEqual([]);
  });

  it('spreads its games over its endings', () => {
    for (const [i, r] of result.roles.entries()) {
      const largest = Math.max(...result.endings.map((e) => e.shares[i]!));
      expect(largest, `the most common ending as ${r.role}`).toBeLessThanOrEqual(0.75);
      expect(result.endings.reduce((sum, e) => sum + e.shares[i]!, 0)).toBeCloseTo(1, 12);
    }
    const reached = result.endings.filter((e) => e.shares.some((s) => s > 0)).map((e) => e.ending.id);
    expect(reached.length, `endings reached: ${reached.join(', ')}`).toBeGreaterThanOrEqual(
      0.75 * result.endings.length,
    );
  });

  it('has a hard opponent that does not always make the same choice', () => {
    for (const r of result.roles) {
      expect(r.hard?.games).toBe(20);
      expect(r.hard?.cards.length).toBeGreaterThan(0);
    }
    expect(result.failures).toEqual([]);
  });
});

describe('the balance check itself', () => {
  const rules = rulesOf(shippedScenarioFiles()[0]!);

  it('fails a scenario that misses its criteria, and says why', () => {
    const strict: Criteria = { ...CRITERIA, minWin: 0.99, minEnding: 0.5 };
    const b = balanceScenario(rules, { games: 50, hardGames: 0, seed: 1, criteria: strict });
    expect(b.ok).toBe(false);
    expect(b.failures.some((f) => /greedy wins .* \(wanted 99% to 70%\)/.test(f))).toBe(true);
    expect(b.failures.some((f) => f.startsWith('ending '))).toBe(true);
    expect(b.roles.every((r) => r.hard === null)).toBe(true);
  });

  it('flags an option the hard opponent chooses too often', () => {
    const picky: Criteria = {
      ...CRITERIA,
      minWin: 0,
      maxWin: 1,
      minEnding: 0,
      maxOptionShare: 0.01,
      minCardPlays: 1,
    };
    const b = balanceScenario(rules, { games: 20, hardGames: 3, seed: 1, rollouts: 8, criteria: picky });
    expect(b.ok).toBe(false);
    expect(b.failures.every((f) => / \(hard\): .* chosen in /.test(f))).toBe(true);
  });

  it('prints a table and writes Markdown for every scenario', () => {
    const b = balanceScenario(rules, { games: 20, hardGames: 0, seed: 1 });
    const text = formatText(b);
    expect(text).toContain(b.title);
    for (const e of b.endings) expect(text).toContain(e.ending.id);
    const md = formatMarkdown([b], { games: 20, hardGames: 0, seed: 1, rollouts: 144 });
    expect(md).toMatch(/^# Balance report\n/);
    expect(md).toContain(`## ${b.title}`);
    expect(md).toContain('The hard opponent was not played');
    expect(md.endsWith('\n')).toBe(true);
  });
});
