// The debrief: how the game ended and why. The ending and its epilogue, objectives met and missed,
// every meter over the months, the timeline of choices (each with its source), the article's
// trade-offs this game played and never touched, the questions for discussion, and what next.
import '../../styles/debrief.css';
import '../../styles/ending.css';
import { content } from '../../bridge/content.ts';
import {
  STAGE_NAMES,
  holds,
  otherRole,
  type ChronicleEntry,
  type EndResult,
  type GameState,
  type Role,
  type Rules,
} from '../../engine/index.ts';
import type { MeterDef, Tradeoff } from '../../scenario/schema.ts';
import { formatNumber, meterChart } from '../charts.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES, openSource, whoName, type SourceItem } from '../source.ts';
import { endingMood } from '../mood.ts';
import { changeChips, entryChoice, entrySource, entryWho } from './debriefEntries.ts';
import { settings } from '../settings.ts';
import { portrait } from '../portraits.ts';

export interface DebriefContext {
  rules: Rules;
  state: GameState;
  /** The roles people played (one against the computer, both in hot-seat). */
  humanRoles: Role[];
  /** 1-based turn → "September 2023". */
  monthLabel: (turn: number) => string;
  onPlayAgain(): void;
  onSwapRole(): void;
  onTitle(): void;
  /** Watch this game move by move; save it as a file; share it as a link. */
  onWatch(): void;
  onDownload(): void;
  onShare(): void;
  /** In a class: the panel to hand in the result, shown right after the ending. */
  handIn?: HTMLElement | null;
}

const ROLE_STATE_NAMES: Record<Role, string> = { kim: 'North Korea', putin: 'Russia' };
const OWNER_NAMES: Record<MeterDef['owner'], string> = {
  dprk: 'North Korea',
  russia: 'Russia',
  shared: 'Shared',
};
const OWNER_COLORS: Record<MeterDef['owner'], string> = {
  dprk: 'var(--kim)',
  russia: 'var(--putin)',
  shared: 'var(--text)',
};
const RESULT_WORDS: Record<EndResult, string> = { win: 'Win', draw: 'Draw', loss: 'Loss' };
const RESULT_ICONS: Record<EndResult, string> = { win: '▲', draw: '■', loss: '▼' };

let counter = 0;

/** A section with an h2 that names it for assistive technology. */
function section(key: string, title: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  const id = `debrief-${key}-${counter}`;
  return h(
    'section',
    { class: `debrief-section debrief-${key}`, 'aria-labelledby': id },
    h('h2', { id }, title),
    ...children,
  );
}

/** A "Source" button whose accessible name says what it is the source of. */
function sourceButton(item: SourceItem, label = 'Source'): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'source-button', onclick: () => openSource(item) },
    label,
    h('span', { class: 'visually-hidden' }, ` for “${item.title}”`),
  );
}

