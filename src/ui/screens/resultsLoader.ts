// The panel where a teacher loads a class's results: many files at once (a file picker), a whole
// folder (a folder picker, or a folder dropped), files dropped anywhere on the screen, and pasted
// result codes. Every file's size is checked before it is read; the texts go on in one batch, and
// src/classroom's parseResults reads them (each on its own, so a bad one never stops the rest).
import { MAX_INPUT_BYTES, MAX_RESULTS, type ResultSource } from '../../classroom/index.ts';
import { kilobytes, quoted } from '../../persist/text.ts';
import { h } from '../dom.ts';

export interface ResultsLoaderHandlers {
  /** One call per batch (a pick, a drop, a paste): every input read, in order, named. */
  onInputs(inputs: ResultSource[]): void;
  /**
   * Something not read, in plain text: one call per file too large or unreadable (with its name, to
   * list beside parseResults' errors), or one for the batch (files past its limit, a folder with no
   * result file, an empty paste).
   */
  onProblem(message: string, name?: string): void;
}

/** A folder's files that may hold results: JSON result files, and text files of pasted codes. */
const RESULT_FILE = /\.(json|txt)$/i;
/** Entries walked in a dropped folder at the most, however deep it goes. */
const MAX_WALKED = MAX_RESULTS * 4;

let counter = 0;
/** Pastes are numbered over the page's life, so that no two share a name in one class. */
let pastes = 0;

/** A file's name for the teacher: its path inside a chosen or dropped folder, else its name. */
interface Named {
  file: File;
  name: string;
}

/**
 * The loader panel. `dropZone` (the whole screen, say; by default the panel itself) takes dropped files
 * and folders, with the class "dropping" while something is dragged over it. Its listeners stay as
 * long as it lives, or until `signal` aborts.
 */
export function renderResultsLoader(
  handlers: ResultsLoaderHandlers,
  dropZone?: HTMLElement | null,
  signal?: AbortSignal,
): HTMLElement {
  const id = `results-loader-${++counter}`;
  const status = h('p', { class: 'loader-status muted', role: 'status' });

  const readBatch = async (picked: Named[], skipped = 0): Promise<void> => {
    const problem = (message: string, name?: string) => handlers.onProblem(message, name);
    const left =
      skipped > 0
        ? ` ${skipped} other ${skipped === 1 ? 'file was' : 'files were'} left out (not .json or .txt).`
        : '';
    status.textContent = left.trim();
    if (picked.length === 0) {
      problem('There is no result file here: a result is a .json file, or a .txt file of codes.');
      return;
    }
    const rest = picked.length - MAX_RESULTS;
    if (rest > 0)
      problem(
        `Only ${MAX_RESULTS} files are read at once: ${count(rest, 'more file')}, from ${quoted(picked[MAX_RESULTS]!.name)} on, ${rest === 1 ? 'was' : 'were'} not read. Load them as another batch.`,
      );
    const files = picked.slice(0, MAX_RESULTS).filter(({ file, name }) => {
      if (file.size <= MAX_INPUT_BYTES) return true;
      problem(
        `${quoted(name)} is ${kilobytes(file.size)}: too large to hold class results (at most ${kilobytes(MAX_INPUT_BYTES)}). It was not read.`,
        name,
      );
      return false;
    });
    if (files.length === 0) return;
    panel.setAttribute('aria-busy', 'true');
    status.textContent = `Reading ${count(files.length, 'file')}…`;
    const texts = await Promise.all(
      files.map(({ file, name }) =>
        file.text().then(
          (text): ResultSource => ({ name, text }),
          () => {
            problem(`${quoted(name)} could not be read.`, name);
            return null;
          },
        ),
      ),
    );
    panel.removeAttribute('aria-busy');
    const inputs = texts.filter((t) => t !== null);
    status.textContent = `Read ${count(inputs.length, 'file')}.${left}`;
    if (inputs.length > 0) handlers.onInputs(inputs);
  };

  const picker = (key: string, label: string, folder: boolean) => {
    const input = h('input', {
      type: 'file',
      id: `${id}-${key}`,
      class: 'visually-hidden',
      multiple: true,
      accept: folder ? null : '.json,application/json,.txt,text/plain',
      webkitdirectory: folder,
    });
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])];
      input.value = '';
      if (!folder) {
        if (chosen.length > 0) void readBatch(chosen.map((file) => ({ file, name: file.name })));
        return;
      }
      const named = chosen.map((file) => ({ file, name: file.webkitRelativePath || file.name }));
      const kept = named.filter((f) => isResultFile(f.name));
      void readBatch(kept, named.length - kept.length);
    });
    return h(
      'span',
      { class: 'loader-picker' },
      input,
      h('label', { for: input.id, class: 'button-like' }, label),
    );
  };

  const textarea = h('textarea', {
    id: `${id}-paste`,
    class: 'loader-paste-text',
    rows: 4,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': `${id}-paste-hint`,
  });
  const readPaste = () => {
    const text = textarea.value;
    if (text.trim() === '') {
      handlers.onProblem('Paste one or more result codes first: each starts with "SFO1-".');
      textarea.focus();
      return;
    }
    textarea.value = '';
    status.textContent = '';
    handlers.onInputs([{ name: `Pasted text ${++pastes}`, text }]);
  };

  const panel = h(
    'section',
    { class: 'card-panel results-loader', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, 'Load the class’s results'),
    h(
      'p',
      { class: 'muted' },
      'Each student hands in a result: a file, or a code. Load them all at once; any that cannot be used are listed by name, and the others count.',
    ),
    h(
      'div',
      { class: 'loader-files' },
      picker('files', 'Choose result files…', false),
      picker('folder', 'Choose a folder…', true),
      h('span', { class: 'muted small' }, 'or drop files or a folder anywhere on this page'),
    ),
    h(
      'div',
      { class: 'loader-paste' },
      h('label', { for: textarea.id }, 'Or paste result codes'),
      h(
        'p',
        { id: `${id}-paste-hint`, class: 'muted small' },
        'One code or many, as they came (in an e-mail, a chat, a list): every code that starts with "SFO1-" is read.',
      ),
      textarea,
      h('button', { type: 'button', class: 'loader-paste-button', onclick: readPaste }, 'Read the codes'),
    ),
    status,
  );

  const zone = dropZone ?? panel;
  const options = { signal };
  zone.addEventListener(
    'dragover',
    (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      zone.classList.add('dropping');
    },
    options,
  );
  zone.addEventListener(
    'dragleave',
    (event) => {
      if (event.target === zone) zone.classList.remove('dropping');
    },
    options,
  );
  zone.addEventListener(
    'drop',
    (event) => {
      if (!event.dataTransfer) return;
      event.preventDefault();
      zone.classList.remove('dropping');
      void droppedFiles(event.dataTransfer).then(({ files, skipped }) => readBatch(files, skipped));
    },
    options,
  );
  return panel;
}

