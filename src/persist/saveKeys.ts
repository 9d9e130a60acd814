// The saved games' keys in the browser's storage, without reading what they hold: counting them,
// removing one, and the one clear message for storage that is missing or throws. What the title
// needs at boot when there are no saves (saveList.ts reads them, with the checks, when there are).
import { fail, type Failure } from './result.ts';
import { openStorage, type StorageLike, type StorageSource } from './storage.ts';

export const SAVE_PREFIX = 'sfo.save.';

export type SaveErrorCode = 'unavailable' | 'bad-id' | 'not-found' | 'quota' | 'write-failed';
export type SaveError = Failure<SaveErrorCode>;

export const UNAVAILABLE =
  'Saved games are not available: this browser does not let the game use its storage ' +
  '(private browsing, or site data turned off). Nothing was saved or changed.';

/** Runs `read` on the storage; no storage, or storage that throws, gives the one clear message. */
export function usingStorage<T>(source: StorageSource, read: (storage: StorageLike) => T): T | SaveError {
  const storage = openStorage(source);
  if (!storage) return fail('unavailable', UNAVAILABLE);
  try {
    return read(storage);
  } catch {
    return fail('unavailable', UNAVAILABLE);
  }
}

/** The ids of the saves under `prefix`, in storage order (their text is not read). */
export function saveIds(
  source: StorageSource,
  prefix = SAVE_PREFIX,
): { ok: true; ids: string[] } | SaveError {
  return usingStorage(source, (storage) => {
    const ids: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(prefix)) ids.push(key.slice(prefix.length));
    }
    return { ok: true, ids };
  });
}

/** Removes a save, damaged or not; removing one that is not there is not an error. */
export function removeSave(
  source: StorageSource,
  id: string,
  prefix = SAVE_PREFIX,
): { ok: true; removed: boolean } | SaveError {
  return usingStorage(source, (storage) => {
    if (typeof id !== 'string') return { ok: true, removed: false };
    const key = prefix + id;
    const removed = storage.getItem(key) !== null;
    storage.removeItem(key);
    return { ok: true, removed };
  });
}
