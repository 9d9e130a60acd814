// The teacher's live view: the join code for the board with its QR code and link, the private
// teacher link, the class's controls (start, pause / resume, end, CSV), who has joined — each
// student's side, month and status, the ending once finished, a way to remove them — and below,
// the class dashboard as games finish. Names come from students: only ever set as text.
import '../../styles/live.css';
import type { RosterEntry, RosterMessage } from '../../live/protocol.ts';
import { h } from '../dom.ts';
import { openModal } from '../modal.ts';
import { qrCode } from '../qr.ts';
import { ROLE_NAMES } from './briefing.ts';
import { codeBlock } from './classSetup.ts';

export interface LiveTeacherContext {
  /** "ABCD-EFGH" */
  joinCode: string;
  /** The link students open (it fills in the code). */
  joinLink: string;
  /** This view's own link, with the teacher's secret. */
  teacherLink: string;
  classTitle: string;
  scenarioTitle: string;
  /** When the server deletes the session unless it is ended first. */
  expires: string;
  /** A pair plan: students play each other, not the computer. */
  pairs: boolean;
  /** An ending's title, by its id. */
  endingTitle(id: string): string;
  onStart(): void;
  onPause(): void;
  onResume(): void;
  onEnd(): void;
  onRemove(studentId: string): void;
  onCsv(): void;
  onCopy(text: string): void;
  onBack(): void;
}

export interface LiveTeacherView {
  element: HTMLElement;
  setRoster(roster: RosterMessage): void;
  /** The dashboard of the finished games (null: none yet). */
  setDashboard(dashboard: HTMLElement | null, finished: number): void;
  setConnection(text: string | null): void;
  /** The class is over: the controls go, the dashboard stays. */
  ended(): void;
}

const STATUS_WORDS: Record<RosterEntry['status'], string> = {
  waiting: 'Waiting',
  playing: 'Playing',
  finished: 'Finished',
  disconnected: 'Disconnected',
  removed: 'Removed',
};

function copyRow(id: string, label: string, value: string, onCopy: (text: string) => void): HTMLElement {
  const field = h('input', {
    type: 'text',
    id,
    class: 'class-link',
    readonly: true,
    spellcheck: false,
    'aria-label': label,
  });
  field.value = value;
  field.addEventListener('focus', () => field.select());
  return h(
    'div',
    { class: 'class-link-row' },
    field,
    h(
      'button',
      {
        type: 'button',
        class: 'class-copy',
        onclick: () => {
          field.select();
          onCopy(value);
        },
      },
      'Copy',
      h('span', { class: 'visually-hidden' }, ` the ${label.toLowerCase()}`),
    ),
  );
}

function confirm(title: string, text: string, yes: string, run: () => void): void {
  const modal = openModal({
    title,
    body: h('p', {}, text),
    actions: [
      {
        label: yes,
        primary: true,
        onClick: () => {
          modal.close();
          run();
        },
      },
    ],
    closeLabel: 'Cancel',
  });
}

