// The balance check: plays every shipped scenario (or the ones named) in-process with the batch
// simulator and checks three criteria for each role the scenario lets a person play. Prints a table
// per scenario, exits 1 if any criterion fails; with --markdown, writes the report to docs/balance.md.
//
//   npm run balance -- [--games N] [--hard-games N] [--seed N] [--rollouts N]
//                      [--scenario ID[,ID...] | --file PATH] [--markdown] [--out PATH] [--json]
//
// The criteria, for each scenario and each playable role R (the other role is the computer):
//   1. win rate: the greedy policy playing R against the normal opponent wins 30% to 70% of --games
//      games (default 10,000);
//   2. endings: every ending of the scenario is reached in at least 0.5% of those games (judged
//      separately for each role played, so each ending is reachable whichever side the player takes);
//   3. variety: with the greedy policy playing R against the hard opponent (--hard-games games,
//      default 300), no option of the hard opponent's cards is chosen in more than 90% of the plays
//      of its card. A card played fewer than 20 times in those games is listed but not judged: its
//      share says too little.
// The games are those `npm run sim` plays with the same seed and players, so any figure here can be
// reproduced and inspected there (e.g. npm run sim -- --scenario ID --kim greedy --putin normal).
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRules, otherRole, type Role, type Rules } from '../src/engine/index.ts';
import { HARD_ROLLOUTS, MAX_ROLLOUTS } from '../src/ai/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../src/scenario/node.ts';
import { parseArgs, parseWhole } from '../src/sim/args.ts';
import { readSimReports } from './balance-from-sim.ts';
import {
  formatTable,
  simulate,
  type BalanceReport,
  type EndingStats,
  type PlayerSpec,
} from '../src/sim/index.ts';

export interface Criteria {
  /** The greedy player's win rate against the normal opponent must lie in [minWin, maxWin]. */
  minWin: number;
  maxWin: number;
  /** Every ending's share of those games must be at least this. */
  minEnding: number;
  /** No option of the hard opponent may take more than this share of its card's plays... */
  maxOptionShare: number;
  /** ...judged only for cards the hard opponent played at least this many times. */
  minCardPlays: number;
}

export const CRITERIA: Criteria = {
  minWin: 0.3,
  maxWin: 0.7,
  minEnding: 0.005,
  maxOptionShare: 0.9,
  minCardPlays: 20,
};

export interface BalanceSettings {
  games: number;
  /** Games against the hard opponent per role; 0 skips the variety check. */
  hardGames: number;
  seed: number;
  /** The hard opponent's rollout budget (default: the opponent's own, HARD_ROLLOUTS). */
  rollouts?: number | undefined;
  criteria?: Criteria | undefined;
}

/** The most-chosen option of one card of the hard opponent. */
export interface CardChoice {
  card: string;
  option: string;
  /** Times the card was played by the hard opponent. */
  plays: number;
  /** Share of those plays that chose this option. */
  share: number;
  judged: boolean;
  ok: boolean;
}

export interface RoleBalance {
  /** The role the greedy player takes; the computer plays the other. */
  role: Role;
  games: number;
  winRate: number;
  drawRate: number;
  lossRate: number;
  winOk: boolean;
  /** Every ending of the scenario with its share of these games, in scenario order. */
  endings: EndingStats[];
  /** The hard opponent's games (null when skipped). */
  hard: {
    games: number;
    opponent: Role;
    /** Most-chosen option of each card it played, most lopsided first. */
    cards: CardChoice[];
    ok: boolean;
  } | null;
  /** Seconds spent on the normal and hard games. */
  seconds: { normal: number; hard: number };
}

export interface EndingRow {
  /** The ending as the first role's report has it (its count and share are that role's). */
  ending: EndingStats;
  /** Share as each role played, in the order of `roles`. */
  shares: number[];
  ok: boolean;
}

export interface ScenarioBalance {
  id: string;
  title: string;
  turns: number;
  hash: string;
  roles: RoleBalance[];
  endings: EndingRow[];
  /** One line per failed criterion. */
  failures: string[];
  ok: boolean;
}

const NORMAL: PlayerSpec = { level: 'normal' };

function against(role: Role, opponent: PlayerSpec): { kim: PlayerSpec; putin: PlayerSpec } {
  return role === 'kim' ? { kim: 'greedy', putin: opponent } : { kim: opponent, putin: 'greedy' };
}

