// Saved games in the browser's storage: one key per save ("sfo.save." and its id) holding a
// replay's compact JSON, and no index beside them, so one bad write can spoil at most its own save.
// Every call returns a result and never throws: no storage, a full store, a damaged or foreign
// entry each become a message, and every other save stays as it was.
import { isSeed } from '../engine/index.ts';
import { checkReplayText } from './check.ts';
import type { ReplayError } from './replayError.ts';
import type { ReplayFile, ReplayOutcome, ReplaySetup } from './format.ts';
import type { ReplayLibrary } from './library.ts';
import { compactReplay, parseReplay, type LoadedReplay } from './replayFile.ts';
import { fail, type Failure } from './result.ts';
import { openStorage, isQuotaError, type StorageLike, type StorageSource } from './storage.ts';
import { quoted } from './text.ts';

export const SAVE_PREFIX = 'sfo.save.';
/** Ids `put` accepts (and `newSaveId` makes). Ids read from storage are shown as they are. */
export const SAVE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type SaveErrorCode = 'unavailable' | 'bad-id' | 'not-found' | 'quota' | 'write-failed';
export type SaveError = Failure<SaveErrorCode>;

/** A save in the list, described from its file without playing its moves. */
export interface SaveSummary {
  id: string;
  damaged?: undefined;
  scenarioId: string;
  scenarioTitle: string;
  seats: ReplaySetup['seats'];
  computer?: ReplaySetup['computer'];
  mode?: string;
  moves: number;
  turn: number;
  phase: ReplayOutcome['phase'];
  ending: string | null;
  savedAt?: string;
}

/** A key under the prefix that does not hold a save this game can read: it can only be removed. */
export interface DamagedSave {
  id: string;
  /** Why, in plain text. */
  damaged: string;
}

export type SaveEntry = SaveSummary | DamagedSave;

const UNAVAILABLE =
  'Saved games are not available: this browser does not let the game use its storage ' +
  '(private browsing, or site data turned off). Nothing was saved or changed.';
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

  /** Every save, newest first (saves without a date last); damaged ones are listed too. */
  list(): { ok: true; saves: SaveEntry[] } | SaveError {
    return this.using((storage) => {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null && key.startsWith(this.prefix)) keys.push(key);
      }
      const saves: SaveEntry[] = [];
      for (const key of keys) {
        const text = storage.getItem(key);
        if (text !== null) saves.push(this.summarize(key.slice(this.prefix.length), text));
      }
      saves.sort(newestFirst);
      return { ok: true, saves };
    });
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
    let text: string;
    try {
      text = compactReplay(file);
    } catch {
      return fail('malformed', 'This game cannot be saved: its replay is not complete.');
    }
    const checked = parseReplay(text, this.library);
    return checked.ok ? this.write(id, text) : checked;
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
    return this.using((storage) => {
      if (typeof id !== 'string') return { ok: true, removed: false };
      const key = this.prefix + id;
      const removed = storage.getItem(key) !== null;
      storage.removeItem(key);
      return { ok: true, removed };
    });
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

  private summarize(id: string, text: string): SaveEntry {
    const checked = checkReplayText(text, this.library);
    if (!checked.ok) return { id, damaged: checked.message };
    const { replay, title } = checked;
    const { seats, computer, mode } = replay.setup;
    return {
      id,
      scenarioId: replay.scenario.id,
      scenarioTitle: title,
      seats,
      ...(computer === undefined ? {} : { computer }),
      ...(mode === undefined ? {} : { mode }),
      moves: replay.log.length,
      turn: replay.outcome.turn,
      phase: replay.outcome.phase,
      ending: replay.outcome.ending,
      ...(replay.savedAt === undefined ? {} : { savedAt: replay.savedAt }),
    };
  }

  /** Runs `read` on the storage; no storage, or storage that throws, gives the one clear message. */
  private using<T>(read: (storage: StorageLike) => T): T | SaveError {
    const storage = openStorage(this.source);
    if (!storage) return fail('unavailable', UNAVAILABLE);
    try {
      return read(storage);
    } catch {
      return fail('unavailable', UNAVAILABLE);
    }
  }
}

function newestFirst(a: SaveEntry, b: SaveEntry): number {
  const ta = a.damaged === undefined && a.savedAt !== undefined ? Date.parse(a.savedAt) : -Infinity;
  const tb = b.damaged === undefined && b.savedAt !== undefined ? Date.parse(b.savedAt) : -Infinity;
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
