// `npm run balance -- --from-sim DIR` reads the simulator's JSON reports and judges them exactly as
// the balance run that simulates for itself; a file it cannot use is named in a plain message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../src/engine/index.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';
import { simulate } from '../src/sim/simulate.ts';
import { balanceScenario, judgeBalance } from '../tools/balance.ts';
import { readSimReports } from '../tools/balance-from-sim.ts';

const SCENARIO = 'armored-train';
const { scenario } = loadShippedScenario(SCENARIO);
const rules = compileRules(scenario);
const SETTINGS = { games: 200, hardGames: 10, seed: 4, rollouts: 8 };

function withoutTimes<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'seconds' ? undefined : v))) as T;
}

/** What `npm run sim -- --json` writes for each seating the checks need. */
function writeReports(dir: string): void {
  const seatings = {
    'kim-normal': { kim: 'greedy', putin: { level: 'normal' } },
    'putin-normal': { kim: { level: 'normal' }, putin: 'greedy' },
    'kim-hard': { kim: 'greedy', putin: { level: 'hard', rollouts: SETTINGS.rollouts } },
    'putin-hard': { kim: { level: 'hard', rollouts: SETTINGS.rollouts }, putin: 'greedy' },
  } as const;
  for (const [name, players] of Object.entries(seatings)) {
    const games = name.endsWith('hard') ? SETTINGS.hardGames : SETTINGS.games;
    const report = simulate(rules, { games, seed: SETTINGS.seed, ...players });
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(report, null, 2));
  }
}

describe('balance from the simulator’s JSON', () => {
  it('judges the reports as the balance run judges its own simulations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfo-balance-'));
    writeReports(dir);
    const read = readSimReports(dir).get(SCENARIO)!;
    const fromFiles = judgeBalance(read.rules, read.reports);
    const direct = balanceScenario(rules, SETTINGS);
    expect(withoutTimes(fromFiles)).toEqual(withoutTimes(direct));
    expect(fromFiles.roles.map((r) => r.hard?.games)).toEqual([SETTINGS.hardGames, SETTINGS.hardGames]);
  });

  it('names a file that is not a report, and one of greedy against random', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfo-balance-'));
    writeFileSync(join(dir, 'notes.json'), '{"hello": "world"}');
    expect(() => readSimReports(dir)).toThrow(/^notes\.json: it is not a report of `npm run sim -- --json`/);
    const other = mkdtempSync(join(tmpdir(), 'sfo-balance-'));
    const report = simulate(rules, { games: 5, seed: 1, kim: 'greedy', putin: 'random' });
    writeFileSync(join(other, 'random.json'), JSON.stringify(report));
    expect(() => readSimReports(other)).toThrow(
      /^random\.json: the checks read greedy against normal or hard/,
    );
  });
});