function endingSection(ctx: DebriefContext): HTMLElement {
  const { rules, state } = ctx;
  const reached = state.ending;
  const ending = reached ? rules.endings.get(reached.id) : undefined;
  const headingId = `debrief-title-${counter}`;
  const objectivesId = `debrief-objectives-${counter}`;
  const scenario = rules.scenario;
  const endTurn = reached?.turn ?? state.turn;
  const when = `${ctx.monthLabel(endTurn)} · month ${endTurn} of ${scenario.turns}`;

  const results = scenario.roles.map((role) => {
    const result = reached?.result[role];
    const you = ctx.humanRoles.includes(role);
    return h(
      'li',
      { class: `result role-${role} ${result ? `result-${result}` : ''}` },
      portrait(role, { mood: result ? endingMood(result) : 'strained', className: 'result-face' }),
      h(
        'span',
        { class: 'result-who' },
        ROLE_NAMES[role],
        you ? h('span', { class: 'result-you' }, ' (you)') : null,
      ),
      h(
        'span',
        { class: 'result-badge' },
        h('span', { 'aria-hidden': 'true' }, result ? `${RESULT_ICONS[result]} ` : ''),
        result ? RESULT_WORDS[result] : 'Unfinished',
      ),
    );
  });

  return h(
    'section',
    // the ending's own screen: the first screenful of the debrief, the rest below it
    { class: 'debrief-ending ending-screen card-panel', 'aria-labelledby': headingId },
    h('p', { class: 'debrief-kicker' }, `${scenario.title} · ended ${when}`),
    h('h1', { id: headingId, tabindex: -1 }, ending?.title ?? 'The game is not over yet'),
    h('ul', { class: 'results', 'aria-label': 'Results' }, results),
    ending ? h('p', { class: 'debrief-epilogue' }, ending.epilogue) : null,
    h(
      'div',
      { class: 'debrief-ending-foot' },
      h('p', { class: 'muted' }, `Alliance at the end: ${STAGE_NAMES[state.stage]}.`),
      ending
        ? sourceButton({ title: ending.title, paragraphs: ending.paragraphs, quote: ending.quote }, 'Source')
        : null,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'primary read-debrief',
        onclick: () => {
          const next = document.getElementById(objectivesId);
          next?.scrollIntoView({ behavior: settings().reducedMotion ? 'auto' : 'smooth', block: 'start' });
          next?.setAttribute('tabindex', '-1');
          next?.focus({ preventScroll: true });
        },
      },
      'Read the debrief',
    ),
    h(
      'nav',
      { class: 'debrief-jump', 'aria-label': 'On this page' },
      h(
        'ul',
        {},
        JUMPS.filter(([key]) => key !== 'questions' || scenario.questions.length > 0).map(([key, label]) =>
          h('li', {}, h('a', { href: `#debrief-${key}-${counter}` }, label)),
        ),
      ),
    ),
  );
}

/** The sections, for the "on this page" links. */
const JUMPS = [
  ['objectives', 'Objectives'],
  ['meters', 'Meters'],
  ['timeline', 'Timeline'],
  ['tradeoffs', 'Trade-offs'],
  ['questions', 'Questions'],
  ['next', 'Play again'],
] as const;

function objectivesSection(ctx: DebriefContext): HTMLElement {
  const { rules, state } = ctx;
  const cards = rules.scenario.roles.map((role) => {
    const objectives = rules.objectives[role];
    const possible = objectives.reduce((sum, o) => sum + o.points, 0);
    const you = ctx.humanRoles.includes(role);
    return h(
      'article',
      { class: `objectives card-panel role-${role}`, 'aria-label': `${ROLE_NAMES[role]}: objectives` },
      h(
        'h3',
        {},
        ROLE_NAMES[role],
        h('span', { class: 'muted' }, ` · ${ROLE_STATE_NAMES[role]}`),
        you ? h('span', { class: 'result-you' }, ' (you)') : null,
      ),
      h(
        'p',
        { class: 'score' },
        h('span', { class: 'score-number' }, formatNumber(state.score[role])),
        ` of ${possible} points`,
      ),
      objectives.length === 0
        ? h('p', { class: 'muted' }, 'No objectives for this role.')
        : h(
            'ul',
            { class: 'objective-list' },
            objectives.map((o) => {
              const met = holds(rules, state, o.when);
              return h(
                'li',
                { class: met ? 'objective met' : 'objective missed' },
                h(
                  'span',
                  { class: 'objective-mark' },
                  h('span', { 'aria-hidden': 'true' }, met ? '✓ ' : '✗ '),
                  met ? 'Met' : 'Missed',
                ),
                h('span', { class: 'objective-text' }, o.text),
                h(
                  'span',
                  { class: 'objective-points muted' },
                  `${o.points} ${o.points === 1 ? 'point' : 'points'}`,
                ),
              );
            }),
          ),
    );
  });
  return section('objectives', 'Objectives and final score', h('div', { class: 'objectives-grid' }, cards));
}

/** x-axis labels for the timeline: the start of each month, then the end of the game. */
/** "September 2023" → "Sep 2023", "End of game" → "End": axis labels for small charts. */
function shortLabel(label: string): string {
  if (label === 'End of game') return 'End';
  return label.replace(/^(\p{L}{3})\p{L}*\s+(\d{4})$/u, '$1 $2');
}

function timelineLabels(ctx: DebriefContext): string[] {
  const { state } = ctx;
  return state.timeline.map((_, i) =>
    state.phase === 'over' && i === state.timeline.length - 1 ? 'End of game' : ctx.monthLabel(i + 1),
  );
}