export function renderLiveTeacher(ctx: LiveTeacherContext): LiveTeacherView {
  const qrSlot = h('div', { class: 'live-qr live-qr-empty' }, 'QR code…');
  void qrCode(ctx.joinLink, `QR code of the join link, ${ctx.joinLink}`).then(
    (image) => {
      qrSlot.classList.remove('live-qr-empty');
      qrSlot.replaceChildren(image);
    },
    () => (qrSlot.textContent = 'No QR code: use the link.'),
  );
  const stateLine = h('p', { class: 'live-state', role: 'status' }, 'Connecting…');
  const connection = h('p', { class: 'field-error', role: 'alert' });
  const start = h(
    'button',
    { type: 'button', class: 'primary live-start', onclick: ctx.onStart },
    'Start the class',
  );
  const pause = h('button', { type: 'button', class: 'live-pause' }, 'Pause every game');
  let paused = false;
  pause.addEventListener('click', () => (paused ? ctx.onResume() : ctx.onPause()));
  const end = h(
    'button',
    {
      type: 'button',
      class: 'live-end',
      onclick: () =>
        confirm(
          'End the live class?',
          'Every game stops where it is and the session is deleted from the server, with every name and game in it. Download the CSV first if you want to keep the figures.',
          'End the class',
          ctx.onEnd,
        ),
    },
    'End the session',
  );
  const csv = h(
    'button',
    { type: 'button', class: 'live-csv', onclick: ctx.onCsv },
    'Download the table (CSV)',
  );
  const rosterBody = h('tbody', {});
  const rosterCount = h('span', {}, '');
  const rosterEmpty = h('p', { class: 'muted live-roster-empty' }, 'Nobody has joined yet.');
  const table = h(
    'table',
    { class: 'live-roster' },
    h('caption', { class: 'visually-hidden' }, 'Students who have joined'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Student or team'),
        h('th', { scope: 'col' }, 'Plays'),
        h('th', { scope: 'col' }, 'Month'),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Ending'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')),
      ),
    ),
    rosterBody,
  );
  const dashboardSlot = h(
    'div',
    { class: 'live-dashboard-slot' },
    h('p', { class: 'muted' }, 'The class dashboard fills in here as games finish.'),
  );
  const element = h(
    'div',
    { class: 'page live-teacher-page' },
    h(
      'main',
      { class: 'page-inner' },
      h('p', { class: 'eyebrow' }, 'For teachers · live class'),
      h('h1', {}, ctx.classTitle || ctx.scenarioTitle),
      ctx.classTitle ? h('p', { class: 'lede' }, ctx.scenarioTitle) : null,
      connection,
      h(
        'section',
        { class: 'card-panel live-board', 'aria-labelledby': 'live-code-heading' },
        h(
          'div',
          { class: 'live-teacher-head' },
          h(
            'div',
            {},
            h('h2', { id: 'live-code-heading' }, 'Join code'),
            codeBlock(ctx.joinCode),
            h(
              'p',
              { class: 'live-board-line' },
              'Students choose “Join a class” on the title screen of this address and type the code, or open the link:',
            ),
            copyRow('live-join-link', 'Join link', ctx.joinLink, ctx.onCopy),
          ),
          qrSlot,
        ),
        h(
          'details',
          { class: 'live-secret' },
          h('summary', {}, 'Your teacher link (keep it private)'),
          h(
            'p',
            { class: 'muted small' },
            `This link alone opens this view, on any device: keep it to yourself, never on the board. The session is deleted when you end it, or by itself on ${ctx.expires}.`,
          ),
          copyRow('live-teacher-link', 'Teacher link', ctx.teacherLink, ctx.onCopy),
        ),
      ),
      h('nav', { class: 'live-controls', 'aria-label': 'The class' }, start, pause, end, csv),
      stateLine,
      h(
        'section',
        { class: 'card-panel live-roster-panel', 'aria-labelledby': 'live-roster-heading' },
        h('h2', { id: 'live-roster-heading' }, 'Who has joined', rosterCount),
        rosterEmpty,
        h('div', { class: 'live-roster-wrap' }, table),
      ),
      dashboardSlot,
      h(
        'p',
        {},
        h('button', { type: 'button', class: 'live-back', onclick: ctx.onBack }, 'Back to the title'),
      ),
    ),
  );

  const row = (s: RosterEntry, names: Map<string, string>): HTMLElement =>
    h(
      'tr',
      { 'data-student': s.id, 'data-status': s.status },
      h('th', { scope: 'row' }, s.name),
      h(
        'td',
        { class: `live-side-${s.role}` },
        ROLE_NAMES[s.role],
        s.partner && names.has(s.partner)
          ? h('span', { class: 'muted' }, ` · with ${names.get(s.partner)}`)
          : null,
      ),
      h('td', { class: 'live-month' }, s.status === 'waiting' ? '—' : String(s.month)),
      h('td', {}, h('span', { class: `live-status live-status-${s.status}` }, STATUS_WORDS[s.status])),
      h('td', { class: 'live-ending' }, s.ending === undefined ? '' : ctx.endingTitle(s.ending)),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'live-remove',
            onclick: () =>
              confirm(
                `Remove ${s.name}?`,
                `${s.name} leaves the class: their device shows that they were removed, and their game stops.`,
                'Remove',
                () => ctx.onRemove(s.id),
              ),
          },
          'Remove',
          h('span', { class: 'visually-hidden' }, ` ${s.name}`),
        ),
      ),
    );

  return {
    element,
    setRoster(roster) {
      const students = roster.students.filter((s) => s.status !== 'removed');
      const names = new Map(students.map((s) => [s.id, s.name]));
      rosterBody.replaceChildren(...students.map((s) => row(s, names)));
      rosterCount.textContent = ` (${students.length})`;
      rosterEmpty.hidden = students.length > 0;
      table.hidden = students.length === 0;
      paused = roster.paused;
      start.hidden = roster.started;
      pause.disabled = !roster.started;
      pause.textContent = paused ? 'Resume every game' : 'Pause every game';
      const finished = students.filter((s) => s.status === 'finished').length;
      stateLine.textContent = !roster.started
        ? ctx.pairs
          ? 'Not started: students join and wait; pairs are made as they join.'
          : 'Not started: students join and wait.'
        : paused
          ? 'Paused: every game waits.'
          : finished === students.length && finished > 0
            ? `Every game is finished (${finished}).`
            : `Playing: ${finished} of ${students.length} finished.`;
    },
    setDashboard(dashboard, finished) {
      csv.disabled = dashboard === null;
      if (dashboard) dashboardSlot.replaceChildren(dashboard);
      else
        dashboardSlot.replaceChildren(
          h(
            'p',
            { class: 'muted' },
            finished === 0
              ? 'The class dashboard fills in here as games finish.'
              : 'The finished games could not be read.',
          ),
        );
    },
    setConnection(text) {
      connection.textContent = text ?? '';
    },
    ended() {
      for (const button of [start, pause, end]) button.hidden = true;
      for (const button of rosterBody.querySelectorAll('button')) button.remove();
      stateLine.textContent =
        'The class has ended: the server has deleted it, with every name and game. The dashboard below stays until you leave this page.';
    },
  };
}
