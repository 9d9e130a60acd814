// The saved games as the title lists them, and removing one: what the page needs at boot, without
// the engine (a save is played only when it is opened: SaveStore.load). Every call returns a result
// and never throws; no storage, or storage that throws, is the one clear message.
import { checkReplaySummary } from './check.ts';
import type { ReplayOutcome, ReplaySetup } from './format.ts';
import type { ReplayLibrary } from './library.ts';
import { fail, type Failure } from './result.ts';
import { openStorage, type StorageLike, type StorageSource } from './storage.ts';

export const SAVE_PREFIX = 'sfo.save.';

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

/**
 * Every save under `prefix`, newest first (saves without a date last); damaged ones are listed
 * too. Each is read as far as the list shows it (checkReplaySummary): its moves are counted, not
 * checked or played.
 */
export function listSaves(
  source: StorageSource,
  library: ReplayLibrary,
  prefix = SAVE_PREFIX,
): { ok: true; saves: SaveEntry[] } | SaveError {
  return usingStorage(source, (storage) => {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    const saves: SaveEntry[] = [];
    for (const key of keys) {
      const text = storage.getItem(key);
      if (text !== null) saves.push(summarize(key.slice(prefix.length), text, library));
    }
    saves.sort(newestFirst);
    return { ok: true, saves };
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

function summarize(id: string, text: string, library: ReplayLibrary): SaveEntry {
  const checked = checkReplaySummary(text, library);
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

function newestFirst(a: SaveEntry, b: SaveEntry): number {
  const ta = a.damaged === undefined && a.savedAt !== undefined ? Date.parse(a.savedAt) : -Infinity;
  const tb = b.damaged === undefined && b.savedAt !== undefined ? Date.parse(b.savedAt) : -Infinity;
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
