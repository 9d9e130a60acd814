// Saved games in the browser's storage: one key per save ("sfo.save." and its id) holding a
// replay's compact JSON, and no index beside them, so one bad write can spoil at most its own save.
// Every call returns a result and never throws: no storage, a full store, a damaged or foreign
// entry each become a message, and every other save stays as it was.
import type { ReplayError } from './replayError.ts';
import type { ReplayFile } from './format.ts';
import { parseReplay, type LoadedReplay } from './readReplay.ts';
import { compactReplay } from './replayFile.ts';
import { fail } from './result.ts';
import { listSaves, readSaveEntry, type SaveEntry, type SaveError } from './saveList.ts';
import { compacted, SaveWriter } from './saveWriter.ts';
import { quoted } from './text.ts';

export {
  SAVE_PREFIX,
  type DamagedSave,
  type SaveEntry,
  type SaveError,
  type SaveErrorCode,
  type SaveSummary,
} from './saveList.ts';
export { newSaveId, SAVE_ID, SaveWriter, type SaveStoreOptions } from './saveWriter.ts';

/** The saves, read and checked as well as written (SaveWriter). */
export class SaveStore extends SaveWriter {
  /** Every save, newest first (saves without a date last); damaged ones are listed too (saveList.ts). */
  list(): { ok: true; saves: SaveEntry[] } | SaveError {
    return listSaves(this.source, this.library, this.prefix);
  }

  /** One save as `list` describes it, without reading the others; null if there is none. */
  entry(id: string): SaveEntry | null | SaveError {
    return readSaveEntry(this.source, this.library, id, this.prefix);
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
}
