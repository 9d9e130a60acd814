// The benchmark, as a list of named measurements:
//   - engine, on one core: whole games per second and actions per second for each shipped scenario,
//     each the median of several timed runs after a warm-up;
//   - web, in headless Chromium on production builds (tools/bench-web/): time to an interactive
//     title, frame times while the map animates, the app's gzipped size and heap growth over ten
//     games, each measured in the same run beside its baseline (an empty Phaser game, Phaser's chunk).
//
//   npm run bench [-- --json] [--engine-only | --web-only]
//     engine: [--seconds 3] [--runs 5] [--scenario ID | --file PATH]
//     web:    [--loads 7] [--frame-runs 3] [--games 10] [--pace 4] [--opponent-games 2]
import { cpus } from 'node:os';
import { basename, resolve } from 'node:path';
import { compileRules, type Rules } from '../src/engine/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../src/scenario/node.ts';
import { parseArgs, parseWhole } from '../src/sim/args.ts';
import { formatTable } from '../src/sim/table.ts';
import { engineWorkloads, type WorkDone, type Workload } from '../src/sim/workloads.ts';
import {
  formatWeb,
  openWeb,
  WEB_MEASUREMENTS,
  webResults,
  type OpenWeb,
  type WebFigure,
  type WebMeasurement,
  type WebResults,
  type WebSettings,
} from './bench-web/index.ts';
import { autosaveFigure, formatAutosave, type AutosaveFigure } from './bench-autosave.ts';

const SPEC = {
  json: 'switch',
  seconds: 'value',
  runs: 'value',
  scenario: 'value',
  file: 'value',
  'engine-only': 'switch',
  'web-only': 'switch',
  loads: 'value',
  'frame-runs': 'value',
  games: 'value',
  pace: 'value',
  'opponent-games': 'value',
  'lighthouse-runs': 'value',
  only: 'value',
  help: 'switch',
} as const;
const USAGE =
  'usage: npm run bench -- [--json] [--engine-only | --web-only]\n' +
  '  engine: [--seconds 3] [--runs 5] [--scenario ID | --file PATH]\n' +
  '  web:    [--loads 7] [--frame-runs 3] [--games 10] [--pace 4] [--opponent-games 2] [--lighthouse-runs 1]\n' +
  '    --loads: page loads of the game and of the empty Phaser page for the time to title\n' +
  '    --frame-runs: 5-second runs of frame times on each page\n' +
  '    --games: games played in a row in one page for the heap growth\n' +
  "    --pace: how many times faster the computer's pause runs in those games (1: as players see it)\n" +
  '    --opponent-games: games watched with the hard opponent on both sides for its decision time\n' +
  '    --lighthouse-runs: Lighthouse runs of each preset (mobile, desktop) on the build served with gzip\n' +
  '  BENCH_SOURCE=DIR: measure the web figures of another checkout (before a change); see tools/bench-web/site.ts\n' +
  '  --only TEXT[,TEXT…]: just the measurements whose name contains one of them (e.g. --only opponent)\n';
const FIXTURE = resolve(import.meta.dirname, '../tests/fixtures/mini.scenario.yaml');
/** The engine must play at least this many random games of this scenario per second. */
const REQUIREMENT = { scenario: 'vostochny-summit', measurement: 'random vs random', gamesPerSecond: 5000 };

interface Settings {
  seconds: number;
  runs: number;
}

/** A named measurement: something to time, and on what. */
type Measurement =
  | { kind: 'engine'; target: string; name: string; workload: Workload }
  | { kind: 'autosave'; target: string; name: string }
  | { kind: 'web'; target: 'browser'; name: string; web: WebMeasurement };

interface Rates {
  /** Per second of wall-clock time: what a user waits for. */
  gamesPerSecond: number;
  actionsPerSecond: number;
  /** Per second of this process's CPU time: steadier when the machine is busy with other work. */
  gamesPerCpuSecond: number;
}

