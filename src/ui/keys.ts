// Keyboard shortcuts: each screen declares its own; "?" lists them. Tab, Enter and Space work
// everywhere through ordinary buttons, so shortcuts only ever add speed, never access.

export interface KeyBinding {
  /** KeyboardEvent.key values that trigger it, e.g. ["1"] or ["ArrowRight"]. */
  keys: string[];
  /** Shown in the help overlay, e.g. "1 2 3". */
  shown: string;
  action: string;
  run: () => void;
}

let bindings: KeyBinding[] = [];
let helpOpener: ((list: { keys: string; action: string }[]) => void) | null = null;

const GLOBAL: { keys: string; action: string }[] = [
  { keys: 'Tab / Shift+Tab', action: 'Move between buttons' },
  { keys: 'Enter / Space', action: 'Press the focused button' },
  { keys: 'Esc', action: 'Close a window' },
  { keys: '?', action: 'This list of keys' },
];

export function setKeymap(list: KeyBinding[]): void {
  bindings = list;
}

export function helpEntries(): { keys: string; action: string }[] {
  return [...bindings.map((b) => ({ keys: b.shown, action: b.action })), ...GLOBAL];
}

export function installKeys(openHelp: (list: { keys: string; action: string }[]) => void): void {
  helpOpener = openHelp;
  window.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (
      target &&
      (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')
    )
      return;
    if (document.querySelector('dialog[open]')) return; // a window has the keyboard
    // Enter and Space on a focused control press that control, not a shortcut
    if (
      (event.key === 'Enter' || event.key === ' ') &&
      target?.closest('button, a, summary, [role="button"]')
    )
      return;
    if (event.key === '?') {
      event.preventDefault();
      helpOpener?.(helpEntries());
      return;
    }
    const binding = bindings.find((b) => b.keys.includes(event.key));
    if (binding) {
      event.preventDefault();
      binding.run();
    }
  });
}
