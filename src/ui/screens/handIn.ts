// At the end of a class game, the student's result to hand in: a small file, or a code to paste.
// Nothing leaves the device unless the student hands it in.
import { h } from '../dom.ts';

export interface HandInContext {
  label: string;
  /** The result as a short code to paste. */
  code: string;
  fileName: string;
  onDownload(): void;
}

/** At the end of a class game: the result to hand in, as a file or a code. */
export function handInPanel(ctx: HandInContext): HTMLElement {
  const field = h('textarea', {
    id: 'result-code',
    class: 'result-code',
    readonly: true,
    rows: 3,
    'aria-label': 'Your result as a code',
  });
  field.value = ctx.code;
  const copied = h('span', { class: 'muted small', role: 'status' });
  return h(
    'section',
    { class: 'hand-in', 'aria-labelledby': 'hand-in-heading' },
    h('h2', { id: 'hand-in-heading' }, 'Hand in your result'),
    h(
      'p',
      {},
      `Signed “${ctx.label}”. Give your teacher the file, or copy the code and paste it where your teacher says. Nothing is sent anywhere by the game.`,
    ),
    h(
      'div',
      { class: 'hand-in-row' },
      h(
        'button',
        { type: 'button', class: 'primary hand-in-file', onclick: ctx.onDownload },
        `Save ${ctx.fileName}`,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'hand-in-copy',
          onclick: () => {
            field.select();
            navigator.clipboard.writeText(ctx.code).then(
              () => (copied.textContent = 'Copied.'),
              () => (copied.textContent = 'Select the code and copy it (Ctrl+C).'),
            );
          },
        },
        'Copy the code',
      ),
      copied,
    ),
    field,
  );
}