interface Figure extends Rates {
  target: string;
  measurement: string;
  /** The figure's rates are the medians of these runs. */
  runs: Rates[];
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Steps the workload until `ms` have passed; returns the rates of work done. */
function runFor(workload: Workload, ms: number): Rates {
  const done: WorkDone = { games: 0, actions: 0 };
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    const step = workload.step();
    done.games += step.games;
    done.actions += step.actions;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  const seconds = (now - start) / 1000;
  return {
    gamesPerSecond: done.games / seconds,
    actionsPerSecond: done.actions / seconds,
    gamesPerCpuSecond: done.games / ((used.user + used.system) / 1e6),
  };
}

function measure(m: Extract<Measurement, { kind: 'engine' }>, settings: Settings): Figure {
  const total = settings.seconds * 1000;
  runFor(m.workload, Math.max(300, total / 6)); // warm-up: let the JIT settle
  const runs = Array.from({ length: settings.runs }, () => runFor(m.workload, total / settings.runs));
  return {
    target: m.target,
    measurement: m.name,
    gamesPerSecond: median(runs.map((r) => r.gamesPerSecond)),
    actionsPerSecond: median(runs.map((r) => r.actionsPerSecond)),
    gamesPerCpuSecond: median(runs.map((r) => r.gamesPerCpuSecond)),
    runs,
  };
}

function loadRules(path: string): Rules {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) fail(loaded.problems.map(formatProblem).join('; '));
  return compileRules(loaded.scenario);
}

function targets(scenario: string | undefined, file: string | undefined): { name: string; path: string }[] {
  if (scenario !== undefined && file !== undefined) fail('give --scenario or --file, not both');
  if (file !== undefined) return [{ name: basename(file), path: resolve(file) }];
  const shipped = shippedScenarioFiles().map((path) => ({ name: basename(path, '.scenario.yaml'), path }));
  if (scenario !== undefined) {
    const found = shipped.filter((s) => s.name === scenario);
    if (found.length === 0) {
      fail(
        `unknown scenario "${scenario}" (shipped: ${shipped.map((s) => s.name).join(', ') || 'none yet'})`,
      );
    }
    return found;
  }
  if (shipped.length > 0) return shipped;
  process.stderr.write('bench: no scenario is shipped yet; measuring the test fixture\n');
  return [{ name: 'mini (fixture)', path: FIXTURE }];
}

