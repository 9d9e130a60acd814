// A modal dialog on the native <dialog>: showModal() makes the rest of the page inert, traps focus
// and closes on Esc; on closing, focus goes back to whatever had it before. One heading labels it.
import { h } from './dom.ts';

export interface ModalAction {
  label: string;
  onClick: () => void;
  primary?: boolean;
}

export interface ModalOptions {
  title: string;
  body: Node;
  /** Id of an element in `body` that labels the dialog instead of the title heading. */
  labelledBy?: string;
  onClose?: () => void;
  /** Buttons before the Close button (an action does not close the dialog by itself). */
  actions?: ModalAction[];
  /** Extra classes for the <dialog>, e.g. "paper" for the light reading panel. */
  className?: string;
  /** The closing button's words (default "Close"); primary when closing is the way on. */
  closeLabel?: string;
  closePrimary?: boolean;
}

export interface Modal {
  close(): void;
  element: HTMLDialogElement;
}

let counter = 0;

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

function hasId(node: Node, id: string): boolean {
  if (node instanceof Element && node.id === id) return true;
  if (!(node instanceof Element || node instanceof DocumentFragment)) return false;
  return [...node.querySelectorAll('[id]')].some((el) => el.id === id);
}

export function openModal(opts: ModalOptions): Modal {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `modal-title-${++counter}`;
  const heading = h('h2', { id: titleId, class: 'modal-title', tabindex: -1 }, opts.title);
  const closeButton = h(
    'button',
    { type: 'button', class: opts.closePrimary ? 'modal-close primary' : 'modal-close' },
    opts.closeLabel ?? 'Close',
  );
  const actions = (opts.actions ?? []).map((action) =>
    h(
      'button',
      { type: 'button', class: action.primary ? 'primary' : null, onclick: () => action.onClick() },
      action.label,
    ),
  );
  const labelledBy = opts.labelledBy && hasId(opts.body, opts.labelledBy) ? opts.labelledBy : titleId;
  const dialog = h(
    'dialog',
    { class: ['modal', opts.className].filter(Boolean).join(' '), 'aria-labelledby': labelledBy },
    h('div', { class: 'modal-header' }, heading),
    h('div', { class: 'modal-body' }, opts.body),
    h('div', { class: 'dialog-actions modal-actions' }, actions, closeButton),
  );

  let closed = false;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
    opts.onClose?.();
  };
  const close = (): void => {
    if (closed) return;
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    finish();
  };

  closeButton.addEventListener('click', close);
  // Esc fires "cancel" then "close"; closing by any route ends up here.
  dialog.addEventListener('close', finish);
  // Tab and Shift+Tab cycle inside the dialog rather than leaving for the browser's own controls.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === heading)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const { clientX: x, clientY: y } = event;
    if (box.width === 0 && box.height === 0) return;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) close();
  });

  document.body.appendChild(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  // Start at the heading: a screen reader reads the title, and arrow keys scroll the dialog.
  heading.focus();
  return { close, element: dialog };
}