function cardChoices(rules: Rules, report: BalanceReport, opponent: Role, c: Criteria): CardChoice[] {
  const best = new Map<string, CardChoice>();
  for (const o of report.options) {
    if (o.role !== opponent || o.cardPlayed === 0 || o.share === null) continue;
    const seen = best.get(o.card);
    if (seen && seen.share >= o.share) continue;
    const judged = o.cardPlayed >= c.minCardPlays;
    best.set(o.card, {
      card: o.card,
      option: o.option,
      plays: o.cardPlayed,
      share: o.share,
      judged,
      ok: !judged || o.share <= c.maxOptionShare,
    });
  }
  // scenario order first (stable), then the most lopsided judged cards first
  const order = new Map(rules.scenario.cards.map((card, i) => [card.id, i]));
  return [...best.values()]
    .toSorted((a, b) => order.get(a.card)! - order.get(b.card)!)
    .toSorted((a, b) => Number(b.judged) - Number(a.judged) || b.share - a.share);
}

const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;

/** The simulator's reports the checks read for one role: against normal, and against hard. */
export interface RoleReports {
  normal: BalanceReport;
  hard: BalanceReport | null;
  /** Seconds the simulations took (0 when the reports were read from files). */
  seconds?: { normal: number; hard: number };
}

/** Runs the simulations the checks need for one scenario, then the checks. */
export function balanceScenario(rules: Rules, settings: BalanceSettings): ScenarioBalance {
  const reports: Partial<Record<Role, RoleReports>> = {};
  for (const role of rules.scenario.roles) {
    let started = performance.now();
    const normal = simulate(rules, { games: settings.games, seed: settings.seed, ...against(role, NORMAL) });
    const normalSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const hard =
      settings.hardGames > 0
        ? simulate(rules, {
            games: settings.hardGames,
            seed: settings.seed,
            ...against(role, { level: 'hard', rollouts: settings.rollouts }),
          })
        : null;
    reports[role] = {
      normal,
      hard,
      seconds: { normal: normalSeconds, hard: (performance.now() - started) / 1000 },
    };
  }
  return judgeBalance(rules, reports, settings.criteria);
}

/**
 * The three checks on the simulator's reports (as `npm run sim -- --json` prints them): for each
 * role, the greedy player against the normal opponent, and against the hard one.
 */
export function judgeBalance(
  rules: Rules,
  reports: Partial<Record<Role, RoleReports>>,
  criteria?: Criteria,
): ScenarioBalance {
  const c = criteria ?? CRITERIA;
  const scenario = rules.scenario;
  const roles: RoleBalance[] = [];
  let hash = '';
  for (const role of scenario.roles) {
    const given = reports[role];
    if (!given) continue;
    const report = given.normal;
    hash = report.scenario.hash;
    const r = report.results[role];
    let hard: RoleBalance['hard'] = null;
    if (given.hard) {
      const opponent = otherRole(role);
      const cards = cardChoices(rules, given.hard, opponent, c);
      hard = { games: given.hard.games, opponent, cards, ok: cards.every((x) => x.ok) };
    }
    roles.push({
      role,
      games: report.games,
      winRate: r.winRate,
      drawRate: r.drawRate,
      lossRate: r.lossRate,
      winOk: r.winRate >= c.minWin && r.winRate <= c.maxWin,
      endings: report.endings,
      hard,
      seconds: given.seconds ?? { normal: 0, hard: 0 },
    });
  }
  const endings: EndingRow[] = (roles[0]?.endings ?? []).map((ending, i) => {
    const shares = roles.map((r) => r.endings[i]!.share);
    return { ending, shares, ok: shares.every((s) => s >= c.minEnding) };
  });
  const failures: string[] = [];
  for (const r of roles) {
    if (!r.winOk)
      failures.push(
        `${r.role}: greedy wins ${pct(r.winRate)} against normal (wanted ${pct(c.minWin, 0)} to ${pct(c.maxWin, 0)})`,
      );
  }
  for (const e of endings) {
    roles.forEach((r, i) => {
      const share = e.shares[i]!;
      if (share < c.minEnding)
        failures.push(
          `ending ${e.ending.id}: reached in ${pct(share, 2)} of games as ${r.role} (wanted at least ${pct(c.minEnding, 2)})`,
        );
    });
  }
  for (const r of roles) {
    for (const x of r.hard?.cards ?? []) {
      if (x.ok) continue;
      failures.push(
        `${r.hard!.opponent} (hard): ${x.card}/${x.option} chosen in ${pct(x.share)} of ${x.plays} plays (wanted at most ${pct(c.maxOptionShare, 0)})`,
      );
    }
  }
  return {
    id: scenario.id,
    title: scenario.title,
    turns: scenario.turns,
    hash,
    roles,
    endings,
    failures,
    ok: failures.length === 0,
  };
}

