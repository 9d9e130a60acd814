// The class dashboard's shared pieces: its context and handlers, section headings and ids, words
// for sides and results, share bars, and the button that opens a game's replay.
import { type DuplicateResult, type ResultError, type Side } from '../../classroom/index.ts';
import type { EndResult, Role } from '../../engine/index.ts';
import type { Paragraph } from '../../scenario/schema.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES } from '../source.ts';

export interface DashboardContext {
  /** What parseResults set aside: each input that did not count, by name, and why. */
  parsed: { errors: readonly ResultError[]; duplicates: readonly DuplicateResult[] };
  /** The article's paragraph by id ("p07"). */
  paragraph(id: string): Paragraph | undefined;
  /** 1-based month of the scenario → "September 2023". */
  monthLabel(turn: number): string;
}

export interface DashboardHandlers {
  /** Open game `gameIndex` (its index in Dashboard.games) in the replay viewer. */
  onWatch(gameIndex: number): void;
  onCsv(): void;
  onChoicesCsv(): void;
  onPrint(): void;
  /** Read more handed-in results (absent where the results come by themselves: a live class). */
  onLoadMore?(): void;
  onBack(): void;
}

export const SIDE_NAMES: Record<Side, string> = {
  kim: 'Kim Jong Un',
  putin: 'Vladimir Putin',
  both: 'both sides (in pairs)',
};
export const SIDE_SHORT: Record<Side, string> = { kim: 'Kim', putin: 'Putin', both: 'Both (a pair)' };
const RESULT_VERBS: Record<EndResult, string> = { win: 'wins', draw: 'draws', loss: 'loses' };

/** The page's sections, for the jump links: key and link text. */
export const JUMPS = [
  ['not-counted', 'Not counted'],
  ['endings', 'Endings'],
  ['cards', 'Choices'],
  ['meters', 'Meters'],
  ['unusual', 'Worth a look'],
  ['games', 'Every game'],
  ['tradeoffs', 'Trade-offs'],
] as const;
export type SectionKey = (typeof JUMPS)[number][0];

let counter = 0;

/** A new dashboard page: its ids differ from the last one's (the old page may still be in the document). */
export function nextDashboardPage(): void {
  counter++;
}

/** The current page's number, for ids. */
export function dashboardPage(): number {
  return counter;
}

export const sectionId = (key: SectionKey | 'title' | 'next'): string => `dashboard-${key}-${counter}`;

export function section(key: SectionKey, title: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h(
    'section',
    { class: `debrief-section dash-section dash-${key}`, 'aria-labelledby': sectionId(key) },
    h('h2', { id: sectionId(key) }, title),
    ...children,
  );
}

/** 0.416 → "42%". */
export function percent(part: number): string {
  return `${Math.round(part * 100)}%`;
}

/** "1 game", "3 games". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A share as a bar (for the eye; the number beside it says the same). */
export function shareCell(part: number): HTMLElement {
  return h(
    'td',
    { class: 'dash-share' },
    h(
      'span',
      { class: 'dash-bar', 'aria-hidden': 'true' },
      h('span', {
        class: 'dash-bar-fill',
        style: `width: ${(Math.min(1, Math.max(0, part)) * 100).toFixed(1)}%`,
      }),
    ),
    h('span', { class: 'dash-share-number' }, percent(part)),
  );
}

/** "Kim Jong Un wins, Vladimir Putin loses." */
export function resultWords(result: Record<Role, EndResult>): string {
  return (Object.keys(result) as Role[])
    .map((role) => `${ROLE_NAMES[role]} ${RESULT_VERBS[result[role]]}`)
    .join(', ');
}

/** "shells-for-money" → "Shells for money": a trade-off's name when the catalogue has no words for it. */
export function tradeoffWords(t: { id: string; statement: string | null }): string {
  if (t.statement) return t.statement;
  const words = t.id.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A button whose visible words are `label`, and whose accessible name also says which game. */
export function watchButton(
  label: string,
  game: { game: number; label: string },
  handlers: DashboardHandlers,
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'dash-watch',
      'data-game': game.game,
      onclick: () => handlers.onWatch(game.game),
    },
    label,
    h('span', { class: 'visually-hidden' }, ` of “${game.label}”`),
  );
}