/** A rate for people: whole, with thousands separators. */
function round(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function range(xs: readonly number[]): string {
  return `${round(Math.min(...xs))}–${round(Math.max(...xs))}`;
}

interface Verdict {
  scenario: string;
  measurement: string;
  gamesPerSecond: number;
  measured: number;
  met: boolean;
}

interface Results {
  machine: { node: string; cpu: string; cores: number };
  date: string;
  /** Engine figures (absent with --web-only). */
  seconds?: number;
  runs?: number;
  figures?: Figure[];
  requirement?: Verdict | null;
  /** The autosave's cost per move, now and as it was (absent with --web-only). */
  autosave?: AutosaveFigure;
  /** Web figures (absent with --engine-only). */
  web?: WebResults;
}

function verdictOf(figures: readonly Figure[]): Verdict | null {
  const f = figures.find(
    (x) => x.target === REQUIREMENT.scenario && x.measurement === REQUIREMENT.measurement,
  );
  if (!f) return null;
  return { ...REQUIREMENT, measured: f.gamesPerSecond, met: f.gamesPerSecond >= REQUIREMENT.gamesPerSecond };
}

function formatEngine(r: Results, figures: Figure[]): string {
  const columns = [
    { header: 'scenario' },
    { header: 'measurement' },
    { header: 'games/s', align: 'right' },
    { header: 'actions/s', align: 'right' },
    { header: 'games/s range', align: 'right' },
    { header: 'games/CPU-s', align: 'right' },
  ] as const;
  const rows = figures.map((f) => [
    f.target,
    f.measurement,
    round(f.gamesPerSecond),
    round(f.actionsPerSecond),
    range(f.runs.map((x) => x.gamesPerSecond)),
    round(f.gamesPerCpuSecond),
  ]);
  const v = r.requirement ?? null;
  return (
    `Engine benchmark, one core (${r.machine.cpu}, Node ${r.machine.node}); ` +
    `median of ${r.runs} runs over ${r.seconds} s per row\n${formatTable(columns, rows)}\n` +
    (v
      ? `\nRequirement: ≥ ${round(v.gamesPerSecond)} ${v.measurement} games/s of ${v.scenario}: ` +
        `${round(v.measured)}, ${v.met ? 'met' : 'NOT met'}\n`
      : '')
  );
}

function formatResults(r: Results): string {
  const parts: string[] = [];
  if (r.figures && r.figures.length > 0) parts.push(formatEngine(r, r.figures));
  if (r.autosave) parts.push(formatAutosave(r.autosave));
  if (r.web) parts.push(formatWeb(r.web));
  return parts.join('\n');
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function count(args: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const text = args[name];
  if (text === undefined) return fallback;
  const n = parseWhole(String(text), 1, max);
  if (n === null) fail(`--${name} must be a whole number from 1 to ${max}, got "${String(text)}"`);
  return n;
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseArgs(argv, SPEC);
  if (!parsed.ok) fail(parsed.message);
  const args = parsed.values;
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (args['engine-only'] && args['web-only']) fail('give --engine-only or --web-only, not both');
  const engine = !args['web-only'];
  const web = !args['engine-only'];
  const seconds = count(args, 'seconds', 3, 600);
  const runs = count(args, 'runs', 5, 100);
  const webSettings: WebSettings = {
    loads: count(args, 'loads', 7, 100),
    frameRuns: count(args, 'frame-runs', 3, 20),
    frameSeconds: 5,
    games: count(args, 'games', 10, 100),
    opponentGames: count(args, 'opponent-games', 2, 20),
    pace: count(args, 'pace', 4, 20),
    lighthouseRuns: count(args, 'lighthouse-runs', 1, 10),
    log,
  };

  const measurements: Measurement[] = [
    ...(engine
      ? targets(args.scenario, args.file).flatMap(({ name, path }) =>
          engineWorkloads(loadRules(path)).map((workload) => ({
            kind: 'engine' as const,
            target: name,
            name: workload.name,
            workload,
          })),
        )
      : []),
    ...(engine
      ? [{ kind: 'autosave' as const, target: 'vostochny-summit', name: 'autosave cost per move' }]
      : []),
    ...(web
      ? WEB_MEASUREMENTS.map((m) => ({
          kind: 'web' as const,
          target: 'browser' as const,
          name: m.name,
          web: m,
        }))
      : []),
  ];
  const only = typeof args.only === 'string' ? args.only : undefined;
  const wanted = only?.split(',').map((part) => part.trim());
  const chosen =
    wanted === undefined ? measurements : measurements.filter((m) => wanted.some((w) => m.name.includes(w)));
  if (chosen.length === 0) fail(`no measurement's name contains "${only}"`);
  const figures: Figure[] = [];
  const webFigures: WebFigure[] = [];
  let autosave: AutosaveFigure | undefined;
  let browser: OpenWeb | null = null;
  try {
    for (const m of chosen) {
      log(`bench: ${m.target} / ${m.name}…`);
      if (m.kind === 'engine') {
        figures.push(measure(m, { seconds, runs }));
      } else if (m.kind === 'autosave') {
        autosave = autosaveFigure(m.target);
      } else {
        browser ??= await openWeb(webSettings);
        webFigures.push(...(await m.web.run(browser)));
      }
    }
  } finally {
    await browser?.close();
  }
  const results: Results = {
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
    date: new Date().toISOString(),
    ...(engine ? { seconds, runs, figures, requirement: verdictOf(figures) } : {}),
    ...(autosave ? { autosave } : {}),
    ...(web && browser ? { web: webResults(browser, webFigures) } : {}),
  };
  process.stdout.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : formatResults(results));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