// ---------------------------------------------------------------------------------------- text

const mark = (ok: boolean): string => (ok ? 'ok' : 'FAIL');

function topChoice(r: RoleBalance): CardChoice | undefined {
  return r.hard?.cards.find((x) => x.judged);
}

export function formatText(b: ScenarioBalance, c: Criteria = CRITERIA): string {
  const lines = [`${b.title} (${b.id}, ${b.turns} turns, hash ${b.hash}): ${b.ok ? 'PASS' : 'FAIL'}`];
  lines.push(
    formatTable(
      [
        { header: 'greedy plays' },
        { header: 'vs' },
        { header: 'games', align: 'right' },
        { header: 'win', align: 'right' },
        { header: 'draw', align: 'right' },
        { header: 'loss', align: 'right' },
        { header: `win ${pct(c.minWin, 0)}–${pct(c.maxWin, 0)}` },
      ],
      b.roles.map((r) => [
        r.role,
        `normal ${otherRole(r.role)}`,
        String(r.games),
        pct(r.winRate),
        pct(r.drawRate),
        pct(r.lossRate),
        mark(r.winOk),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    formatTable(
      [
        { header: 'ending' },
        { header: 'kind' },
        { header: 'story' },
        { header: 'kim/putin' },
        ...b.roles.map((r) => ({ header: `as ${r.role}`, align: 'right' as const })),
        { header: `≥ ${pct(c.minEnding, 1)}` },
      ],
      b.endings.map(({ ending: e, shares, ok }) => [
        e.id,
        e.kind,
        e.role,
        `${e.result.kim}/${e.result.putin}`,
        ...shares.map((s) => pct(s, 2)),
        mark(ok),
      ]),
    ),
  );
  const hardRows = b.roles.flatMap((r) => {
    if (!r.hard) return [];
    const top = topChoice(r);
    const judged = r.hard.cards.filter((x) => x.judged).length;
    return [
      [
        `${r.hard.opponent} (vs greedy ${r.role})`,
        String(r.hard.games),
        top ? `${top.card}/${top.option}` : '–',
        top ? pct(top.share) : '–',
        top ? String(top.plays) : '–',
        `${judged}/${r.hard.cards.length}`,
        mark(r.hard.ok),
      ],
    ];
  });
  lines.push('');
  if (hardRows.length === 0) lines.push('  hard opponent: skipped (--hard-games 0)');
  else
    lines.push(
      formatTable(
        [
          { header: 'hard opponent' },
          { header: 'games', align: 'right' },
          { header: 'most-chosen option' },
          { header: 'share', align: 'right' },
          { header: 'plays', align: 'right' },
          { header: 'cards judged' },
          { header: `≤ ${pct(c.maxOptionShare, 0)}` },
        ],
        hardRows,
      ),
    );
  for (const f of b.failures) lines.push(`  FAIL ${f}`);
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------ markdown

function mdTable(header: string[], rows: string[][], right: number[] = []): string {
  const rule = header.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export interface MarkdownMeta {
  games: number;
  hardGames: number;
  seed: number;
  rollouts: number;
}

export function formatMarkdown(
  results: ScenarioBalance[],
  meta: MarkdownMeta,
  c: Criteria = CRITERIA,
): string {
  const out: string[] = [
    '# Balance report',
    '',
    [
      `Generated by \`npm run balance -- --markdown\` with ${meta.games.toLocaleString('en')} games per role`,
      `against the normal opponent and ${meta.hardGames.toLocaleString('en')} per role against the hard`,
      `opponent (${meta.rollouts} rollouts for a first-month decision), batch seed ${meta.seed}. Do not edit`,
      'by hand: run the command again. Every figure can be reproduced with `npm run sim` and the same',
      'seed, e.g. `npm run sim -- --scenario ID --kim greedy --putin normal --games 10000`.',
    ].join(' '),
    '',
    'Criteria, for every scenario and each role it lets a person play (the computer plays the other):',
    '',
    `1. **Win rate**: the greedy policy playing the role against the *normal* opponent wins between`,
    `   ${pct(c.minWin, 0)} and ${pct(c.maxWin, 0)} of the games.`,
    `2. **Endings**: every ending is reached in at least ${pct(c.minEnding, 1)} of those games, as each role.`,
    `3. **Variety**: against the greedy policy, the *hard* opponent chooses no option in more than`,
    `   ${pct(c.maxOptionShare, 0)} of the plays of its card. Cards it played fewer than ${c.minCardPlays} times are not judged.`,
    '',
    mdTable(
      ['scenario', 'turns', 'win as kim', 'win as putin', 'endings', 'hard: top option share', 'result'],
      results.map((b) => {
        const win = (role: Role) => {
          const r = b.roles.find((x) => x.role === role);
          return r ? pct(r.winRate) : '–';
        };
        const tops = b.roles.map((r) => topChoice(r)?.share ?? null).filter((x) => x !== null);
        return [
          `[${b.title}](#${b.id})`,
          String(b.turns),
          win('kim'),
          win('putin'),
          `${b.endings.filter((e) => e.ok).length}/${b.endings.length} ok`,
          tops.length > 0 ? pct(Math.max(...tops)) : '–',
          b.ok ? 'pass' : '**FAIL**',
        ];
      }),
      [1, 2, 3, 5],
    ),
  ];
  for (const b of results) {
    out.push('', `<a id="${b.id}"></a>`, '', `## ${b.title} — ${b.ok ? 'pass' : 'FAIL'}`, '');
    out.push(`\`${b.id}\`, ${b.turns} turns, scenario hash \`${b.hash}\`.`, '');
    out.push(
      mdTable(
        [
          'greedy plays',
          'against',
          'games',
          'win',
          'draw',
          'loss',
          `win ${pct(c.minWin, 0)}–${pct(c.maxWin, 0)}`,
        ],
        b.roles.map((r) => [
          r.role,
          `normal ${otherRole(r.role)}`,
          r.games.toLocaleString('en'),
          pct(r.winRate),
          pct(r.drawRate),
          pct(r.lossRate),
          r.winOk ? 'ok' : '**FAIL**',
        ]),
        [2, 3, 4, 5],
      ),
      '',
    );
    out.push(
      mdTable(
        [
          'ending',
          'kind',
          'story',
          'kim / putin',
          ...b.roles.map((r) => `share as ${r.role}`),
          `≥ ${pct(c.minEnding, 1)}`,
        ],
        b.endings.map(({ ending: e, shares, ok }) => [
          `${e.title} (\`${e.id}\`)`,
          e.kind,
          e.role,
          `${e.result.kim} / ${e.result.putin}`,
          ...shares.map((s) => pct(s, 2)),
          ok ? 'ok' : '**FAIL**',
        ]),
        b.roles.map((_, i) => 4 + i),
      ),
      '',
    );
    const hardRows = b.roles.flatMap((r) => {
      if (!r.hard) return [];
      const top = topChoice(r);
      return [
        [
          `${r.hard.opponent} (against greedy ${r.role})`,
          r.hard.games.toLocaleString('en'),
          top ? `\`${top.card}/${top.option}\`` : '–',
          top ? pct(top.share) : '–',
          top ? String(top.plays) : '–',
          `${r.hard.cards.filter((x) => x.judged).length} of ${r.hard.cards.length}`,
          r.hard.ok ? 'ok' : '**FAIL**',
        ],
      ];
    });
    if (hardRows.length === 0) out.push('The hard opponent was not played (`--hard-games 0`).');
    else
      out.push(
        mdTable(
          [
            'hard opponent',
            'games',
            'most-chosen option',
            'share of its card',
            'card played',
            'cards judged',
            `≤ ${pct(c.maxOptionShare, 0)}`,
          ],
          hardRows,
          [1, 3, 4],
        ),
      );
    if (b.failures.length > 0) {
      out.push('', 'Failures:', '');
      for (const f of b.failures) out.push(`- ${f}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------- command

const USAGE = `usage: npm run balance -- [--games N] [--hard-games N] [--seed N] [--rollouts N]
                        [--scenario ID[,ID...] | --file PATH] [--markdown] [--out PATH] [--json]
  --games N         games per role against the normal opponent (default 10000)
  --hard-games N    games per role against the hard opponent (default 300; 0 skips that check)
  --seed N          batch seed (default 1), as for npm run sim
  --rollouts N      the hard opponent's rollout budget (default ${HARD_ROLLOUTS})
  --scenario IDS    shipped scenarios to check, comma-separated (default: all)
  --file PATH       a scenario file instead (e.g. a draft outside scenarios/)
  --markdown        write the report as Markdown to docs/balance.md (or --out PATH)
  --out PATH        where --markdown writes
  --json            print the results as JSON instead of tables
  --from-sim DIR    check reports npm run sim already wrote instead of simulating: every
                    DIR/*.json from \`npm run sim -- --json\`, greedy against normal (and
                    against hard) for each role of each scenario`;

const SPEC = {
  games: 'value',
  'hard-games': 'value',
  seed: 'value',
  rollouts: 'value',
  scenario: 'value',
  file: 'value',
  markdown: 'switch',
  out: 'value',
  json: 'switch',
  'from-sim': 'value',
  help: 'switch',
} as const;

const ROOT = resolve(import.meta.dirname, '..');

function fail(message: string): never {
  process.stderr.write(`balance: ${message}\n`);
  process.exit(2);
}

function loadRules(path: string): Rules {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) fail(loaded.problems.map(formatProblem).join('\n'));
  return compileRules(loaded.scenario);
}

function scenarioPaths(ids: string | undefined, file: string | undefined): string[] {
  if (ids !== undefined && file !== undefined) fail('give --scenario or --file, not both');
  if (file !== undefined) return [resolve(file)];
  const shipped = shippedScenarioFiles();
  if (ids === undefined) return shipped;
  return ids.split(',').map((id) => {
    const found = shipped.find((f) => basename(f, '.scenario.yaml') === id);
    if (!found) {
      const known = shipped.map((f) => basename(f, '.scenario.yaml')).join(', ');
      fail(`unknown scenario "${id}" (shipped: ${known})`);
    }
    return found;
  });
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv, SPEC);
  if (!parsed.ok) fail(parsed.message);
  const args = parsed.values;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const whole = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
    if (text === undefined) return fallback;
    const n = parseWhole(text, min, max);
    if (n === null) fail(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return n;
  };
  const games = whole('games', args.games, 10_000, 1, 10_000_000);
  const hardGames = whole('hard-games', args['hard-games'], 300, 0, 1_000_000);
  const seed = whole('seed', args.seed, 1, 0, 0xffffffff);
  const rollouts = whole('rollouts', args.rollouts, HARD_ROLLOUTS, 1, MAX_ROLLOUTS);
  if (args.out !== undefined && !args.markdown) fail('--out is for --markdown');
  const fromSim = args['from-sim'];
  let read: ReturnType<typeof readSimReports> | null = null;
  if (fromSim !== undefined) {
    try {
      read = readSimReports(resolve(fromSim));
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  const paths = read ? [...read.keys()] : scenarioPaths(args.scenario, args.file);

  const started = performance.now();
  const results: ScenarioBalance[] = [];
  for (const path of paths) {
    const given = read?.get(path);
    const b = given
      ? judgeBalance(given.rules, given.reports)
      : balanceScenario(loadRules(path), { games, hardGames, seed, rollouts });
    results.push(b);
    for (const r of b.roles) {
      process.stderr.write(
        `balance: ${b.id} as ${r.role}: ${r.games} normal games in ${r.seconds.normal.toFixed(1)} s` +
          (r.hard ? `, ${r.hard.games} hard games in ${r.seconds.hard.toFixed(1)} s\n` : '\n'),
      );
    }
    if (!args.json) process.stdout.write(`${formatText(b)}\n\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  const failed = results.filter((b) => !b.ok);
  if (!args.json)
    process.stdout.write(
      failed.length === 0
        ? `all ${results.length} scenario(s) pass\n`
        : `${failed.length} of ${results.length} scenario(s) fail: ${failed.map((b) => b.id).join(', ')}\n`,
    );
  process.stderr.write(`balance: done in ${seconds.toFixed(1)} s\n`);
  if (args.markdown) {
    const out = resolve(args.out ?? resolve(ROOT, 'docs/balance.md'));
    writeFileSync(out, formatMarkdown(results, { games, hardGames, seed, rollouts }));
    process.stderr.write(`balance: wrote ${out}\n`);
  }
  return failed.length === 0 ? 0 : 1;
}

// Run only as a command, not when a test imports the functions above.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
