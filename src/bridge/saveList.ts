// What the title needs of the saved games at boot, without the engine: the list as it shows it,
// removing one, and which game is in progress (a reload lands back in it). Reading the saves for
// the list loads only when there are some; opening one is opening.ts, saving a game as it goes
// saving.ts, loaded with the game.
import type { SaveEntry } from '../persist/saveList.ts';
import { removeSave, saveIds, type SaveError } from '../persist/saveKeys.ts';
import { content } from './content.ts';
import { withRemembered } from './remembered.ts';

/** The key that names the game in progress (a pointer to its save, nothing more). */
const CURRENT_KEY = 'sfo.current';

/** localStorage, read lazily: some browsers throw on touching it. */
const storage = () => window.localStorage;

/** The page's saved games, newest first, each read as far as the list shows it. */
export async function listSavedGames(): Promise<{ ok: true; saves: SaveEntry[] } | SaveError> {
  const ids = saveIds(storage);
  if (!ids.ok) return ids;
  if (ids.ids.length === 0) return { ok: true, saves: [] };
  const { listSaves } = await import('../persist/saveList.ts');
  // the scenario files opened in this browser before are listed too: their saves ask for the file
  return listSaves(storage, withRemembered(content));
}

export function removeSavedGame(id: string): { ok: true; removed: boolean } | SaveError {
  return removeSave(storage, id);
}

export function markCurrent(id: string | null): void {
  try {
    if (id === null) window.localStorage.removeItem(CURRENT_KEY);
    else window.localStorage.setItem(CURRENT_KEY, id);
  } catch {
    // no storage: then nothing was saved either, and the save's own message says so
  }
}

/** The save of the game in progress when the page was last left, if any. */
export function currentSaveId(): string | null {
  try {
    return window.localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

export function forgetCurrent(): void {
  markCurrent(null);
}

/** The class a saved game was played for (its session code and the student's label). */
export interface SavedClass {
  code: string;
  label: string;
}

const CLASS_PREFIX = 'sfo.class.';

/** Remembers that save `id` is a class game, so the hand-in still works after a reload. */
export function rememberClass(id: string, saved: SavedClass): void {
  try {
    window.localStorage.setItem(CLASS_PREFIX + id, JSON.stringify(saved));
  } catch {
    // no storage: the game is not saved either; the save's message says so
  }
}

/** The class of save `id`, if it was a class game (anything unreadable counts as none). */
export function savedClass(id: string): SavedClass | null {
  try {
    const data: unknown = JSON.parse(window.localStorage.getItem(CLASS_PREFIX + id) ?? 'null');
    if (typeof data !== 'object' || data === null) return null;
    const { code, label } = data as Record<string, unknown>;
    return typeof code === 'string' && typeof label === 'string' ? { code, label } : null;
  } catch {
    return null;
  }
}
