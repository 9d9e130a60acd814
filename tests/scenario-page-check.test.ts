// The check a scenario file gets when it is opened in the page (the checker worker's function) is
// the check scenarios:check gives it, message for message; and the opponent's worker accepts a
// scenario the page checked although the game was not built with it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandler, shippedGate } from '../src/ai/protocol.ts';
import { compileRules, newGame, stableHash } from '../src/engine/index.ts';
import { checkScenarioFiles } from '../src/scenario/check.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadLibrary, loadShippedScenario, shippedScenarioFiles } from '../src/scenario/node.ts';
import { checkInPage, type PageCheckRequest } from '../src/scenario/pageCheck.ts';
import { skeletonScenario } from '../src/scenario/skeleton.ts';

const ROOT = resolve(import.meta.dirname, '..');
const library = loadLibrary();
const shipped = shippedScenarioFiles().map((f) => f.replace(/^.*\//, '').replace('.scenario.yaml', ''));
const request = (text: string, file: string): PageCheckRequest => ({ id: 7, text, file, library, shipped });

describe('a scenario file checked in the page', () => {
  it('gets the same problems, lines and words as scenarios:check gives the same file', () => {
    const path = join(ROOT, 'tests/fixtures/broken/chance-percent.scenario.yaml');
    const text = readFileSync(path, 'utf8');
    const node = checkScenarioFiles([path], { games: 200 }).files[0]!;
    const page = checkInPage(request(text, node.file));
    expect(page.ok).toBe(false);
    if (page.ok) return;
    expect(page.problems.map(formatProblem)).toEqual(node.problems.map(formatProblem));
    expect(page.problems.map(formatProblem)).toEqual([
      `${node.file}:2:5 id: id "mini" differs from the file name "chance-percent.scenario.yaml": name the file "mini.scenario.yaml", or change the id to "chance-percent"`,
      `${node.file}:148:13 events[0].chance: expected a number at most 1, got 60; chances are fractions of 1: did you mean 0.6?`,
    ]);
  });

  it('opens a clean file with its scenario, content hash and warnings', () => {
    const result = checkInPage(request(skeletonScenario('class-draft'), 'class-draft.scenario.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).toBe(7);
    expect(result.scenario.id).toBe('class-draft');
    expect(result.hash).toBe(stableHash(result.scenario));
    expect(result.warnings).toEqual([]);
  });

  it('refuses the id of a scenario the game was built with, as scenarios:check would beside it', () => {
    const text = skeletonScenario('tutorial');
    const result = checkInPage(request(text, 'tutorial.scenario.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'tutorial.scenario.yaml:5:5 id: duplicate scenario id "tutorial": scenarios/tutorial.scenario.yaml has the same id (each scenario needs its own, or one hides the other in the game)',
    ]);
  });

  it('refuses a file too large to be a scenario before reading it, in Node and in the page alike', () => {
    const huge = 'x'.repeat(1024 * 1024 + 1);
    const result = checkInPage(request(huge, 'huge.scenario.yaml'));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'huge.scenario.yaml: the file is 1025 kB: a scenario file is at most 1024 kB',
    ]);
  });
});

describe("the opponent's worker gate", () => {
  const opened = checkInPage(request(skeletonScenario('class-draft'), 'class-draft.scenario.yaml'));
  if (!opened.ok) throw new Error('the skeleton does not open');
  const { scenario, hash } = opened;
  const init = (checked?: boolean) => ({
    type: 'init',
    id: 1,
    scenarioId: scenario.id,
    hash,
    scenario,
    ...(checked === undefined ? {} : { checked }),
  });
  const builtWith = [loadShippedScenario('tutorial').hash];

  it('refuses a scenario the game was not built with unless the page says it checked it', () => {
    const handler = createHandler(shippedGate(builtWith));
    expect(handler.handle(init())).toMatchObject({ type: 'error', code: 'bad-scenario' });
    expect(handler.handle(init(true))).toEqual({ type: 'ready', id: 1, scenarioId: 'class-draft', hash });
    const state = newGame(compileRules(scenario), 3);
    const answer = handler.handle({
      type: 'decide',
      id: 2,
      scenarioId: scenario.id,
      hash,
      state,
      settings: { level: 'normal', seed: 1 },
    });
    expect(answer.type).toBe('decision');
  });

  it('still checks that a vouched-for scenario matches its content hash', () => {
    const handler = createHandler(shippedGate(builtWith));
    const changed = { ...init(true), scenario: { ...scenario, turns: 5 } };
    expect(handler.handle(changed)).toMatchObject({ type: 'error', code: 'hash-mismatch' });
  });
});
