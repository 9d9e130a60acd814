// Plain-text tables with aligned columns, for terminal reports.

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** Renders rows under their headers; numbers should already be formatted as strings. */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  indent = '  ',
): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent +
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        return (c.align ?? 'left') === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
}

export function percent(x: number | null, digits = 1): string {
  return x === null ? '–' : `${(100 * x).toFixed(digits)}%`;
}

/** A signed difference of rates in percentage points, e.g. "+12.5 pp". */
export function points(x: number | null): string {
  if (x === null) return '–';
  const shown = Math.abs(100 * x).toFixed(1);
  const sign = Number(shown) === 0 ? '±' : x > 0 ? '+' : '−';
  return `${sign}${shown} pp`;
}

export function fixed(x: number | null, digits = 1): string {
  return x === null ? '–' : x.toFixed(digits);
}