/** "1 file", "3 files". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isResultFile(name: string): boolean {
  return RESULT_FILE.test(name) && !name.split('/').some((part) => part.startsWith('.'));
}

/**
 * The files of a drop: dropped files as they are, and a dropped folder's result files (its
 * subfolders too). The entries must be taken while the drop event runs; reading them comes after.
 */
function droppedFiles(data: DataTransfer): Promise<{ files: Named[]; skipped: number }> {
  const entries = [...(data.items ?? [])]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null) || entries.every((e) => e!.isFile)) {
    return Promise.resolve({ files: [...data.files].map((file) => ({ file, name: file.name })), skipped: 0 });
  }
  return walk(entries as FileSystemEntry[]);
}

async function walk(roots: FileSystemEntry[]): Promise<{ files: Named[]; skipped: number }> {
  const files: Named[] = [];
  let skipped = 0;
  let walked = 0;
  const queue: { entry: FileSystemEntry; inFolder: boolean }[] = roots.map((entry) => ({
    entry,
    inFolder: false,
  }));
  while (queue.length > 0 && walked < MAX_WALKED) {
    const { entry, inFolder } = queue.shift()!;
    walked++;
    const name = entry.fullPath.replace(/^\//, '') || entry.name;
    if (isFileEntry(entry)) {
      // a file dropped on its own is the teacher's choice; a folder's other files are left out
      if (inFolder && !isResultFile(name)) skipped++;
      else {
        const file = await new Promise<File | null>((resolve) => entry.file(resolve, () => resolve(null)));
        if (file) files.push({ file, name });
      }
    } else if (isDirectoryEntry(entry)) {
      for (const child of await readFolder(entry)) queue.push({ entry: child, inFolder: true });
    }
  }
  return { files, skipped };
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectoryEntry(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

/** A folder's entries: readEntries gives them in batches, until an empty one. */
async function readFolder(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (batch.length === 0 || all.length >= MAX_WALKED) return all;
    all.push(...batch);
  }
}
