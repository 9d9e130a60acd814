// The teacher's class dashboard: what a class did, from the results its students handed in. The
// class and the inputs that did not count (by name), the endings reached by each side, the class's
// choices on every card beside the card's trade-offs and the article's words, every game's meters
// on one chart, the games worth a look (one click from their replay), every game, the trade-offs
// met and never met, and the exports. The figures come from src/classroom's buildDashboard;
// anything from a result (labels, file names, titles) is data, only ever set as text.
// the teacher's screens bring their own styles: they load with these screens, not with the game
// (the debrief's layout first: the dashboard's own rules refine it)
import '../../styles/debrief.css';
import '../../styles/classroom.css';
import { checkSession, encodeSessionCode, type Dashboard } from '../../classroom/index.ts';
import { h } from '../dom.ts';
import { computerWords, PLAN_TEXT, timerWords } from './classSetup.ts';
import {
  JUMPS,
  nextDashboardPage,
  plural,
  sectionId,
  section,
  type DashboardContext,
  type DashboardHandlers,
} from './dashboardParts.ts';
import { endingsSection } from './dashboardEndings.ts';
import { cardsSection } from './dashboardCards.ts';
import { metersSection } from './dashboardChart.ts';
import { gamesSection, unusualSection } from './dashboardGames.ts';
import { tradeoffsSection } from './dashboardTradeoffs.ts';

export type { DashboardContext, DashboardHandlers } from './dashboardParts.ts';

// ---------------------------------------------------------------------------------------------
// The class

function headSection(d: Dashboard, notCounted: number): HTMLElement {
  const session = d.session;
  const checked = session ? checkSession(session) : null;
  const code = checked?.ok ? encodeSessionCode(checked.session) : null;
  const rows: [string, string | Node][] = [['Scenario', d.scenario.title]];
  if (session) {
    if (code) rows.push(['Class code', h('span', { class: 'dash-code' }, code)]);
    rows.push(['Who plays what', PLAN_TEXT[session.roles].name]);
    rows.push(['The computer', computerWords(session)]);
    rows.push(['Turn timer', timerWords(session.turnSeconds)]);
    rows.push(['World', String(session.seed)]);
  }
  const jumps = JUMPS.filter(([key]) => key !== 'not-counted' || notCounted > 0);
  return h(
    'header',
    { class: 'debrief-ending dash-head card-panel' },
    h('p', { class: 'debrief-kicker' }, 'Class dashboard'),
    h('h1', { id: sectionId('title'), tabindex: -1 }, session?.title ?? d.scenario.title),
    h(
      'dl',
      { class: 'dash-session' },
      rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
    ),
    session ? null : h('p', { class: 'muted' }, 'No class session: no result could be read.'),
    h(
      'p',
      { class: 'dash-counted' },
      h('strong', {}, `${plural(d.games.length, 'game')} ${d.games.length === 1 ? 'counts' : 'count'}.`),
      notCounted > 0
        ? [
            ' ',
            h('a', { href: `#${sectionId('not-counted')}` }, `${plural(notCounted, 'result')} did not count`),
            ': each is listed below, by name, with the reason.',
          ]
        : ' Every result loaded counts.',
    ),
    h(
      'nav',
      { class: 'debrief-jump dash-jump', 'aria-label': 'On this page' },
      h(
        'ul',
        {},
        jumps.map(([key, label]) => h('li', {}, h('a', { href: `#${sectionId(key)}` }, label))),
      ),
    ),
  );
}

function problemItem(name: string, tag: string, kind: string, message: string): HTMLElement {
  return h(
    'li',
    { class: `dash-problem dash-problem-${kind}` },
    h(
      'p',
      { class: 'dash-problem-head' },
      h('span', { class: 'dash-problem-name' }, name),
      h('span', { class: 'dash-tag' }, tag),
    ),
    h('p', { class: 'dash-problem-message' }, message),
  );
}

function notCountedSection(ctx: DashboardContext): HTMLElement | null {
  const { errors, duplicates } = ctx.parsed;
  const total = errors.length + duplicates.length;
  if (total === 0) return null;
  return section(
    'not-counted',
    `Not counted (${total})`,
    h(
      'p',
      { class: 'dash-problems-note' },
      h('span', { class: 'dash-warn', 'aria-hidden': 'true' }, '⚠ '),
      'These inputs are left out of every figure on this page. Ask their authors to hand them in again if they should count.',
    ),
    h('ul', { class: 'dash-problems' }, [
      ...errors.map((e) => problemItem(e.name, 'Not counted', 'error', e.message)),
      ...duplicates.map((dup) => problemItem(dup.name, 'A repeat: counted once', 'duplicate', dup.message)),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// What next, and the page

function actionButton(cls: string, label: string, onclick: () => void, primary = false): HTMLElement {
  return h(
    'button',
    { type: 'button', class: `${cls}${primary ? ' primary' : ''}`, onclick: () => onclick() },
    label,
  );
}

function actionsNav(handlers: DashboardHandlers): HTMLElement {
  return h(
    'nav',
    { class: 'debrief-actions dash-actions', 'aria-labelledby': sectionId('next') },
    h('h2', { id: sectionId('next'), class: 'visually-hidden' }, 'What next'),
    actionButton('dash-csv', 'Download the table (CSV)', handlers.onCsv, true),
    actionButton('dash-choices-csv', 'Download the choices (CSV)', handlers.onChoicesCsv),
    actionButton('dash-print', 'Print', handlers.onPrint),
    handlers.onLoadMore ? actionButton('dash-load-more', 'Load more results', handlers.onLoadMore) : null,
    actionButton('dash-back', 'Back to the title', handlers.onBack),
  );
}

export function renderDashboard(
  d: Dashboard,
  ctx: DashboardContext,
  handlers: DashboardHandlers,
): HTMLElement {
  nextDashboardPage();
  const notCounted = ctx.parsed.errors.length + ctx.parsed.duplicates.length;
  return h(
    'div',
    { class: 'page class-dashboard' },
    h(
      'main',
      { class: 'page-inner debrief-inner dash-inner', 'aria-labelledby': sectionId('title') },
      headSection(d, notCounted),
      notCountedSection(ctx),
      endingsSection(d),
      cardsSection(d, ctx),
      metersSection(d, ctx),
      unusualSection(d, handlers),
      gamesSection(d, handlers),
      tradeoffsSection(d),
      actionsNav(handlers),
    ),
  );
}
