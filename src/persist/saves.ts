// Saved games in the browser's storage: one key per save ("sfo.save." and its id) holding a
// replay's compact JSON, and no index beside them, so one bad write can spoil at most its own save.
// Every call returns a result and never throws: no storage, a full store, a damaged or foreign
// entry each become a message, and every other save stays as it was.
import { isSeed } from '../engine/index.ts';
import type { ReplayError } from './replayError.ts';
import type { ReplayFile } from './format.ts';
import type { ReplayLibrary } from './library.ts';
import { compactReplay, parseReplay, type LoadedReplay } from './replayFile.ts';
import { fail } from './result.ts';
import {
  listSaves,
  removeSave,
  SAVE_PREFIX,
  UNAVAILABLE,
  usingStorage,
  type SaveEntry,
  type SaveError,
} from './saveList.ts';
import { openStorage, isQuotaError, type StorageLike, type StorageSource } from './storage.ts';

export {
  SAVE_PREFIX,
  type DamagedSave,
  type SaveEntry,
  type SaveError,
  type SaveErrorCode,
  type SaveSummary,
} from './saveList.ts';
import { quoted } from './text.ts';

/** Ids `put` accepts (and `newSaveId` makes). Ids read from storage are shown as they are. */
export const SAVE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const KEPT = 'the save that was there before is unchanged';

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

export class SaveStore {
  private readonly source: StorageSource;
  private readonly library: ReplayLibrary;
  private readonly prefix: string;

  constructor({ storage, library, prefix = SAVE_PREFIX }: SaveStoreOptions) {
    this.source = storage;
    this.library = library;
    this.prefix = prefix;
  }

  /** Every save, newest first (saves without a date last); damaged ones are listed too (saveList.ts). */
  list(): { ok: true; saves: SaveEntry[] } | SaveError {
    return listSaves(this.source, this.library, this.prefix);
  }

  /** A save read, checked and played, ready to continue from its last state. */
  load(id: string): LoadedReplay | ReplayError | SaveError {
    return this.using((storage) => {
      const text = typeof id === 'string' ? storage.getItem(this.prefix + id) : null;
      if (text === null) return fail('not-found', `There is no saved game ${quoted(String(id))}.`);
      return parseReplay(text, this.library);
    });
  }

  /**
   * Saves `file` under `id`, replacing that save. The file is checked first (a save that would
   * not load is never written), and a failed write leaves the old save as it was: setItem either
   * stores the whole value or throws, and nothing is removed before it.
   */
  put(id: string, file: ReplayFile): { ok: true; id: string } | ReplayError | SaveError {
    const text = compacted(file);
    if (typeof text !== 'string') return text;
    const checked = parseReplay(text, this.library);
    return checked.ok ? this.write(id, text) : checked;
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

  /** Reads replay text (a file, an unpacked link) and, only if it is a good replay, saves it. */
  importText(
    id: string,
    text: unknown,
  ): { ok: true; id: string; loaded: LoadedReplay } | ReplayError | SaveError {
    const loaded = parseReplay(text, this.library);
    if (!loaded.ok) return loaded;
    const written = this.write(id, compactReplay(loaded.replay));
    return written.ok ? { ...written, loaded } : written;
  }

  /** Removes a save, damaged or not; removing one that is not there is not an error. */
  remove(id: string): { ok: true; removed: boolean } | SaveError {
    return removeSave(this.source, id, this.prefix);
  }

  private write(id: string, text: string): { ok: true; id: string } | SaveError {
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

  private using<T>(read: (storage: StorageLike) => T): T | SaveError {
    return usingStorage(this.source, read);
  }
}

/** The file as saved text, or why it cannot be (a replay missing its parts). */
function compacted(file: ReplayFile): string | ReplayError {
  try {
    return compactReplay(file);
  } catch {
    return fail('malformed', 'This game cannot be saved: its replay is not complete.');
  }
}
