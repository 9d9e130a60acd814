// npm run new-scenario: the skeleton it writes passes the checker and plays to an ending; it
// refuses a bad id or an existing file and then writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAction, compileRules, newGame, randomPolicy } from '../src/engine/index.ts';
import { checkScenarioFiles } from '../src/scenario/check.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile } from '../src/scenario/node.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'new-scenario-'));
afterAll(() => rmSync(dir, { recursive: true }));

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'tools/new-scenario.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run new-scenario', () => {
  const file = join(dir, 'border-talks.scenario.yaml');

  it('writes a skeleton that passes scenarios:check with no warning of its own', () => {
    const r = run('border-talks', '--dir', dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('border-talks.scenario.yaml: a small scenario that plays to an ending');
    const report = checkScenarioFiles([file]);
    const [only] = report.files;
    expect(only!.problems.map(formatProblem)).toEqual([]);
    expect(only!.warnings.map(formatProblem)).toEqual([]);
    expect(only!.summary).toMatchObject({
      id: 'border-talks',
      title: 'Border talks',
      roles: ['kim', 'putin'],
    });
    // every ending is reached in the checker's random games
    expect(Object.values(only!.endings!).every((n) => n > 0)).toBe(true);
  });

  it('plays to an ending', () => {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const rules = compileRules(loaded.scenario);
    const policy = randomPolicy(7);
    let state = newGame(rules, 7);
    for (let moves = 0; state.phase !== 'over' && moves < 100; moves++) {
      const action = policy.choose(rules, state);
      if (!action) throw new Error('stuck');
      const result = applyAction(rules, state, action);
      if (!result.ok) throw new Error(result.message);
      state = result.state;
    }
    expect(state.phase).toBe('over');
    expect(loaded.scenario.endings.map((e) => e.id)).toContain(state.ending?.id);
  });

  it('refuses an existing file and leaves it as it was', () => {
    writeFileSync(file, 'mine\n');
    const r = run('border-talks', '--dir', dir);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      'border-talks.scenario.yaml already exists; nothing was written (choose another id, or edit that file)',
    );
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('refuses a bad id with a plain message', () => {
    const r = run('Border_Talks', '--dir', dir);
    expect(r.status).toBe(1);
    expect(r.err.trim()).toBe(
      'new-scenario: "Border_Talks" cannot be a scenario id: use lowercase letters, digits and dashes, starting with a letter or digit, such as "border-talks"',
    );
  });

  it('refuses a shipped scenario id (the file exists)', () => {
    const r = run('tutorial');
    expect(r.status).toBe(1);
    expect(r.err).toContain('scenarios/tutorial.scenario.yaml already exists');
  });
});