function metersSection(ctx: DebriefContext): HTMLElement {
  const { rules, state } = ctx;
  const xLabels = timelineLabels(ctx);
  const xAxisLabels = xLabels.map(shortLabel);
  const groups = (['dprk', 'russia', 'shared'] as const)
    .map((owner) => {
      const ids = rules.meterIds.filter((id) => rules.meters.get(id)!.owner === owner);
      if (ids.length === 0) return null;
      const charts = ids.map((id) => {
        const def = rules.meters.get(id)!;
        return meterChart({
          title: def.label,
          series: [
            {
              label: def.label,
              values: state.timeline.map((t) => t[id] ?? Number.NaN),
              color: OWNER_COLORS[owner],
            },
          ],
          min: def.min,
          max: def.max,
          danger: def.danger,
          xLabels,
          xAxisLabels,
        });
      });
      return h(
        'div',
        { class: `meter-group meter-group-${owner}` },
        h('h3', {}, OWNER_NAMES[owner]),
        h('div', { class: 'chart-grid' }, charts),
      );
    })
    .filter((g) => g !== null);
  return section(
    'meters',
    'The meters, month by month',
    h(
      'p',
      { class: 'muted' },
      'Each point is a meter at the start of a month; the last is where the game ended. Hatched bands are danger zones: a meter can fail at either end.',
    ),
    groups,
  );
}

function timelineSection(ctx: DebriefContext): HTMLElement {
  const { rules, state } = ctx;
  const byTurn = new Map<number, ChronicleEntry[]>();
  for (const entry of state.chronicle) {
    const list = byTurn.get(entry.turn) ?? [];
    list.push(entry);
    byTurn.set(entry.turn, list);
  }
  const months = [...byTurn.entries()].map(([turn, entries]) =>
    h(
      'li',
      { class: 'timeline-month' },
      h('h3', {}, ctx.monthLabel(turn)),
      h(
        'ol',
        { class: 'timeline-entries' },
        entries.map((entry) => {
          const source = entrySource(rules, entry);
          const side = entry.role
            ? `role-${entry.role}`
            : entry.kind === 'ending'
              ? 'entry-ending'
              : 'entry-world';
          const choice = entryChoice(rules, entry);
          return h(
            'li',
            { class: `timeline-entry kind-${entry.kind} ${side}` },
            h(
              'div',
              { class: 'entry-main' },
              h(
                'p',
                { class: 'entry-head' },
                h('span', { class: 'entry-who' }, entryWho(entry)),
                h('span', { class: 'visually-hidden' }, ': '),
                h('span', { class: 'entry-title' }, entry.title),
                source ? sourceButton(source) : null,
              ),
              choice ? h('p', { class: 'entry-choice' }, choice) : null,
              entry.text ? h('p', { class: 'entry-text' }, entry.text) : null,
            ),
            h('div', { class: 'entry-side' }, changeChips(rules, entry)),
          );
        }),
      ),
    ),
  );
  return section(
    'timeline',
    'Timeline of choices',
    months.length === 0
      ? h('p', { class: 'muted' }, 'Nothing happened.')
      : h('ol', { class: 'timeline' }, months),
  );
}

/** The catalogue split into the trade-offs this game played (through the cards played) and the rest. */
export function tradeoffsExplored(
  rules: Rules,
  state: GameState,
  catalogue: readonly Tradeoff[],
): { played: { tradeoff: Tradeoff; cards: string[] }[]; untouched: Tradeoff[] } {
  const via = new Map<string, string[]>();
  for (const [cardId, times] of Object.entries(state.played)) {
    const card = rules.cards.get(cardId);
    if (!card || times <= 0) continue;
    for (const t of card.tradeoffs) {
      const cards = via.get(t) ?? [];
      if (!cards.includes(card.title)) cards.push(card.title);
      via.set(t, cards);
    }
  }
  const played = catalogue
    .filter((t) => via.has(t.id))
    .map((tradeoff) => ({ tradeoff, cards: via.get(tradeoff.id)! }));
  const untouched = catalogue.filter((t) => !via.has(t.id));
  return { played, untouched };
}

