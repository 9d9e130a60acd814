// The page's saved games: every game saves itself after each move (a replay of it so far, in the
// browser's storage), and the page remembers which game is in progress, so that a reload lands
// back in it. Saving never stops play: a failure is a message, and no other save is touched.
// Opening a save, a file or a link (which checks what it reads) is opening.ts, loaded when asked.
// (from the modules themselves, not persist/index.ts: a game in progress does not load the checks
// that reading a save calls for, which the index brings along)
import type { ReplayFile, ReplaySetup } from '../persist/format.ts';
import { buildReplay } from '../persist/replayFile.ts';
import { newSaveId, SaveWriter } from '../persist/saveWriter.ts';
import { ROLES } from '../engine/index.ts';
import { content } from './content.ts';
import { withRemembered } from './remembered.ts';
import type { Session } from './session.ts';
import { markCurrent } from './saveList.ts';

export { currentSaveId, forgetCurrent, rememberClass, savedClass, type SavedClass } from './saveList.ts';

let shared: SaveWriter | null = null;

/** What writes the page's saves, over localStorage (read lazily: some browsers throw on touching it). */
function saveWriter(): SaveWriter {
  shared ??= new SaveWriter({ storage: () => window.localStorage, library: withRemembered(content) });
  return shared;
}

/** Who sat where, for the replay file. */
export function setupOf(session: Session, mode: string): ReplaySetup {
  const computer: NonNullable<ReplaySetup['computer']> = {};
  for (const role of ROLES) {
    if (session.seat(role) !== 'computer') continue;
    const { level, personality } = session.computerSetup(role);
    computer[role] = personality === undefined ? { level } : { level, personality };
  }
  return { seats: { ...session.options.seats }, computer, mode };
}

/** The game so far as a replay file, dated now. */
export function replayOf(session: Session, mode: string): ReplayFile {
  return buildReplay({
    scenarioHash: session.options.scenarioHash,
    state: session.state,
    setup: setupOf(session, mode),
    savedAt: new Date().toISOString(),
  });
}

/** A fresh id for a new game's save. */
export function freshSaveId(): string {
  return newSaveId(crypto.getRandomValues(new Uint32Array(1))[0]!, new Date().toISOString());
}

export interface Autosave {
  /** Stops saving (the session is over or replaced). */
  stop(): void;
}

/**
 * Saves the session after every move under `id`, and marks it as the game in progress until it
 * ends. `onProblem` hears a failure once (and again only after a save has worked since).
 */
export function autosave(
  session: Session,
  id: string,
  mode: string,
  onProblem: (message: string) => void,
): Autosave {
  let failing = false;
  const save = () => {
    // the game's own states: written without playing them again (checked where foreign data comes in)
    const result = saveWriter().record(id, replayOf(session, mode));
    if (result.ok) {
      failing = false;
      markCurrent(session.state.phase === 'over' ? null : id);
    } else if (!failing) {
      failing = true;
      onProblem(`${result.message} You can keep playing; this game is not being saved.`);
    }
  };
  session.events.on('changed', save);
  save();
  return { stop: () => session.events.off('changed', save) };
}
