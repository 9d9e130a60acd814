// A student's side of a class session on the title: joining with the teacher's code (handing in
// the result at the end is handIn.ts, with the debrief).
import { h } from '../dom.ts';

export interface JoinHandlers {
  /** The code as typed; resolves with a message when it does not open a class. */
  onJoin(code: string): Promise<string | null>;
  onTeacher(): void;
  onDashboard(): void;
}

/** The title screen's classroom panel: join with a code; the teacher's two ways in. */
export function classroomPanel(handlers: JoinHandlers): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: 'class-code',
    class: 'class-code-input',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: 'e.g. 25F8-1NK0-R000-1Z7P',
    'aria-describedby': 'class-code-error',
  });
  const error = h('p', { class: 'field-error', id: 'class-code-error', role: 'alert' });
  const join = h('button', { type: 'submit', class: 'class-join' }, 'Join');
  const form = h(
    'form',
    { class: 'class-join-form', novalidate: true },
    h('label', { for: 'class-code' }, 'Class code'),
    input,
    join,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    join.disabled = true;
    void handlers.onJoin(input.value).then((problem) => {
      join.disabled = false;
      if (problem === null) return;
      error.textContent = problem;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    });
  });
  return h(
    'section',
    { class: 'card-panel classroom-panel', 'aria-labelledby': 'classroom-heading' },
    h('h2', { id: 'classroom-heading', class: 'panel-heading' }, 'Join a class'),
    h(
      'p',
      { class: 'muted small' },
      'Your teacher gives you a code: type it here to play the class’s world. A live class’s code has 8 letters and digits, a class without a server 16.',
    ),
    form,
    error,
    h(
      'div',
      { class: 'teacher-buttons' },
      h('span', { class: 'muted small' }, 'Teachers:'),
      h(
        'button',
        { type: 'button', class: 'class-prepare', onclick: handlers.onTeacher },
        'Prepare a class session',
      ),
      h(
        'button',
        { type: 'button', class: 'class-results', onclick: handlers.onDashboard },
        'Open the class’s results',
      ),
    ),
  );
}
