// What a player can do with a game's replay wherever it is offered (the game's menu, the debrief,
// the replay viewer): save it as a file, or copy a link that carries it (no server involved).
import { serializeReplay, type ReplayFile } from '../persist/index.ts';
import { h } from './dom.ts';
import { openModal } from './modal.ts';
import { announce } from './root.ts';

/** "vostochny-summit-world-20230913-month-7.replay.json" */
export function replayFileName(file: ReplayFile): string {
  const where = file.outcome.phase === 'over' ? 'ended' : `month-${file.outcome.turn}`;
  return `${file.scenario.id}-world-${file.seed}-${where}.replay.json`;
}

/** Offers text as a file download (a replay, a result, a CSV table). */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, class: 'visually-hidden' }, 'Download');
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once it started
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce(`Saved as ${fileName}.`);
}

/** Offers the replay as a file download. */
export function downloadReplay(file: ReplayFile): void {
  downloadText(serializeReplay(file), replayFileName(file));
}

/** The page's address with the replay in its fragment (nothing of it goes to a server). */
export async function shareLinkFor(file: ReplayFile): Promise<string> {
  // the compression library loads only when a link is made or opened
  const { replayToFragment } = await import('../persist/link.ts');
  return `${location.origin}${location.pathname}${replayToFragment(file)}`;
}

/** Shows the share link, selected and copied where the browser allows it. */
export async function shareReplay(file: ReplayFile): Promise<void> {
  const link = await shareLinkFor(file);
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // no clipboard permission (or no secure context): the link is shown to copy by hand
  }
  const field = h('input', {
    type: 'text',
    readonly: true,
    value: link,
    class: 'share-link',
    id: 'share-link',
    'aria-label': 'Link to this game',
  });
  const modal = openModal({
    title: 'Share this game',
    body: h(
      'div',
      {},
      h(
        'p',
        {},
        copied
          ? 'The link is copied. Whoever opens it watches this game move by move, and can play on from any moment.'
          : 'Copy this link (Ctrl+C). Whoever opens it watches this game move by move, and can play on from any moment.',
      ),
      field,
      h(
        'p',
        { class: 'muted small' },
        `The whole game is inside the link itself (${link.length.toLocaleString('en')} characters): nothing is uploaded anywhere.`,
      ),
    ),
    closePrimary: true,
  });
  field.focus();
  field.select();
  if (copied) announce('The link to this game is copied.');
  void modal;
}

/** Copies text (a link) to the clipboard where the browser allows it; says what happened. */
export async function copyText(text: string, what = 'The link'): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} is copied.`);
    return true;
  } catch {
    announce(`${what} could not be copied: select it and copy it by hand.`);
    return false;
  }
}
