// Batch simulation from the command line: plays many games between computer policies and prints a
// balance report (or, with --json, the same report as JSON). Only stdout carries the report, and
// it depends on the arguments alone; the time taken goes to stderr.
//
//   npm run sim -- --scenario vostochny-summit --games 10000 --seed 1 [--kim greedy|random]
//                  [--putin greedy|random] [--file PATH] [--json]
import { basename, resolve } from 'node:path';
import { compileRules, POLICIES, type PolicyName } from '../src/engine/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../src/scenario/node.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { parseArgs, parseWhole } from '../src/sim/args.ts';
import { formatReport, isPolicyName, simulate } from '../src/sim/index.ts';

const USAGE = `usage: npm run sim -- [--scenario ID | --file PATH] [--games N] [--seed N]
                    [--kim ${Object.keys(POLICIES).join('|')}] [--putin ${Object.keys(POLICIES).join('|')}] [--json]
  --scenario ID   a shipped scenario (default vostochny-summit)
  --file PATH     a scenario file instead of a shipped one
  --games N       games to play (default 1000)
  --seed N        batch seed, 0 to 4294967295 (default 1)
  --kim, --putin  policy of each role (default greedy)
  --json          print the report as JSON`;

const SPEC = {
  scenario: 'value',
  file: 'value',
  games: 'value',
  seed: 'value',
  kim: 'value',
  putin: 'value',
  json: 'switch',
  help: 'switch',
} as const;

const MAX_GAMES = 10_000_000;
const DEFAULT_SCENARIO = 'vostochny-summit';

/** A bad argument: one line on stderr and exit status 2, no stack trace. */
function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function shippedIds(): string[] {
  return shippedScenarioFiles().map((f) => basename(f, '.scenario.yaml'));
}

function loadScenario(id: string | undefined, file: string | undefined): Scenario {
  if (id !== undefined && file !== undefined) fail('give --scenario or --file, not both');
  let path: string;
  if (file !== undefined) path = resolve(file);
  else {
    const wanted = id ?? DEFAULT_SCENARIO;
    const files = shippedScenarioFiles();
    const found = files.find((f) => basename(f, '.scenario.yaml') === wanted);
    if (found === undefined) {
      const ids = shippedIds();
      fail(`unknown scenario "${wanted}" (shipped: ${ids.length > 0 ? ids.join(', ') : 'none yet'})`);
    }
    path = found;
  }
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) {
    const [first, ...rest] = loaded.problems;
    fail(
      `${first ? formatProblem(first) : `${path} does not load`}` +
        (rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : ''),
    );
  }
  return loaded.scenario;
}

function policy(role: string, value: string | undefined): PolicyName {
  if (value === undefined) return 'greedy';
  if (!isPolicyName(value))
    fail(`--${role} must be one of ${Object.keys(POLICIES).join(', ')}, got "${value}"`);
  return value;
}

function main(argv: readonly string[]): void {
  const parsed = parseArgs(argv, SPEC);
  if (!parsed.ok) fail(parsed.message);
  const args = parsed.values;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const games = args.games === undefined ? 1000 : parseWhole(args.games, 1, MAX_GAMES);
  if (games === null) fail(`--games must be a whole number from 1 to ${MAX_GAMES}, got "${args.games}"`);
  const seed = args.seed === undefined ? 1 : parseWhole(args.seed, 0, 0xffffffff);
  if (seed === null) fail(`--seed must be a whole number from 0 to 4294967295, got "${args.seed}"`);
  const kim = policy('kim', args.kim);
  const putin = policy('putin', args.putin);
  const rules = compileRules(loadScenario(args.scenario, args.file));

  const started = performance.now();
  const report = simulate(rules, { games, seed, kim, putin });
  const seconds = (performance.now() - started) / 1000;

  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  process.stderr.write(
    `sim: ${games} games in ${seconds.toFixed(2)} s (${Math.round(games / seconds)} games/s)\n`,
  );
}

main(process.argv.slice(2));
