// The dashboard as CSV (RFC 4180: a header line, CRLF line ends, fields with a comma, a quote or a
// line break in double quotes, quotes doubled). Text that came from students or the scenario and
// starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so that a
// spreadsheet shows it as text instead of running it as a formula.
import { ROLES } from '../engine/index.ts';
import type { Dashboard } from './dashboard.ts';

type Cell = string | number | null;

/** Text that a spreadsheet would read as a formula, made plain text with a leading apostrophe. */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: Cell): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : inertText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function table(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(field).join(',') + '\r\n').join('');
}

/** One row per game: who, how it ended, each role's result and score, and every meter at the end. */
export function toCsv(d: Dashboard): string {
  const header = [
    'label',
    'file',
    'side',
    'ending_id',
    'ending_title',
    'finished',
    ...ROLES.map((r) => `result_${r}`),
    ...ROLES.map((r) => `score_${r}`),
    'months',
    'moves',
    ...d.meters.map((m) => m.id),
  ];
  const rows = d.games.map((g) => [
    g.label,
    g.name,
    g.side,
    g.ending?.id ?? null,
    g.ending?.title ?? null,
    g.ending ? 'yes' : 'no',
    ...ROLES.map((r) => g.ending?.result[r] ?? null),
    ...ROLES.map((r) => g.score[r]),
    g.months,
    g.moves,
    ...d.meters.map((m) => g.final[m.id] ?? null),
  ]);
  return table([header, ...rows]);
}

/** One row per option of every card: how often students and the computer chose it. */
export function choicesCsv(d: Dashboard): string {
  const header = [
    'card_id',
    'card_title',
    'card_role',
    'option_id',
    'option_label',
    'chosen_by_students',
    'chosen_by_computer',
    'card_dealt_in_games',
    'card_chosen_in_games',
    'tradeoffs',
    'paragraphs',
  ];
  const rows = d.cards.flatMap((c) =>
    c.options.map((o) => [
      c.card,
      c.title,
      c.role,
      o.option,
      o.label,
      o.students,
      o.computer,
      c.dealtIn,
      c.chosenIn,
      c.tradeoffs.map((t) => t.id).join(' '),
      c.paragraphs.join(' '),
    ]),
  );
  return table([header, ...rows]);
}
