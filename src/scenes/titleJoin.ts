// Joining a class from the title: a class code (offline, 16 symbols) or a live class's join code
// (8), or a class link, then the student's name or team (and their number where it decides the
// side). Loaded when a student joins, not with the title.
import { content, loadScenario } from '../bridge/content.ts';
import type { ClassSession } from '../classroom/session.ts';
import { MAX_LABEL_LENGTH } from '../classroom/text.ts';
import { h } from '../ui/dom.ts';
import { openModal } from '../ui/modal.ts';
import { rememberChoice, setClass } from './choice.ts';
import { SCENES } from './keys.ts';
import type { SceneStarter } from './lazyScenes.ts';
import { startLiveStudent } from './liveEntry.ts';

/**
 * A live class's join code has 8 symbols (shown XXXX-XXXX), an offline class code 16: the length
 * tells them apart, whatever the dashes and spaces.
 */
function looksLive(code: string): boolean {
  return code.replace(/[\s-]/g, '').length === 8;
}

/** A class code typed on the title: the class's session, then who is playing. */
export async function joinClass(from: SceneStarter, code: string): Promise<string | null> {
  if (looksLive(code)) return joinLive(from, code);
  const { parseSessionCode } = await import('../classroom/session.ts');
  const read = parseSessionCode(code, content);
  if (!read.ok) return read.message;
  if (from.scene.isActive()) askWhoPlays(from, read.session);
  return null;
}

/** Asks the student's name or team (and, where it decides the side, their number), then starts. */
export function askWhoPlays(from: SceneStarter, session: ClassSession): void {
  const title =
    content.scenarios.find((s) => s.cover.id === session.scenarioId)?.cover.title ?? session.scenarioId;
  whoPlays(
    `${session.title ? `${session.title}: ` : ''}${title}. Everyone in the class plays the same world.`,
    session.roles === 'half-and-half',
    async (label, n) => {
      // joining needs the session and role rules only, not the results' compression library
      const [{ roleFor }, { encodeSessionCode }] = await Promise.all([
        import('../classroom/roles.ts'),
        import('../classroom/session.ts'),
      ]);
      const side = roleFor(session, n ?? label);
      const load = await loadScenario(session.scenarioId);
      if (!load.ok) return load.message;
      if (!from.scene.isActive()) return null;
      setClass({ session, code: encodeSessionCode(session), label });
      rememberChoice({
        scenarioId: session.scenarioId,
        role: side === 'putin' ? 'putin' : 'kim',
        mode: side === 'both' ? 'hotseat' : 'vs-computer',
        seed: session.seed,
        level: session.level,
        personalities: {},
      });
      from.scene.start(SCENES.briefing);
      return null;
    },
  );
}

/**
 * The "Join the class" window: the student's name or team and, when it decides the side, their
 * number on the class list. `onPlay` resolves with a message when it cannot go on.
 */
function whoPlays(
  intro: string,
  byNumber: boolean,
  onPlay: (label: string, n: number | null) => Promise<string | null>,
): void {
  const name = h('input', {
    type: 'text',
    id: 'class-label',
    maxlength: MAX_LABEL_LENGTH,
    autocomplete: 'off',
  });
  const number = h('input', { type: 'number', id: 'class-number', min: 1, step: 1, inputmode: 'numeric' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const body = h(
    'div',
    { class: 'class-who' },
    h('p', {}, intro),
    h('label', { for: 'class-label' }, 'Your name or team'),
    name,
    byNumber
      ? h(
          'div',
          {},
          h(
            'label',
            { for: 'class-number' },
            'Your number on the class list (optional: odd numbers play Kim, even numbers Putin; without it your name decides)',
          ),
          number,
        )
      : null,
    error,
  );
  let busy = false;
  const start = async () => {
    if (busy) return;
    const label = name.value.trim();
    if (label === '' || label.length > MAX_LABEL_LENGTH) {
      error.textContent = `Type your name or your team's, up to ${MAX_LABEL_LENGTH} characters.`;
      name.focus();
      return;
    }
    const n = number.value.trim() === '' ? null : Number(number.value);
    if (byNumber && n !== null && (!Number.isSafeInteger(n) || n < 1)) {
      error.textContent = 'Your number on the class list is a whole number from 1.';
      number.focus();
      return;
    }
    busy = true;
    const problem = await onPlay(label, n);
    busy = false;
    if (problem !== null) {
      error.textContent = problem;
      return;
    }
    modal.close();
  };
  for (const field of [name, number])
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void start();
    });
  const modal = openModal({
    title: 'Join the class',
    body,
    actions: [{ label: 'Play', primary: true, onClick: () => void start() }],
    closeLabel: 'Cancel',
  });
  name.focus();
}

/** A live class's join code: which session it opens, then the student's name (or straight back in). */
async function joinLive(from: SceneStarter, code: string): Promise<string | null> {
  const { lookUpJoinCode, storedToken, NO_SERVER_STUDENT } = await import('../live/client.ts');
  const found = await lookUpJoinCode(code);
  if (!found.ok) return found.noServer ? NO_SERVER_STUDENT : found.message;
  if (!from.scene.isActive()) return null;
  const answer = found.value;
  if (storedToken(answer.sessionId) !== null) {
    await startLiveStudent(from, { code, answer });
    return null;
  }
  const title =
    content.scenarios.find((s) => s.cover.id === answer.scenarioId)?.cover.title ?? answer.scenarioId;
  whoPlays(
    `${answer.title ? `${answer.title}: ` : ''}${title}. A live class: your teacher sees the class play.`,
    answer.roles === 'half-and-half',
    (label, n) => {
      if (!from.scene.isActive()) return Promise.resolve(null);
      return startLiveStudent(from, {
        code,
        answer,
        name: label,
        ...(n !== null ? { number: n } : {}),
      }).then(() => null);
    },
  );
  return null;
}
