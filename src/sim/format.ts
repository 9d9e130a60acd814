// The balance report as text for a terminal: short sections of aligned tables.
import { ROLES } from '../engine/index.ts';
import type { BalanceReport, DuelReport, OptionStats } from './report.ts';
import { SMALL_SAMPLE } from './report.ts';
import { fixed, formatTable, percent, points } from './table.ts';

/** How many options the most- and least-chosen lists show (all of them if there are few). */
const LIST_LENGTH = 10;

function header(r: BalanceReport): string {
  return [
    `Balance report: ${r.scenario.title} (${r.scenario.id}, ${r.scenario.turns} turns, hash ${r.scenario.hash})`,
    `${r.games} games, seed ${r.seed}, kim ${r.policies.kim} vs putin ${r.policies.putin}`,
  ].join('\n');
}

function results(r: BalanceReport): string {
  const rows = ROLES.map((role) => {
    const x = r.results[role];
    return [role, percent(x.winRate), percent(x.drawRate), percent(x.lossRate)];
  });
  const columns = [
    { header: 'role' },
    { header: 'win', align: 'right' },
    { header: 'draw', align: 'right' },
    { header: 'loss', align: 'right' },
  ] as const;
  return `Results\n${formatTable(columns, rows)}`;
}

function headToHead(r: BalanceReport): string {
  const h = r.headToHead;
  const rows = [
    ['kim', percent(h.betterRate.kim), String(h.better.kim)],
    ['putin', percent(h.betterRate.putin), String(h.better.putin)],
    ['(same result)', percent(h.sameRate), String(h.same)],
  ];
  const columns = [
    { header: 'better result' },
    { header: 'share', align: 'right' },
    { header: 'games', align: 'right' },
  ] as const;
  return `Head to head: games in which each role's result beat the other's (win > draw > loss)\n${formatTable(columns, rows)}`;
}

function endings(r: BalanceReport): string {
  const rows = r.endings.map((e) => [
    e.id,
    e.kind,
    e.role,
    `${e.result.kim}/${e.result.putin}`,
    String(e.count),
    percent(e.share),
  ]);
  const columns = [
    { header: 'ending' },
    { header: 'kind' },
    { header: 'story' },
    { header: 'kim/putin' },
    { header: 'games', align: 'right' },
    { header: 'share', align: 'right' },
  ] as const;
  return `Endings (every ending of the scenario)\n${formatTable(columns, rows)}`;
}

function length(r: BalanceReport): string {
  const l = r.length;
  const columns = [
    { header: 'ended on turn' },
    ...l.endedOnTurn.map((_, i) => ({ header: String(i + 1), align: 'right' as const })),
  ];
  const rows = [['games', ...l.endedOnTurn.map(String)]];
  return [
    `Game length: ${fixed(l.meanTurns, 2)} turns on average (${l.minTurns}–${l.maxTurns}), ${fixed(l.meanMoves, 1)} moves`,
    formatTable(columns, rows),
  ].join('\n');
}

function meters(r: BalanceReport): string {
  const columns = [
    { header: 'meter' },
    ...r.gamesPerTurn.map((_, i) => ({ header: `T${i + 1}`, align: 'right' as const })),
    { header: 'end', align: 'right' as const },
  ];
  const rows = [
    ['(games playing)', ...r.gamesPerTurn.map(String), String(r.games)],
    ...r.meters.map((m) => [m.id, ...m.perTurn.map((v) => fixed(v)), fixed(m.end)]),
  ];
  return `Meters: average at the start of each month (games still playing) and at the end\n${formatTable(columns, rows)}`;
}

function optionRows(list: readonly OptionStats[]): string {
  const columns = [
    { header: 'option' },
    { header: 'role' },
    { header: 'chosen', align: 'right' },
    { header: 'of its card', align: 'right' },
  ] as const;
  return formatTable(
    columns,
    list.map((o) => [`${o.card}/${o.option}`, o.role, String(o.chosen), percent(o.share)]),
  );
}

function choices(r: BalanceReport): string {
  const all = r.options;
  if (all.length <= 2 * LIST_LENGTH) return `Options, most chosen first\n${optionRows(all)}`;
  return [
    `Most chosen options\n${optionRows(all.slice(0, LIST_LENGTH))}`,
    `Least chosen options\n${optionRows(all.slice(-LIST_LENGTH).toReversed())}`,
  ].join('\n\n');
}

function effects(r: BalanceReport): string {
  const comparable = r.options.filter((o) => o.win.effect !== null);
  const rows = comparable
    .toSorted((a, b) => b.win.effect! - a.win.effect!)
    .map((o) => [
      `${o.card}/${o.option}`,
      o.role,
      String(o.win.gamesWith),
      percent(o.win.winRateWith),
      String(o.win.gamesWithout),
      percent(o.win.winRateWithout),
      points(o.win.effect),
      o.win.smallSample ? 'small sample' : '',
    ]);
  const columns = [
    { header: 'option' },
    { header: 'role' },
    { header: 'games', align: 'right' },
    { header: 'win%', align: 'right' },
    { header: 'games w/o', align: 'right' },
    { header: 'win% w/o', align: 'right' },
    { header: 'effect', align: 'right' },
    { header: '' },
  ] as const;
  const title =
    'Effect of each option on its role winning: games where it was chosen vs games where its card\n' +
    `was played with another option (small sample: fewer than ${SMALL_SAMPLE} games on a side)`;
  const left = r.options.length - comparable.length;
  const note =
    left === 0 ? '' : `\n  (${left} option${left === 1 ? '' : 's'} left out: no games on one side)`;
  return rows.length === 0 ? `${title}${note}` : `${title}\n${formatTable(columns, rows)}${note}`;
}

export function formatReport(r: BalanceReport): string {
  return (
    [header(r), results(r), headToHead(r), endings(r), length(r), meters(r), choices(r), effects(r)].join(
      '\n\n',
    ) + '\n'
  );
}

/**
 * A duel: for each role, how often player A's result beat player B's, and each one's win rate;
 * then the results and endings of each seating.
 */
export function formatDuel(d: DuelReport): string {
  const title = [
    `Duel: ${d.scenario.title} (${d.scenario.id}, ${d.scenario.turns} turns, hash ${d.scenario.hash})`,
    `A = ${d.players.a}, B = ${d.players.b}; ${d.games} games with each seating, seed ${d.seed}`,
  ].join('\n');
  const columns = [
    { header: 'A plays' },
    { header: 'A better', align: 'right' },
    { header: 'same', align: 'right' },
    { header: 'B better', align: 'right' },
    { header: 'A wins', align: 'right' },
    { header: 'B wins', align: 'right' },
    { header: 'games', align: 'right' },
  ] as const;
  const rows = d.seatings.map((s) => [
    s.aPlays,
    percent(s.aBetterRate),
    percent(s.sameRate),
    percent(s.aWorseRate),
    percent(s.aWinRate),
    percent(s.bWinRate),
    String(s.report.games),
  ]);
  const summary = `How often A's result beat B's (win > draw > loss), with A in each role\n${formatTable(columns, rows)}`;
  const seatings = d.seatings.map((s) =>
    [
      `--- A as ${s.aPlays}: kim ${s.report.policies.kim} vs putin ${s.report.policies.putin}`,
      results(s.report),
      endings(s.report),
    ].join('\n\n'),
  );
  return [title, summary, ...seatings].join('\n\n') + '\n';
}
