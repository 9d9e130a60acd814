// "Open a replay file…" on the title: a picker, and the whole page taking a dropped file.
import { MAX_REPLAY_BYTES } from '../../persist/format.ts';
import { h } from '../dom.ts';

/**
 * "Open a replay file…": a file picker, and the whole of `dropZone` taking a dropped file. The
 * file is checked for size before it is read; `onText` gets its text, `onProblem` a message.
 */
export function replayFileOpener(
  dropZone: HTMLElement,
  onText: (text: string, name: string) => void,
  onProblem: (message: string) => void,
  /** Takes a dropped file that is not a replay (a scenario file), before it is read; true if it did. */
  onOther: (file: File) => boolean = () => false,
): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: 'replay-file',
    accept: '.json,application/json',
    class: 'visually-hidden',
  });
  const read = (file: File | undefined) => {
    if (!file || onOther(file)) return;
    if (file.size > MAX_REPLAY_BYTES) {
      onProblem(
        `“${file.name.slice(0, 40)}” is ${Math.ceil(file.size / 1024)} kB: a replay is at most ${MAX_REPLAY_BYTES / 1024} kB, so this is not one.`,
      );
      return;
    }
    file.text().then(
      (text) => onText(text, file.name),
      () => onProblem(`“${file.name.slice(0, 40)}” could not be read.`),
    );
  };
  input.addEventListener('change', () => {
    read(input.files?.[0]);
    input.value = '';
  });
  dropZone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    dropZone.classList.add('dropping');
  });
  dropZone.addEventListener('dragleave', (event) => {
    if (event.target === dropZone) dropZone.classList.remove('dropping');
  });
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dropping');
    read(event.dataTransfer?.files[0]);
  });
  return h(
    'div',
    { class: 'replay-open' },
    input,
    h('label', { for: 'replay-file', class: 'button-like' }, 'Open a replay file…'),
    h('span', { class: 'muted small' }, 'or drop one anywhere on this page'),
  );
}
