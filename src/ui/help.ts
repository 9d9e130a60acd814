// The help overlay: the keyboard shortcuts, as a table a screen reader can walk.
import { h } from './dom.ts';
import { openModal } from './modal.ts';

export interface KeyHelp {
  /** e.g. "1 / 2 / 3", "Shift+Tab", "Esc". */
  keys: string;
  action: string;
}

/** "Ctrl+S / Esc" → <kbd>Ctrl</kbd>+<kbd>S</kbd> or <kbd>Esc</kbd>. */
export function keysMarkup(keys: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  keys
    .split(/\s+(?:\/|or)\s+/)
    .filter((alt) => alt.length > 0)
    .forEach((alternative, i) => {
      if (i > 0) out.push(' or ');
      alternative.split(/(?<=.)\+(?=.)/).forEach((key, j) => {
        if (j > 0) out.push('+');
        out.push(h('kbd', {}, key.trim()));
      });
    });
  return out;
}

export function openHelp(keys: { keys: string; action: string }[]): void {
  const body = h(
    'div',
    { class: 'help' },
    h('p', { class: 'muted' }, 'Everything in the game works from the keyboard.'),
    h(
      'table',
      { class: 'help-keys' },
      h('caption', { class: 'visually-hidden' }, 'Keyboard shortcuts'),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, 'What they do')),
      ),
      h(
        'tbody',
        {},
        keys.map((k) => h('tr', {}, h('th', { scope: 'row' }, keysMarkup(k.keys)), h('td', {}, k.action))),
      ),
    ),
  );
  openModal({ title: 'Keyboard shortcuts', body, className: 'help-dialog' });
}
