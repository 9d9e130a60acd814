// The saved games as the title lists them, each read as far as the list shows it, without the
// engine (a save is played only when it is opened: SaveStore.load); the page loads this only when
// there are saves to list (saveKeys.ts counts and removes them). Every call returns a result and
// never throws; no storage, or storage that throws, is the one clear message.
import { checkReplaySummary } from './check.ts';
import type { ReplayOutcome, ReplaySetup } from './format.ts';
import type { ReplayLibrary } from './library.ts';
import { saveIds, SAVE_PREFIX, usingStorage, type SaveError } from './saveKeys.ts';
import type { StorageSource } from './storage.ts';

export {
  removeSave,
  saveIds,
  SAVE_PREFIX,
  UNAVAILABLE,
  usingStorage,
  type SaveError,
  type SaveErrorCode,
} from './saveKeys.ts';

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
  const listed = saveIds(source, prefix);
  if (!listed.ok) return listed;
  return usingStorage(source, (storage) => {
    const saves: SaveEntry[] = [];
    for (const id of listed.ids) {
      const text = storage.getItem(prefix + id);
      if (text !== null) saves.push(summarize(id, text, library));
    }
    saves.sort(newestFirst);
    return { ok: true, saves };
  });
}

/** Save `id` as the list describes it (read as far as the list reads it), or null if there is none. */
export function readSaveEntry(
  source: StorageSource,
  library: ReplayLibrary,
  id: string,
  prefix = SAVE_PREFIX,
): SaveEntry | null | SaveError {
  return usingStorage(source, (storage) => {
    const text = typeof id === 'string' ? storage.getItem(prefix + id) : null;
    return text === null ? null : summarize(id, text, library);
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
