// Batch simulation from the command line: plays many games between computer players and prints a
// balance report (or, with --json, the same report as JSON). Only stdout carries the report, and
// it depends on the arguments alone; the time taken, and the time per decision, go to stderr.
//
//   npm run sim -- --scenario vostochny-summit --games 10000 --seed 1
//                  [--kim random|greedy|easy|normal|hard] [--putin ...]
//                  [--kim-personality ID] [--putin-personality ID] [--rollouts N] [--swap]
//                  [--file PATH] [--json]
import { basename, resolve } from 'node:path';
import {
  compileRules,
  legalActions,
  POLICIES,
  type Policy,
  type Role,
  type Rules,
} from '../src/engine/index.ts';
import { isLevel, LEVELS, MAX_ROLLOUTS } from '../src/ai/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../src/scenario/node.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { parseArgs, parseWhole } from '../src/sim/args.ts';
import {
  describePlayer,
  formatDuel,
  formatReport,
  isPlayerName,
  isPolicyName,
  simulate,
  simulateDuel,
  type PlayerSpec,
} from '../src/sim/index.ts';

const PLAYERS = [...Object.keys(POLICIES), ...LEVELS];

const USAGE = `usage: npm run sim -- [--scenario ID | --file PATH] [--games N] [--seed N]
                    [--kim PLAYER] [--putin PLAYER] [--kim-personality ID] [--putin-personality ID]
                    [--rollouts N] [--swap] [--json]
  --scenario ID          a shipped scenario (default vostochny-summit)
  --file PATH            a scenario file instead of a shipped one
  --games N              games to play (default 1000; with --swap, per seating)
  --seed N               batch seed, 0 to 4294967295 (default 1)
  --kim, --putin         who plays each role (default greedy): ${PLAYERS.join(', ')}
                         (random and greedy are simple policies; easy, normal and hard the
                         computer opponent's levels)
  --kim-personality ID   the opponent's personality for that role (default: the scenario's first
  --putin-personality ID for the role); only for easy, normal and hard
  --rollouts N           the hard level's rollout budget for a first-month decision (later
                         months get more, as their rollouts are shorter; default 64)
  --swap                 a duel: play the games, then the same worlds with the two players'
                         seats swapped (personalities stay with their roles), and report how
                         often each player's result beat the other's in each role
  --json                 print the report as JSON`;

const SPEC = {
  scenario: 'value',
  file: 'value',
  games: 'value',
  seed: 'value',
  kim: 'value',
  putin: 'value',
  'kim-personality': 'value',
  'putin-personality': 'value',
  rollouts: 'value',
  swap: 'switch',
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

function playerName(role: string, value: string | undefined): string {
  if (value === undefined) return 'greedy';
  if (!isPlayerName(value)) fail(`--${role} must be one of ${PLAYERS.join(', ')}, got "${value}"`);
  return value;
}

/** The player `name` as it plays `role`, with that role's personality. */
function player(
  rules: Rules,
  name: string,
  role: Role,
  personality: string | undefined,
  rollouts: number | undefined,
): PlayerSpec {
  if (isPolicyName(name)) return name;
  if (!isLevel(name)) fail(`unknown player "${name}"`);
  if (personality !== undefined) {
    const own = rules.scenario.personalities.filter((p) => p.role === role).map((p) => p.id);
    if (!own.includes(personality)) {
      const list = own.length > 0 ? own.join(', ') : 'none in this scenario';
      fail(`--${role}-personality must be one of ${list}, got "${personality}"`);
    }
  }
  return { level: name, personality, rollouts: name === 'hard' ? rollouts : undefined };
}

interface Timing {
  /** Milliseconds per decision with more than one legal move. */
  choices: number[];
  /** Decisions with a single legal move (answered at once). */
  forced: number;
}

/** Wraps a policy to time its decisions: the clock lives here, never in the engine or the opponent. */
function timed(timing: Timing, policy: Policy): Policy {
  return {
    name: policy.name,
    choose(rules, state) {
      const forced = legalActions(rules, state).length <= 1;
      const started = performance.now();
      const action = policy.choose(rules, state);
      const ms = performance.now() - started;
      if (forced) timing.forced++;
      else timing.choices.push(ms);
      return action;
    },
  };
}

function describeTiming(label: string, t: Timing): string {
  const n = t.choices.length;
  if (n === 0) return `sim: ${label}: no decisions with a choice`;
  const sorted = t.choices.toSorted((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  const p95 = sorted[Math.min(n - 1, Math.floor(0.95 * n))]!;
  return (
    `sim: ${label}: ${n} decisions, ${(total / n).toFixed(2)} ms per decision (p95 ${p95.toFixed(2)} ms, ` +
    `max ${sorted[n - 1]!.toFixed(2)} ms), ${Math.round((1000 * n) / total)} decisions/s; ${t.forced} forced moves`
  );
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
  const kimName = playerName('kim', args.kim);
  const putinName = playerName('putin', args.putin);
  const rollouts = args.rollouts === undefined ? undefined : parseWhole(args.rollouts, 1, MAX_ROLLOUTS);
  if (rollouts === null)
    fail(`--rollouts must be a whole number from 1 to ${MAX_ROLLOUTS}, got "${args.rollouts}"`);
  const rules = compileRules(loadScenario(args.scenario, args.file));
  const personality = { kim: args['kim-personality'], putin: args['putin-personality'] };
  for (const role of ['kim', 'putin'] as const) {
    const seated = args.swap ? [kimName, putinName] : [role === 'kim' ? kimName : putinName];
    if (personality[role] !== undefined && !seated.some(isLevel))
      fail(`--${role}-personality is for a computer opponent (${LEVELS.join(', ')}) playing ${role}`);
  }
  const as = (name: string) => ({
    kim: player(rules, name, 'kim', personality.kim, rollouts),
    putin: player(rules, name, 'putin', personality.putin, rollouts),
  });

  const timings = new Map<string, Timing>();
  const timingOf = (label: string) => {
    let t = timings.get(label);
    if (!t) {
      t = { choices: [], forced: 0 };
      timings.set(label, t);
    }
    return t;
  };
  const started = performance.now();
  let text: string;
  let played: number;
  if (args.swap) {
    const a = as(kimName);
    const b = as(putinName);
    const duel = simulateDuel(rules, {
      games,
      seed,
      a,
      b,
      instrument: (who, role, policy) =>
        timed(timingOf(`${role} ${describePlayer((who === 'a' ? a : b)[role])}`), policy),
    });
    text = args.json ? `${JSON.stringify(duel, null, 2)}\n` : formatDuel(duel);
    played = 2 * games;
  } else {
    const kim = as(kimName).kim;
    const putin = as(putinName).putin;
    const report = simulate(rules, {
      games,
      seed,
      kim,
      putin,
      instrument: (role, policy) =>
        timed(timingOf(`${role} ${describePlayer(role === 'kim' ? kim : putin)}`), policy),
    });
    text = args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report);
    played = games;
  }
  const seconds = (performance.now() - started) / 1000;

  process.stdout.write(text);
  process.stderr.write(
    `sim: ${played} games in ${seconds.toFixed(2)} s (${Math.round(played / seconds)} games/s)\n`,
  );
  for (const [label, t] of timings) process.stderr.write(`${describeTiming(label, t)}\n`);
}

main(process.argv.slice(2));
