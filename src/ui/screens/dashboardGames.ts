// The class dashboard: the games worth a look (one click from their replay) and every game.
import { type Dashboard, type Side, type UnusualGame, type UnusualReason } from '../../classroom/index.ts';
import { formatNumber } from '../charts.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES } from '../source.ts';
import {
  percent,
  plural,
  section,
  SIDE_NAMES,
  SIDE_SHORT,
  watchButton,
  type DashboardHandlers,
} from './dashboardParts.ts';

// ---------------------------------------------------------------------------------------------
// Games worth a look, and every game

export function reasonWords(side: Side, reason: UnusualReason): string {
  switch (reason.kind) {
    case 'rare-ending': {
      const few = `only ${reason.count} of the ${plural(reason.games, 'game')} played as ${SIDE_NAMES[side]} (${percent(reason.share)})`;
      return reason.ending === null
        ? `Handed in before the game ended, like ${few}.`
        : `Reached “${reason.title}”, as ${few} did.`;
    }
    case 'far-score':
      return `${ROLE_NAMES[reason.role]} scored ${formatNumber(reason.score)} points, ${formatNumber(reason.distance)} from the class’s median of ${formatNumber(reason.median)} (${formatNumber(reason.threshold)} or more stands out).`;
  }
}

export function unusualItem(u: UnusualGame, handlers: DashboardHandlers): HTMLElement {
  return h(
    'li',
    { class: 'dash-unusual-game', 'data-game': u.game },
    h(
      'div',
      { class: 'dash-unusual-main' },
      h('h3', {}, u.label),
      h(
        'p',
        { class: 'muted' },
        `Played as ${SIDE_NAMES[u.side]} · `,
        h('span', { class: 'dash-file' }, u.name),
      ),
      h(
        'ul',
        { class: 'dash-reasons' },
        u.reasons.map((r) => h('li', {}, reasonWords(u.side, r))),
      ),
    ),
    watchButton('Watch the replay', u, handlers),
  );
}

export function unusualSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  return section(
    'unusual',
    'Games worth a look',
    h(
      'p',
      { class: 'muted' },
      'Games that reached an ending few others reached, or whose score lies far from the class’s.',
    ),
    d.unusual.length === 0
      ? h('p', {}, 'None: no game stands out from the others.')
      : h(
          'ul',
          { class: 'dash-unusual-list' },
          d.unusual.map((u) => unusualItem(u, handlers)),
        ),
  );
}

export function gamesSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  return section(
    'games',
    'Every game',
    h(
      'div',
      { class: 'dash-scroll' },
      h(
        'table',
        { class: 'dash-table dash-games-table' },
        h('caption', { class: 'visually-hidden' }, 'Every game counted, in the order loaded'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Student or team'),
            h('th', { scope: 'col' }, 'Played as'),
            h('th', { scope: 'col' }, 'Ending'),
            h('th', { scope: 'col', class: 'dash-num' }, 'Kim’s points'),
            h('th', { scope: 'col', class: 'dash-num' }, 'Putin’s points'),
            h('th', { scope: 'col', class: 'dash-num' }, 'Months'),
            h('th', { scope: 'col' }, 'From'),
            h(
              'th',
              { scope: 'col', class: 'dash-no-print' },
              h('span', { class: 'visually-hidden' }, 'Replay'),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          d.games.map((g) =>
            h(
              'tr',
              { 'data-game': g.index },
              h('th', { scope: 'row' }, g.label),
              h('td', { class: 'dash-side' }, SIDE_SHORT[g.side]),
              h('td', {}, g.ending?.title ?? 'Not finished'),
              h('td', { class: 'dash-num' }, formatNumber(g.score.kim)),
              h('td', { class: 'dash-num' }, formatNumber(g.score.putin)),
              h('td', { class: 'dash-num' }, String(g.months)),
              h('td', { class: 'dash-file' }, g.name),
              h(
                'td',
                { class: 'dash-no-print' },
                watchButton('Watch', { game: g.index, label: g.label }, handlers),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
