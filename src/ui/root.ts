// The HTML layer over the canvas: one screen at a time, a live region for announcements.
import { h } from './dom.ts';

let ui: HTMLElement;
let live: HTMLElement;

export function createRoot(): void {
  ui = document.getElementById('ui')!;
  live = h('div', { id: 'live', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  document.body.append(live);
}

/** Replaces the current screen; focus moves to the screen's first heading so a reader hears it. */
export function showScreen(screen: HTMLElement): void {
  ui.replaceChildren(screen);
  const heading = screen.querySelector<HTMLElement>('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

export function clearScreen(): void {
  ui.replaceChildren();
}

/** Says something through the live region (news, outcomes, the computer's move). */
export function announce(message: string): void {
  live.textContent = '';
  // a fresh text node in a later frame makes screen readers announce repeated messages too
  requestAnimationFrame(() => (live.textContent = message));
}
