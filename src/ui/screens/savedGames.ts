// The title screen's saved games (continue, watch or delete each): loaded only when the browser
// has some (the way in for a replay file is replayFileOpener.ts).
import type { SaveEntry, SaveSummary } from '../../persist/saveList.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES } from './briefing.ts';

export interface SavedGamesHandlers {
  onContinue(id: string): void;
  onWatch(id: string): void;
  onDelete(id: string): void;
}

const LEVEL_WORDS: Record<string, string> = { easy: 'easy', normal: 'normal', hard: 'hard' };

/** "Kim Jong Un against the computer (hard)", "Two players", "The computer against itself". */
export function whoPlayed(save: Pick<SaveSummary, 'seats' | 'computer'>): string {
  const humans = (['kim', 'putin'] as const).filter((r) => save.seats[r] === 'human');
  if (humans.length === 2) return 'Two players, one device';
  if (humans.length === 0) return 'Watching the computer play';
  const rival = humans[0] === 'kim' ? 'putin' : 'kim';
  const level = save.computer?.[rival]?.level;
  return `${ROLE_NAMES[humans[0]!]} against the computer${level ? ` (${LEVEL_WORDS[level] ?? 'unknown level'})` : ''}`;
}

function when(savedAt: string | undefined): string {
  if (!savedAt) return '';
  const date = new Date(savedAt);
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function row(save: SaveEntry, handlers: SavedGamesHandlers): HTMLElement {
  const remove = h(
    'button',
    { type: 'button', class: 'save-delete', onclick: () => handlers.onDelete(save.id) },
    'Delete',
  );
  if (save.damaged !== undefined) {
    remove.setAttribute('aria-label', 'Delete the saved game that cannot be read');
    return h(
      'li',
      { class: 'save damaged' },
      h(
        'div',
        { class: 'save-text' },
        h('strong', {}, 'A saved game that cannot be read'),
        h('span', { class: 'muted small' }, save.damaged),
      ),
      h('div', { class: 'save-buttons' }, remove),
    );
  }
  const over = save.phase === 'over';
  const label = `${save.scenarioTitle}, ${over ? 'finished' : `month ${save.turn}`}`;
  remove.setAttribute('aria-label', `Delete ${label}`);
  const main = over
    ? h(
        'button',
        {
          type: 'button',
          class: 'save-watch',
          onclick: () => handlers.onWatch(save.id),
          'aria-label': `Watch ${label}`,
        },
        'Watch',
      )
    : h(
        'button',
        {
          type: 'button',
          class: 'primary save-continue',
          onclick: () => handlers.onContinue(save.id),
          'aria-label': `Continue ${label}`,
        },
        'Continue',
      );
  return h(
    'li',
    { class: `save${over ? ' finished' : ''}` },
    h(
      'div',
      { class: 'save-text' },
      h('strong', {}, save.scenarioTitle),
      h(
        'span',
        { class: 'muted small' },
        [whoPlayed(save), over ? 'finished' : `month ${save.turn}`, `${save.moves} moves`, when(save.savedAt)]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    h('div', { class: 'save-buttons' }, main, remove),
  );
}

/** The saved games, newest first; nothing when there are none. */
export function savedGamesPanel(saves: SaveEntry[], handlers: SavedGamesHandlers): HTMLElement | null {
  if (saves.length === 0) return null;
  return h(
    'section',
    { class: 'card-panel saved-games', 'aria-labelledby': 'saved-heading' },
    h('h2', { id: 'saved-heading', class: 'panel-heading' }, 'Saved games'),
    h('ul', { class: 'save-list' }, ...saves.map((s) => row(s, handlers))),
  );
}
