// The opponent in batch simulation: hard against easy over a few games in each seat, the head-to-head
// figures adding up, and the sim command's opponent options. No timing assertions.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../src/engine/index.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';
import {
  decisionPositions,
  formatDuel,
  formatReport,
  opponentWorkload,
  simulate,
  simulateDuel,
  type DuelReport,
} from '../src/sim/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const summit = compileRules(loadShippedScenario('vostochny-summit').scenario);

async function sim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'tools/sim.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hard against easy', () => {
  const games = 6;
  const a = { kim: { level: 'hard', rollouts: 32 }, putin: { level: 'hard', rollouts: 32 } } as const;
  const b = { kim: { level: 'easy' }, putin: { level: 'easy' } } as const;
  let duel: DuelReport;

  it('plays a small duel in both seats, hard ahead in each', () => {
    duel = simulateDuel(summit, { games, seed: 3, a, b });
    expect(duel.players).toEqual({ a: 'hard, 32 rollouts', b: 'easy' });
    expect(duel.seatings.map((s) => s.aPlays)).toEqual(['kim', 'putin']);
    for (const s of duel.seatings) {
      expect(s.report.games).toBe(games);
      expect(s.aBetterRate + s.sameRate + s.aWorseRate).toBeCloseTo(1, 12);
      // a small sample: hard need not reach its long-run rate (npm run sim shows it over 1,000
      // games), and many games end the same for both; but it must come out ahead
      expect(s.aBetterRate).toBeGreaterThan(s.aWorseRate);
    }
    const text = formatDuel(duel);
    expect(text).toContain('A = hard, 32 rollouts, B = easy; 6 games with each seating');
    expect(text).toMatch(/A plays\s+A better\s+same\s+B better\s+A wins\s+B wins\s+games/);
  });

  it('plays the same duel twice over', () => {
    const small = { games: 2, seed: 9, a, b };
    expect(simulateDuel(summit, small)).toEqual(simulateDuel(summit, small));
  });
});

describe('head to head in the balance report', () => {
  it('counts, for every game, which role did better', () => {
    const r = simulate(summit, { games: 20, seed: 4, kim: { level: 'normal' }, putin: 'greedy' });
    const h = r.headToHead;
    expect(h.better.kim + h.better.putin + h.same).toBe(20);
    expect(h.betterRate.kim + h.betterRate.putin + h.sameRate).toBeCloseTo(1, 12);
    expect(r.policies).toEqual({ kim: 'normal', putin: 'greedy' });
    expect(formatReport(r)).toContain("Head to head: games in which each role's result beat the other's");
    const withPersonality = simulate(summit, {
      games: 2,
      seed: 4,
      kim: { level: 'easy', personality: 'safety-first' },
      putin: { level: 'easy', personality: 'cautious-guardian' },
    });
    expect(withPersonality.policies).toEqual({
      kim: 'easy (safety-first)',
      putin: 'easy (cautious-guardian)',
    });
  });

  it('refuses an unknown personality or level', () => {
    expect(() =>
      simulate(summit, {
        games: 1,
        seed: 1,
        kim: { level: 'easy', personality: 'napoleon' },
        putin: 'greedy',
      }),
    ).toThrow(/unknown personality "napoleon"/);
    expect(() =>
      simulate(summit, { games: 1, seed: 1, kim: { level: 'expert' as 'easy' }, putin: 'greedy' }),
    ).toThrow(RangeError);
  });
});

describe('the opponent workload for benchmarks', () => {
  it('decides on positions from recorded games, one decision a step', () => {
    const positions = decisionPositions(summit, 2);
    expect(positions.length).toBeGreaterThan(20);
    expect(new Set(positions.map((p) => p.turn)).size).toBeGreaterThan(6);
    const work = opponentWorkload(summit, 'normal', 2);
    expect(work.name).toBe('normal opponent decision');
    for (let i = 0; i < 5; i++) expect(work.step()).toEqual({ games: 0, actions: 1 });
  });
});

describe('the sim command with opponents', () => {
  it('runs a duel and reports time per decision on stderr', async () => {
    const out = await sim(['--kim', 'hard', '--putin', 'easy', '--rollouts', '8', '--games', '2', '--swap']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('How often A');
    expect(out.stderr).toMatch(/4 games in/);
    expect(out.stderr).toMatch(/kim hard, 8 rollouts: \d+ decisions, [\d.]+ ms per decision/);
    expect(out.stderr).toMatch(/putin easy: \d+ decisions/);
  });

  it('prints the duel as JSON, and a single seating with personalities', async () => {
    const [json, single] = await Promise.all([
      sim(['--kim', 'normal', '--putin', 'easy', '--games', '3', '--swap', '--json']),
      sim([
        '--kim',
        'easy',
        '--kim-personality',
        'safety-first',
        '--putin',
        'normal',
        '--putin-personality',
        'shells-at-any-price',
        '--games',
        '3',
      ]),
    ]);
    expect(json.code).toBe(0);
    const duel = JSON.parse(json.stdout) as DuelReport;
    expect(duel.seatings).toHaveLength(2);
    expect(duel.players).toEqual({ a: 'normal', b: 'easy' });
    expect(single.code).toBe(0);
    expect(single.stdout).toContain('kim easy (safety-first) vs putin normal (shells-at-any-price)');
  });

  it('exits 2 with one line on a bad player, personality or budget', async () => {
    const cases: [string[], RegExp][] = [
      [['--kim', 'expert'], /--kim must be one of random, greedy, easy, normal, hard/],
      [
        ['--kim', 'hard', '--kim-personality', 'cautious-guardian'],
        /--kim-personality must be one of price-maximiser/,
      ],
      [['--kim', 'greedy', '--kim-personality', 'safety-first'], /is for a computer opponent/],
      [['--kim', 'hard', '--rollouts', '0'], /--rollouts must be a whole number/],
    ];
    const outs = await Promise.all(cases.map(([args]) => sim([...args, '--games', '1'])));
    outs.forEach((out, i) => {
      expect({ args: cases[i]![0], code: out.code }).toEqual({ args: cases[i]![0], code: 2 });
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(cases[i]![1]);
    });
  });
});
