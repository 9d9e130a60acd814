// The scenario checker: exact messages for broken fixtures, the shipped scenarios pass, and the CLI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioFiles } from '../src/scenario/check.ts';
import { formatPath } from '../src/scenario/issues.ts';
import { formatProblem, parseScenarioText, type ScenarioProblem } from '../src/scenario/load.ts';
import { loadLibrary, loadScenarioFile, shippedScenarioFiles } from '../src/scenario/node.ts';
import { smokeTest } from '../src/scenario/smoke.ts';
import { scenariosPlugin } from '../src/scenario/vite-plugin.ts';

const ROOT = resolve(import.meta.dirname, '..');
const MINI = join(ROOT, 'tests/fixtures/mini.scenario.yaml');
const library = loadLibrary();

function broken(name: string): string {
  return join(ROOT, 'tests/fixtures/broken', `${name}.scenario.yaml`);
}

/** Problems of a file, each as "file:line:col path: message" with the file as the loader shows it. */
function problemsOf(path: string): string[] {
  const result = loadScenarioFile(path, library);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function shown(path: string): string {
  return relative(process.cwd(), path);
}

/** [fixture, line, column, path, message]: exactly one problem each. */
const EXPECTED: [string, number, number, string, string][] = [
  [
    'malformed-yaml',
    8,
    3,
    '',
    'YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  ['duplicate-key', 85, 5, 'cards[2]', 'duplicate key "title"'],
  ['wrong-type', 10, 8, 'turns', 'expected a number, got "ten"'],
  [
    'unknown-key',
    54,
    9,
    'cards[0].options[0].efects',
    'unknown key "efects" (allowed: id, label, detail, when, text, effects, flags, clearFlags, stage, stageFallsTo, if, later, chances, offer); did you mean "effects"?',
  ],
  ['bad-enum', 101, 11, 'cards[3].role', 'expected one of kim, putin, got "kin"'],
  [
    'dangling-paragraph',
    86,
    18,
    'cards[2].paragraphs[0]',
    'unknown paragraph "p62" (the article has p01 to p31)',
  ],
  [
    'dangling-tradeoff',
    49,
    17,
    'cards[0].tradeoffs[0]',
    'unknown trade-off "shells-for-cash" (not in scenarios/tradeoffs.yaml); did you mean "shells-for-money"?',
  ],
  [
    'non-verbatim-quote',
    50,
    12,
    'cards[0].quote',
    'quote is not a verbatim part of p04; it matches only as far as "Pyongyang, for its part, has "',
  ],
  [
    'unknown-meter-effect',
    60,
    20,
    'cards[0].options[1].effects["dprk.cash"]',
    'unknown meter "dprk.cash" in the effects of option "sell-shells/refuse" (meters: dprk.munitions, dprk.currency, russia.shells, exposure)',
  ],
  [
    'unknown-meter-condition',
    73,
    31,
    'cards[1].options[0].if[0].when.meters["russia.shell"]',
    'unknown meter "russia.shell" in a condition of option "ask-price/ask" (meters: dprk.munitions, dprk.currency, russia.shells, exposure); did you mean "russia.shells"?',
  ],
  [
    'flag-never-set',
    119,
    21,
    'cards[4].when.flags[0]',
    'flag "deal-done" is read by card "deny" but nothing sets it',
  ],
  [
    'offer-own-role',
    70,
    16,
    'cards[1].options[0].offer',
    'card "ask-price" (kim) offers "answer-price" to its own role: an offer goes to the other role',
  ],
  [
    'offer-cycle',
    153,
    16,
    'cards[6].options[0].offer',
    'offers go round in a cycle: answer-price → counter-price → answer-price',
  ],
  ['duplicate-card-id', 82, 9, 'cards[2].id', 'duplicate card id "sell-shells" (first used at line 44)'],
  [
    'final-ending-when',
    197,
    5,
    'endings[3].when',
    'the last final ending "stalemate" has a "when": remove it, so that every game that runs its course ends somewhere',
  ],
  [
    'unreachable-stage',
    119,
    11,
    'cards[4].when',
    'card "deny" can never be dealt: it needs the alliance at stage "technology" or later, but it can only ever be at "denial", "contacts"',
  ],
  [
    'yaml-indentation',
    64,
    1,
    '',
    'YAML: sequence item without - indicator (and 4 more errors that follow from it)',
  ],
  [
    'initial-out-of-range',
    38,
    14,
    'meters.exposure.initial',
    "initial 120 is outside the meter's range (0 to 100)",
  ],
  [
    'chance-percent',
    148,
    13,
    'events[0].chance',
    'expected a number at most 1, got 60; chances are fractions of 1: did you mean 0.6?',
  ],
  [
    'collapse-first',
    197,
    11,
    'endings[3].when',
    'ending "scandal" can never be chosen: collapse ending "exposed" (line 177) needs only "exposure" at 90 or more and ends the game at once, while this ending needs "exposure" at 95 or more, so the collapse always comes first',
  ],
  [
    'broader-final-first',
    197,
    11,
    'endings[3].when',
    'final ending "kim-wins-more" is never chosen: "both-win" (line 185) comes before it and holds whenever it does (it needs kim\'s score at 2 or more and putin\'s score at 2 or more; this one needs flag "deal" set and kim\'s score at 2 or more and putin\'s score at 2 or more)',
  ],
];

describe('broken fixtures: one exact problem each', () => {
  it.each(EXPECTED)('%s', (name, line, column, path, message) => {
    const result = loadScenarioFile(broken(name), library);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual<ScenarioProblem[]>([{ file: shown(broken(name)), line, column, path, message }]);
  });

  it('formats a problem as file:line:col path: message', () => {
    expect(problemsOf(broken('wrong-type'))).toEqual([
      `${shown(broken('wrong-type'))}:10:8 turns: expected a number, got "ten"`,
    ]);
  });

  it('says plainly that a file is missing', () => {
    const missing = broken('does-not-exist');
    expect(problemsOf(missing)).toEqual([`${shown(missing)}: cannot read the file: no such file`]);
  });
});

function problemsIn(...paths: string[]): string[][] {
  return checkScenarioFiles(paths, { games: 5 }).files.map((f) => f.problems.map(formatProblem));
}

describe('scenario ids: unique among the files checked, and the file name', () => {
  it('names both files and lines when two files share an id', () => {
    const twin = join(ROOT, 'tests/fixtures/broken/duplicate-id/mini.scenario.yaml');
    const because = '(each scenario needs its own, or one hides the other in the game)';
    expect(problemsIn(MINI, twin)).toEqual([
      [`${shown(MINI)}:2:5 id: duplicate scenario id "mini": ${shown(twin)}:2 has the same id ${because}`],
      [`${shown(twin)}:2:5 id: duplicate scenario id "mini": ${shown(MINI)}:2 has the same id ${because}`],
    ]);
  });

  it('says when the id is not the file name', () => {
    const file = broken('id-not-file-name');
    expect(problemsIn(file)).toEqual([
      [
        `${shown(file)}:2:5 id: id "mini" differs from the file name "id-not-file-name.scenario.yaml": name the file "mini.scenario.yaml", or change the id to "id-not-file-name"`,
      ],
    ]);
  });

  it('fails the build when two scenario files share an id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    for (const name of ['article.yaml', 'tradeoffs.yaml'])
      copyFileSync(join(ROOT, 'scenarios', name), join(dir, name));
    copyFileSync(MINI, join(dir, 'mini.scenario.yaml'));
    // a copy under another name: its id no longer matches, and it duplicates the first
    copyFileSync(MINI, join(dir, 'mini-copy.scenario.yaml'));
    const plugin = scenariosPlugin(dir);
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string;
    const context = { addWatchFile: () => undefined };
    const copy = shown(join(dir, 'mini-copy.scenario.yaml'));
    const first = shown(join(dir, 'mini.scenario.yaml'));
    expect(() => load.call(context, '\0virtual:scenarios')).toThrow(
      [
        `${copy}:2:5 id: id "mini" differs from the file name "mini-copy.scenario.yaml": name the file "mini.scenario.yaml", or change the id to "mini-copy"`,
        `${copy}:2:5 id: duplicate scenario id "mini": ${first}:2 has the same id (each scenario needs its own, or one hides the other in the game)`,
        `${first}:2:5 id: duplicate scenario id "mini": ${copy}:2 has the same id (each scenario needs its own, or one hides the other in the game)`,
      ].join('\n'),
    );
    rmSync(dir, { recursive: true });
  });
});

describe('more checks on variants of the mini scenario', () => {
  const mini = readFileSync(MINI, 'utf8');
  const check = (...edits: [string, string][]) => {
    let text = mini;
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    const result = parseScenarioText(text, 'x.yaml', library);
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('explains curly quotes in a quote', () => {
    expect(
      check(['quote: Moscow desperately needs weapons', 'quote: "moscow desperately needs weapons"']),
    ).toEqual([
      'x.yaml:8:10 briefing.quote: quote is not verbatim: the article reads "Moscow desperately needs weapons" (quotes, dashes and case must match)',
    ]);
  });

  it('finds a flag whose only setter can never happen', () => {
    expect(
      check([
        '        stage: contacts\n        flags: [deal]\n',
        '        stage: contacts\n        when: { played: [deny] }\n        flags: [deal]\n',
      ]),
    ).toEqual([
      'x.yaml:56:15 cards[0].options[0].when: option "sell-shells/sell" can never be chosen: it needs card "deny" played, and that card can never be played',
      'x.yaml:120:11 cards[4].when: card "deny" can never be dealt: it needs flag "deal", and what sets it (option "sell-shells/sell") can never happen',
    ]);
  });

  it('finds turns, stages and meter bounds that can never hold', () => {
    expect(
      check(
        ['when: { turn: { atLeast: 2 } }', 'when: { turn: { atLeast: 5 } }'],
        [
          'when: { meters: { exposure: { atLeast: 30 } } }',
          'when: { meters: { exposure: { atLeast: 130 } }, stage: { atLeast: treaty, atMost: denial } }',
        ],
      ),
    ).toEqual([
      'x.yaml:147:44 events[0].when.meters.exposure.atLeast: atLeast 130 is outside the range of "exposure" (0 to 100)',
      'x.yaml:147:60 events[0].when.stage: atLeast "treaty" comes after atMost "denial" (stages: denial, contacts, summit, arms-for-food, technology, treaty): this can never hold',
      "x.yaml:155:30 reactions[0].when.turn.atLeast: atLeast 5 is outside the game's turns (1 to 3)",
    ]);
  });

  it('finds an ending hidden behind an unconditional final ending, and a collapse with no condition', () => {
    expect(
      check(
        ['    when: { score: { kim: { atLeast: 2 }, putin: { atLeast: 2 } } }\n', ''],
        ['    when: { meters: { exposure: { atLeast: 100 } } }\n', ''],
      ),
    ).toEqual([
      'x.yaml:180:11 endings[1].kind: collapse ending "exposed" has no "when": it would end every game after the first move',
      'x.yaml:191:5 endings[3]: final ending "stalemate" is never chosen: "both-win" comes before it and has no "when"',
    ]);
  });

  it('rejects objectives that read the score, and roles that cannot play', () => {
    expect(
      check(
        ['when: { meters: { dprk.currency: { atLeast: 40 } } }', 'when: { score: { kim: { atLeast: 1 } } }'],
        ['turnOrder: [kim, putin]', 'turnOrder: [kim, kim]'],
      ),
    ).toEqual([
      'x.yaml:12:18 turnOrder[1]: role "kim" is listed twice',
      'x.yaml:161:11 objectives[0].when: objective "kim-cash" reads the score, but the score is the sum of the objectives',
    ]);
  });

  it('finds a delayed outcome that lands after the last turn', () => {
    expect(check(['- after: 1', '- after: 3'])).toEqual([
      'x.yaml:79:20 cards[1].options[1].later[0].after: the delayed outcome of option "ask-price/wait" never lands: chosen on turn 1 at the earliest, it would land on turn 4, after the last turn (3)',
    ]);
  });

  it('names an empty file and a second YAML document', () => {
    expect(check([mini, ''])).toEqual(['x.yaml:1:1: the file is empty']);
    expect(check([mini, `${mini}---\nid: x\n`])).toEqual([
      'x.yaml:202:1: YAML: a scenario file holds one document (remove the "---" line)',
    ]);
  });
});

describe('valid scenarios', () => {
  it.each([MINI, ...shippedScenarioFiles()].map((f) => [shown(f)]))('%s passes', (file) => {
    expect(problemsOf(resolve(ROOT, file))).toEqual([]);
  });

  it('the mini scenario survives 200 random games', () => {
    const result = loadScenarioFile(MINI, library);
    if (!result.ok) throw new Error('mini does not load');
    const smoke = smokeTest(result.scenario, 200);
    expect(smoke.errors).toEqual([]);
    expect(Object.values(smoke.endings).reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('reports trade-off coverage across the files checked', () => {
    const report = checkScenarioFiles([MINI], { games: 20 });
    expect(report.ok).toBe(true);
    const row = report.coverage.find((r) => r.tradeoff === 'buy-shells-at-a-price');
    expect(row?.cards.map((c) => c.card)).toEqual(['buy-shells', 'answer-price']);
    expect(report.uncovered).toContain('closer-ties');
    expect(checkScenarioFiles([MINI], { games: 20, strictCoverage: true }).ok).toBe(false);
  });

  it('writes paths the way authors read them', () => {
    expect(formatPath(['cards', 3, 'options', 1, 'effects', 'dprk.munitions'])).toBe(
      'cards[3].options[1].effects["dprk.munitions"]',
    );
  });
});

/** Runs the checker as a user would, in a child process. */
function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'tools/scenarios-check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr, stdout: r.stdout };
}

/** A path as the command (run in the repository root) shows it. */
function fromRoot(path: string): string {
  return relative(ROOT, path);
}

function noStack(out: string): void {
  expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('the scenarios:check command', () => {
  it('exits 1 on a broken file, with the problem and no stack trace', () => {
    const r = run(fromRoot(broken('wrong-type')), fromRoot(broken('does-not-exist')));
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${fromRoot(broken('wrong-type'))}:10:8 turns: expected a number, got "ten"`);
    expect(r.out).toContain('cannot read the file: no such file');
    noStack(r.out);
  });

  it('exits 0 on a good file, printing the summary and the coverage table', () => {
    const r = run(fromRoot(MINI));
    expect(r.status).toBe(0);
    expect(r.out).toContain('mini "Mini deal" · cards kim 3, putin 2 · offers 1');
    expect(r.out).toMatch(/closer-ties\s+putin\s+— UNCOVERED/);
    noStack(r.out);
  });

  it('fails on uncovered trade-offs with --strict-coverage', () => {
    expect(run('--strict-coverage', fromRoot(MINI)).status).toBe(1);
  });

  it('prints JSON with --json', () => {
    const r = run('--json', 'scenarios/tutorial.scenario.yaml', fromRoot(broken('offer-cycle')));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; files: { ok: boolean; problems: unknown[] }[] };
    expect(report.ok).toBe(false);
    expect(report.files.map((f) => f.ok)).toEqual([true, false]);
    // the fixture's cycle, and its id ("mini") that is not its file name
    expect(report.files[1]!.problems).toHaveLength(2);
  });
});