/** "shells-for-money" → "Shells for money". */
function tradeoffName(tradeoff: Tradeoff): string {
  const words = tradeoff.id.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function tradeoffItem(tradeoff: Tradeoff, cards: string[] | null): HTMLElement {
  return h(
    'li',
    { class: 'tradeoff' },
    h('p', { class: 'tradeoff-statement' }, tradeoff.statement),
    h(
      'div',
      { class: 'tradeoff-foot' },
      h(
        'p',
        { class: 'muted' },
        `Faced by ${whoName(tradeoff.faces)}`,
        cards ? ` · played through ${cards.map((c) => `“${c}”`).join(', ')}` : null,
      ),
      sourceButton(
        { title: tradeoffName(tradeoff), paragraphs: tradeoff.paragraphs, tradeoffs: [tradeoff.id] },
        'In the article',
      ),
    ),
  );
}

function tradeoffsSection(ctx: DebriefContext): HTMLElement {
  const catalogue = content.tradeoffs;
  const { played, untouched } = tradeoffsExplored(ctx.rules, ctx.state, catalogue);
  return section(
    'tradeoffs',
    'The article’s trade-offs',
    h(
      'p',
      { class: 'muted' },
      `This game played ${played.length} of the ${catalogue.length} trade-offs that “${content.article.title}” describes.`,
    ),
    h(
      'div',
      { class: 'tradeoff-columns' },
      h(
        'div',
        { class: 'tradeoffs-played' },
        h('h3', {}, `Played in this game (${played.length})`),
        played.length === 0
          ? h('p', { class: 'muted' }, 'None.')
          : h(
              'ul',
              { class: 'tradeoff-list' },
              played.map((p) => tradeoffItem(p.tradeoff, p.cards)),
            ),
      ),
      h(
        'div',
        { class: 'tradeoffs-untouched' },
        h('h3', {}, `Never touched (${untouched.length})`),
        untouched.length === 0
          ? h('p', { class: 'muted' }, 'None: this game touched them all.')
          : h(
              'ul',
              { class: 'tradeoff-list' },
              untouched.map((t) => tradeoffItem(t, null)),
            ),
      ),
    ),
  );
}

function questionsSection(ctx: DebriefContext): HTMLElement | null {
  const questions = ctx.rules.scenario.questions;
  if (questions.length === 0) return null;
  return section(
    'questions',
    'Questions for discussion',
    h(
      'ol',
      { class: 'questions' },
      questions.map((q) => h('li', {}, q)),
    ),
  );
}

function actionsSection(ctx: DebriefContext): HTMLElement {
  const roles = ctx.rules.scenario.roles;
  let swap: HTMLButtonElement | null = null;
  if (roles.length === 2) {
    const label =
      ctx.humanRoles.length === 1
        ? `Play as ${ROLE_NAMES[otherRole(ctx.humanRoles[0]!)]}`
        : ctx.humanRoles.length === 2
          ? 'Swap sides'
          : 'Play as the other side';
    swap = h('button', { type: 'button', class: 'debrief-swap', onclick: () => ctx.onSwapRole() }, label);
  }
  const id = `debrief-next-${counter}`;
  return h(
    'nav',
    { class: 'debrief-actions', 'aria-labelledby': id },
    h('h2', { id, class: 'visually-hidden' }, 'What next'),
    h(
      'button',
      { type: 'button', class: 'primary debrief-again', onclick: () => ctx.onPlayAgain() },
      'Play again',
    ),
    swap,
    h('button', { type: 'button', class: 'debrief-watch', onclick: () => ctx.onWatch() }, 'Watch the replay'),
    h(
      'button',
      { type: 'button', class: 'debrief-download', onclick: () => ctx.onDownload() },
      'Save as a file',
    ),
    h('button', { type: 'button', class: 'debrief-share', onclick: () => ctx.onShare() }, 'Share a link'),
    h(
      'button',
      { type: 'button', class: 'debrief-title-button', onclick: () => ctx.onTitle() },
      'Back to title',
    ),
  );
}

export function renderDebrief(ctx: DebriefContext): HTMLElement {
  counter++;
  return h(
    'div',
    { class: 'page debrief' },
    h(
      'main',
      { class: 'page-inner debrief-inner' },
      endingSection(ctx),
      ctx.handIn ?? null,
      objectivesSection(ctx),
      metersSection(ctx),
      timelineSection(ctx),
      tradeoffsSection(ctx),
      questionsSection(ctx),
      actionsSection(ctx),
    ),
  );
}
