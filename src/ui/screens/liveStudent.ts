// A student's screens in a live class: waiting for the teacher or a partner, and, above whatever
// screen shows, the connection banner ("Connection lost — your moves will wait") and the
// "Paused by your teacher" cover. The cover makes the game inert until play resumes.
import '../../styles/live.css';
import type { Role } from '../../engine/index.ts';
import { h } from '../dom.ts';
import { ROLE_NAMES } from './briefing.ts';

export interface WaitingContext {
  name: string;
  role: Role;
  scenarioTitle: string;
  classTitle: string | null;
  /** 'waiting-start': the teacher has not started; 'waiting-partner': a pair without a partner yet. */
  status: 'waiting-start' | 'waiting-partner' | 'connecting';
  partner: string | null;
  onLeave(): void;
}

const WAITING_WORDS: Record<WaitingContext['status'], [string, string]> = {
  connecting: ['Joining the class…', 'Connecting to the class server.'],
  'waiting-start': [
    'Waiting for your teacher',
    'The game begins when your teacher starts the class. Keep this page open.',
  ],
  'waiting-partner': [
    'Waiting for your partner',
    'You play against a classmate on their own device. The game begins as soon as your partner joins.',
  ],
};

/** The screen before the game begins. */
export function renderWaiting(ctx: WaitingContext): HTMLElement {
  const [heading, line] = WAITING_WORDS[ctx.status];
  return h(
    'div',
    { class: 'page live-waiting-page' },
    h(
      'main',
      { class: 'page-inner live-waiting' },
      h('p', { class: 'eyebrow' }, ctx.classTitle ? `${ctx.classTitle} · live class` : 'Live class'),
      h('h1', {}, heading),
      h('p', { class: 'lede live-waiting-line', role: 'status' }, line),
      h('span', { class: 'live-dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      h(
        'dl',
        { class: 'card-panel live-who' },
        h('div', {}, h('dt', {}, 'Scenario'), h('dd', {}, ctx.scenarioTitle)),
        h('div', {}, h('dt', {}, 'You'), h('dd', {}, ctx.name)),
        h(
          'div',
          { class: `role-${ctx.role}` },
          h('dt', {}, 'You play'),
          h('dd', { class: 'live-role' }, ROLE_NAMES[ctx.role]),
        ),
        ctx.partner ? h('div', {}, h('dt', {}, 'Your partner'), h('dd', {}, ctx.partner)) : null,
      ),
      h(
        'p',
        {},
        h('button', { type: 'button', class: 'live-leave', onclick: ctx.onLeave }, 'Leave the class'),
      ),
    ),
  );
}

/** A live class that cannot be opened (a damaged link, a code the server no longer knows): why, and the way back. */
export function cannotOpenPage(heading: string, message: string, onBack: () => void): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h(
      'main',
      { class: 'page-inner' },
      h('h1', {}, heading),
      h('p', { role: 'alert' }, message),
      h('button', { type: 'button', class: 'primary live-back', onclick: onBack }, 'Back to the title'),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Above every screen

let banner: HTMLElement | null = null;
let bannerTimer: ReturnType<typeof setTimeout> | null = null;

/** The connection banner: shown while the connection is down, and briefly once it is back. */
export function showConnection(state: 'lost' | 'back' | 'none', detail: string | null = null): void {
  if (bannerTimer) clearTimeout(bannerTimer);
  bannerTimer = null;
  banner?.remove();
  banner = null;
  if (state === 'none') return;
  const lost = state === 'lost';
  banner = h(
    'div',
    {
      class: `live-banner ${lost ? 'live-banner-lost' : 'live-banner-back'}`,
      role: lost ? 'alert' : 'status',
    },
    h(
      'p',
      {},
      lost
        ? h('strong', {}, 'Connection lost — your moves will wait. ')
        : h('strong', {}, 'Connected again. '),
      lost ? `Trying again…${detail ? ` (${detail})` : ''}` : 'Play on.',
    ),
  );
  document.body.append(banner);
  if (!lost) bannerTimer = setTimeout(() => showConnection('none'), 3000);
}

let cover: HTMLElement | null = null;
/** What had the focus when the cover came: it gets it back when play resumes. */
let focusBefore: HTMLElement | null = null;

/** "Paused by your teacher": the game is inert beneath until `showPaused(false)`. */
export function showPaused(paused: boolean): void {
  const ui = document.getElementById('ui');
  if (!paused) {
    if (!cover) return;
    cover.remove();
    cover = null;
    if (ui) ui.inert = false;
    if (focusBefore?.isConnected) focusBefore.focus();
    focusBefore = null;
    return;
  }
  if (cover) return;
  const heading = h('h2', { id: 'live-paused-heading', tabindex: -1 }, 'Paused by your teacher');
  cover = h(
    'div',
    {
      class: 'live-paused',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'live-paused-heading',
    },
    h(
      'div',
      { class: 'live-paused-box' },
      heading,
      h('p', {}, 'Every game of the class waits. Yours goes on from here when your teacher resumes.'),
    ),
  );
  focusBefore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  if (ui) ui.inert = true;
  document.body.append(cover);
  heading.focus();
}

let sending: HTMLElement | null = null;
let sendingTimer: ReturnType<typeof setTimeout> | null = null;

/** "Sending your move…", if the server takes a moment to answer (nothing for a quick answer). */
export function showSending(on: boolean): void {
  if (sendingTimer) clearTimeout(sendingTimer);
  sendingTimer = null;
  sending?.remove();
  sending = null;
  if (!on) return;
  sendingTimer = setTimeout(() => {
    sending = h('p', { class: 'live-sending', role: 'status' }, 'Sending your move…');
    document.body.append(sending);
  }, 400);
}

/** Takes every live overlay away (the student left the live game). */
export function clearLiveOverlays(): void {
  showConnection('none');
  showPaused(false);
  showSending(false);
}
