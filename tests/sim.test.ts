// Batch simulation: the balance report is deterministic and adds up, and the CLI prints the same
// report as the library and rejects bad arguments cleanly.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileRules, randomPolicy, type Policy } from '../src/engine/index.ts';
import { loadShippedScenario, SCENARIO_DIR } from '../src/scenario/node.ts';
import { parseArgs } from '../src/sim/args.ts';
import { formatReport, gameSeeds, playGame, simulate, type BalanceReport } from '../src/sim/index.ts';
import { fixtureScenario } from './helpers/load.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/mini.scenario.yaml';
const rules = compileRules(fixtureScenario());
const run = promisify(execFile);

function report(seed: number, games = 100): BalanceReport {
  return simulate(rules, { games, seed, kim: 'greedy', putin: 'random' });
}

/** Runs the sim CLI; resolves with its exit code and output whatever the code. */
async function sim(
  args: string[],
  via: 'npx' | 'node' = 'node',
): Promise<{ code: number; stdout: string; stderr: string }> {
  // `node --import tsx` starts twice as fast as `npx tsx`; the JSON test uses the documented npx form.
  const [command, prefix] = via === 'npx' ? ['npx', ['tsx']] : [process.execPath, ['--import', 'tsx']];
  try {
    const { stdout, stderr } = await run(command, [...prefix, 'tools/sim.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('simulate', () => {
  it('gives the same report for the same arguments, and another for another seed', () => {
    const a = report(7);
    expect(report(7)).toEqual(a);
    expect(JSON.stringify(report(7))).toBe(JSON.stringify(a));
    expect(formatReport(report(7))).toBe(formatReport(a));
    expect(report(8)).not.toEqual(a);
  });

  it('reports every ending, with shares that sum to 1', () => {
    const r = report(1);
    expect(r.endings.map((e) => e.id)).toEqual(rules.scenario.endings.map((e) => e.id));
    expect(r.endings.reduce((s, e) => s + e.count, 0)).toBe(r.games);
    expect(r.endings.reduce((s, e) => s + e.share, 0)).toBeCloseTo(1, 12);
    for (const role of ['kim', 'putin'] as const) {
      const x = r.results[role];
      expect(x.win + x.draw + x.loss).toBe(r.games);
      expect(x.winRate + x.drawRate + x.lossRate).toBeCloseTo(1, 12);
    }
  });

  it('ends every game within the scenario’s turns', () => {
    const seeds = gameSeeds(3);
    for (let i = 0; i < 100; i++) {
      const s = seeds.next().value;
      const final = playGame(rules, s.world, { kim: randomPolicy(s.kim), putin: randomPolicy(s.putin) });
      expect(final.phase).toBe('over');
      expect(final.ending!.turn).toBeGreaterThanOrEqual(1);
      expect(final.ending!.turn).toBeLessThanOrEqual(rules.scenario.turns);
    }
    const r = report(3);
    expect(r.length.endedOnTurn).toHaveLength(rules.scenario.turns);
    expect(r.length.endedOnTurn.reduce((s, n) => s + n, 0)).toBe(r.games);
    expect(r.length.maxTurns).toBeLessThanOrEqual(rules.scenario.turns);
    expect(r.gamesPerTurn[0]).toBe(r.games);
  });

  it('counts every option, chosen or not, and every move', () => {
    const r = report(5);
    expect(r.options).toHaveLength(rules.options.size);
    expect(r.options.reduce((s, o) => s + o.chosen, 0)).toBeCloseTo(r.length.meanMoves * r.games, 6);
    for (const o of r.options) {
      expect(o.chosen).toBeLessThanOrEqual(o.cardPlayed);
      const { effect, winRateWith, winRateWithout } = o.win;
      const expected = winRateWith === null || winRateWithout === null ? null : winRateWith - winRateWithout;
      expect(effect).toBe(expected);
    }
    for (let i = 1; i < r.options.length; i++)
      expect(r.options[i - 1]!.chosen).toBeGreaterThanOrEqual(r.options[i]!.chosen);
    expect(r.meters.map((m) => m.id)).toEqual(rules.meterIds);
    expect(r.meters[0]!.perTurn[0]).toBe(rules.meters.get(rules.meterIds[0]!)!.initial);
  });

  it('treats a stuck game or a rejected move as an error', () => {
    const stuck: Policy = { name: 'stuck', choose: () => null };
    expect(() => playGame(rules, 1, { kim: stuck, putin: stuck })).toThrow(/stuck/);
    const cheat: Policy = {
      name: 'cheat',
      choose: (_, state) => ({ type: 'choose', role: state.active!, card: 'no-such-card', option: 'x' }),
    };
    expect(() => playGame(rules, 1, { kim: cheat, putin: cheat })).toThrow(/rejected \(unknown-card\)/);
  });

  it('refuses nonsense options', () => {
    expect(() => simulate(rules, { games: 0, seed: 1, kim: 'greedy', putin: 'greedy' })).toThrow(RangeError);
    expect(() => simulate(rules, { games: 1, seed: -1, kim: 'greedy', putin: 'greedy' })).toThrow(RangeError);
  });
});

const SUMMIT = resolve(SCENARIO_DIR, 'vostochny-summit.scenario.yaml');

describe.skipIf(!existsSync(SUMMIT))('simulate on the Vostochny Summit', () => {
  it('plays whole games with either policy and accounts for each', () => {
    const summit = compileRules(loadShippedScenario('vostochny-summit').scenario);
    for (const policy of ['random', 'greedy'] as const) {
      const r = simulate(summit, { games: 12, seed: 2, kim: policy, putin: policy });
      expect(r.endings.reduce((s, e) => s + e.count, 0)).toBe(12);
      expect(r.length.maxTurns).toBeLessThanOrEqual(summit.scenario.turns);
      expect(r.options).toHaveLength(summit.options.size);
    }
  });
});

describe('parseArgs', () => {
  const spec = { games: 'value', json: 'switch' } as const;
  it('reads values and switches', () => {
    expect(parseArgs(['--games', '5', '--json'], spec)).toEqual({
      ok: true,
      values: { games: '5', json: true },
    });
    expect(parseArgs(['--games=5'], spec)).toEqual({ ok: true, values: { games: '5' } });
  });
  it('explains mistakes in one line', () => {
    for (const argv of [
      ['--games'],
      ['--games', '--json'],
      ['--nope'],
      ['5'],
      ['--json=1'],
      ['--json', '--json'],
    ]) {
      const result = parseArgs(argv, spec);
      expect(result).toEqual({ ok: false, message: expect.not.stringContaining('\n') });
    }
  });
});

describe('the sim command', () => {
  it('prints as JSON the report the library makes', async () => {
    const out = await sim(['--file', FIXTURE, '--games', '50', '--json'], 'npx');
    expect(out.code).toBe(0);
    const expected = simulate(rules, { games: 50, seed: 1, kim: 'greedy', putin: 'greedy' });
    expect(JSON.parse(out.stdout)).toEqual(expected);
    expect(out.stderr).toMatch(/50 games in/);
  });

  it('exits 2 with a one-line message, and no stack trace, on bad arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['--file', FIXTURE, '--games', '0'], /--games must be a whole number/],
      [['--file', FIXTURE, '--games', 'many'], /--games must be a whole number/],
      [['--file', FIXTURE, '--seed', '-1'], /--seed/],
      [
        ['--file', FIXTURE, '--kim', 'clever'],
        /--kim must be one of greedy, random|--kim must be one of random, greedy/,
      ],
      [['--scenario', 'atlantis'], /unknown scenario "atlantis" \(shipped: /],
      [['--file', 'tests/fixtures/missing.yaml'], /cannot read the file/],
      [['--file', FIXTURE, '--scenario', 'mini'], /not both/],
      [['--frobnicate'], /unknown option --frobnicate/],
    ];
    const outs = await Promise.all(cases.map(([args]) => sim(args)));
    outs.forEach((out, i) => {
      expect({ args: cases[i]![0], code: out.code }).toEqual({ args: cases[i]![0], code: 2 });
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(cases[i]![1]);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
