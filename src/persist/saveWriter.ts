// Writing the game's own saves, and removing one: what a game in progress needs (its autosave),
// without the checks that reading a save calls for. SaveStore (saves.ts) adds those; the page
// loads it only when a save, a file or a link is opened.
import { isSeed } from '../engine/index.ts';
import type { ReplayError } from './replayError.ts';
import type { ReplayFile } from './format.ts';
import type { ReplayLibrary } from './library.ts';
import { compactReplay } from './replayFile.ts';
import { fail } from './result.ts';
import { removeSave, SAVE_PREFIX, UNAVAILABLE, usingStorage, type SaveError } from './saveKeys.ts';
import { openStorage, isQuotaError, type StorageLike, type StorageSource } from './storage.ts';
import { quoted } from './text.ts';

/** Ids `put` accepts (and `newSaveId` makes). Ids read from storage are shown as they are. */
export const SAVE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const KEPT = 'the save that was there before is unchanged';

/** A save id from the caller's entropy (a seed, or a random number the page drew) and the time. */
export function newSaveId(entropy: number, savedAt: string): string {
  const time = Date.parse(savedAt);
  if (!isSeed(entropy) || !Number.isFinite(time) || time < 0)
    throw new RangeError('newSaveId needs a whole number from 0 to 4294967295 and an ISO date');
  return `${time.toString(36)}-${entropy.toString(36)}`;
}

export interface SaveStoreOptions {
  storage: StorageSource;
  /** The scenarios saves are checked against (the page passes `content`). */
  library: ReplayLibrary;
  /** The key prefix; tests and other tools may want their own. */
  prefix?: string;
}

/** Writes and removes saves; SaveStore (saves.ts) reads and checks them too. */
export class SaveWriter {
  protected readonly source: StorageSource;
  protected readonly library: ReplayLibrary;
  protected readonly prefix: string;

  constructor({ storage, library, prefix = SAVE_PREFIX }: SaveStoreOptions) {
    this.source = storage;
    this.library = library;
    this.prefix = prefix;
  }

  /**
   * Saves a replay the game built itself from its own states (buildReplay of a running session),
   * replacing save `id`. Nothing foreign is in it, so it is written without playing its moves
   * again: the autosave calls this after every move, and replaying the whole game each time would
   * grow with its length. Foreign text is checked where it comes in: `load`, `importText`, a link.
   */
  record(id: string, file: ReplayFile): { ok: true; id: string } | ReplayError | SaveError {
    const text = compacted(file);
    return typeof text === 'string' ? this.write(id, text) : text;
  }

  /** Removes a save, damaged or not; removing one that is not there is not an error. */
  remove(id: string): { ok: true; removed: boolean } | SaveError {
    return removeSave(this.source, id, this.prefix);
  }

  protected write(id: string, text: string): { ok: true; id: string } | SaveError {
    if (typeof id !== 'string' || !SAVE_ID.test(id))
      return fail(
        'bad-id',
        `A save id is 1 to 64 lowercase letters, digits and dashes, not ${quoted(String(id))}.`,
      );
    const storage = openStorage(this.source);
    if (!storage) return fail('unavailable', UNAVAILABLE);
    try {
      storage.setItem(this.prefix + id, text);
      return { ok: true, id };
    } catch (error) {
      if (isQuotaError(error)) {
        return fail(
          'quota',
          `There is no room left in this browser's storage for this save. Delete an old save and try again; ${KEPT}.`,
        );
      }
      return fail('write-failed', `The browser refused to store this save; ${KEPT}.`);
    }
  }

  protected using<T>(read: (storage: StorageLike) => T): T | SaveError {
    return usingStorage(this.source, read);
  }
}

/** The file as saved text, or why it cannot be (a replay missing its parts). */
export function compacted(file: ReplayFile): string | ReplayError {
  try {
    return compactReplay(file);
  } catch {
    return fail('malformed', 'This game cannot be saved: its replay is not complete.');
  }
}
