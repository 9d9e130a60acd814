// The class dashboard: the endings reached, by the side the students played, with their scores.
import { type Dashboard, type EndingTable } from '../../classroom/index.ts';
import { formatNumber } from '../charts.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES } from '../source.ts';
import { plural, resultWords, section, shareCell, SIDE_NAMES } from './dashboardParts.ts';

// ---------------------------------------------------------------------------------------------
// Endings

export function endingTable(d: Dashboard, table: EndingTable): HTMLElement {
  const scores = d.scores.filter((s) => s.side === table.side && s.games > 0);
  return h(
    'div',
    { class: 'dash-ending-table', 'data-side': table.side },
    h('h3', {}, `Played as ${SIDE_NAMES[table.side]}: ${plural(table.games, 'game')}`),
    h(
      'table',
      { class: 'dash-table' },
      h('caption', { class: 'visually-hidden' }, `Endings reached, played as ${SIDE_NAMES[table.side]}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Ending'),
          h('th', { scope: 'col' }, 'What it means'),
          h('th', { scope: 'col', class: 'dash-num' }, 'Games'),
          h('th', { scope: 'col' }, 'Share'),
        ),
      ),
      h(
        'tbody',
        {},
        table.rows.map((row) =>
          h(
            'tr',
            { class: row.count === 0 ? 'dash-none' : row.ending === null ? 'dash-open' : null },
            h('th', { scope: 'row' }, row.title),
            h('td', {}, row.result ? resultWords(row.result) : 'Handed in before the game ended'),
            h('td', { class: 'dash-num dash-count' }, String(row.count)),
            shareCell(row.share),
          ),
        ),
      ),
    ),
    scores.length > 0
      ? h(
          'p',
          { class: 'dash-scores muted' },
          'Scores of the finished games (points from objectives met): ',
          scores
            .map(
              (s) =>
                `${ROLE_NAMES[s.role]}, median ${formatNumber(s.median)} of ${s.maxPoints} (over ${plural(s.games, 'game')})`,
            )
            .join('; '),
          '.',
        )
      : null,
  );
}

export function endingsSection(d: Dashboard): HTMLElement {
  return section(
    'endings',
    'Endings reached',
    d.endings.length === 0
      ? h('p', { class: 'muted' }, 'No game was counted.')
      : h(
          'div',
          { class: 'dash-ending-tables' },
          d.endings.map((t) => endingTable(d, t)),
        ),
  );
}
