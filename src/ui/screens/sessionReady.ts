// The teacher's screen once a class session is made: the code to read aloud, the link, what
// students do, "Run it live" beside them, and the next steps (the handout, the results).
import type { ClassSession } from '../../classroom/session.ts';
import { h } from '../dom.ts';
import { codeBlock, computerWords, PLAN_TEXT, STUDENT_STEPS, teacherPage, timerWords } from './classSetup.ts';

export interface SessionReadyContext {
  session: ClassSession;
  /** The session's code, as encodeSessionCode gives it. */
  code: string;
  /** The session's link, as sessionLink gives it. */
  link: string;
  scenarioTitle: string;
  onPrintHandout(): void;
  onCopyLink(): void;
  onOpenDashboard(): void;
  /**
   * Runs the session live on the class server that served this page; resolves with a message
   * when it cannot (no class server here, say). Absent: no live button.
   */
  onRunLive?(): Promise<string | null>;
  onBack(): void;
}

/** "Run it live": the live class beside the code and the handout, or why it cannot run here. */
function liveSection(run: () => Promise<string | null>): HTMLElement {
  const problem = h('p', { class: 'field-error class-live-problem', role: 'alert' });
  const button = h('button', { type: 'button', class: 'primary class-live' }, 'Run it live');
  button.addEventListener('click', () => {
    button.disabled = true;
    problem.textContent = '';
    void run().then((message) => {
      button.disabled = false;
      if (message !== null) problem.textContent = message;
    });
  });
  return h(
    'section',
    { class: 'card-panel class-live-panel', 'aria-labelledby': 'class-live-heading' },
    h('h2', { id: 'class-live-heading' }, 'Or run it live'),
    h(
      'p',
      {},
      'On a class server (“npm run server” on a computer of the class’s network), students join from their own devices with a short code; you watch the class play, pause and end it, and the dashboard fills in as games finish. Pairs play Kim against Putin, each on their own device.',
    ),
    button,
    problem,
  );
}

/** The session's settings in words: a term and its description each. */
export function sessionSummary(session: ClassSession, scenarioTitle: string): [string, string][] {
  const rows: [string, string][] = [['Scenario', scenarioTitle]];
  if (session.title !== undefined) rows.push(['Class', session.title]);
  rows.push(
    ['Who plays what', `${PLAN_TEXT[session.roles].name}. ${PLAN_TEXT[session.roles].blurb}`],
    ['The computer', computerWords(session)],
    ['Turn timer', session.turnSeconds === null ? 'None' : `${timerWords(session.turnSeconds)} a move`],
    ['World', String(session.seed)],
  );
  return rows;
}

/** The session made: its code, its link, what students do, and the next steps. */
export function renderSessionReady(ctx: SessionReadyContext): HTMLElement {
  const linkField = h('input', {
    type: 'text',
    id: 'class-link',
    class: 'class-link',
    readonly: true,
    spellcheck: false,
  });
  linkField.value = ctx.link;
  linkField.addEventListener('focus', () => linkField.select());

  return teacherPage(
    'class-ready-page',
    'The class session is ready',
    ctx.session.title === undefined
      ? ctx.scenarioTitle
      : h('span', {}, h('strong', {}, ctx.session.title), ` · ${ctx.scenarioTitle}`),
    h(
      'section',
      { class: 'card-panel class-share', 'aria-labelledby': 'class-code-heading' },
      h('h2', { id: 'class-code-heading' }, 'Class code'),
      codeBlock(ctx.code),
      h(
        'p',
        { class: 'muted small' },
        'A code has no letters I, L, O or U, so every 0 is a zero and every 1 a one.',
      ),
      h('label', { for: 'class-link', class: 'class-link-label' }, 'Link'),
      h(
        'div',
        { class: 'class-link-row' },
        linkField,
        h(
          'button',
          {
            type: 'button',
            class: 'class-copy',
            onclick: () => {
              linkField.select();
              ctx.onCopyLink();
            },
          },
          'Copy',
        ),
      ),
      h('p', { class: 'class-steps' }, STUDENT_STEPS),
    ),
    ctx.onRunLive ? liveSection(ctx.onRunLive) : null,
    h(
      'section',
      { class: 'card-panel class-summary', 'aria-labelledby': 'class-summary-heading' },
      h('h2', { id: 'class-summary-heading' }, 'The session'),
      h(
        'dl',
        {},
        ...sessionSummary(ctx.session, ctx.scenarioTitle).map(([term, text]) =>
          h('div', {}, h('dt', {}, term), h('dd', {}, text)),
        ),
      ),
    ),
    h(
      'div',
      { class: 'title-actions' },
      h(
        'button',
        { type: 'button', class: 'primary class-print', onclick: () => ctx.onPrintHandout() },
        'Print the handout',
      ),
      h(
        'button',
        { type: 'button', class: 'class-dashboard', onclick: () => ctx.onOpenDashboard() },
        'Open the class’s results',
      ),
      h('button', { type: 'button', class: 'class-back', onclick: () => ctx.onBack() }, 'Back to the title'),
    ),
  );
}
