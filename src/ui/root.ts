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

let notice: HTMLElement | null = null;

/**
 * Shows a message that stays above every screen until dismissed (a save that failed, say): it
 * interrupts nothing, and a screen reader hears it once.
 */
export function showNotice(message: string): void {
  notice?.remove();
  const close = h('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss' }, '×');
  const box = h('div', { class: 'notice', role: 'alert' }, h('p', {}, message), close);
  close.addEventListener('click', () => {
    box.remove();
    if (notice === box) notice = null;
  });
  notice = box;
  document.body.append(box);
}
