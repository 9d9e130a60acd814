// The page's saved games: every game saves itself after each move (a replay of it so far, in the
// browser's storage), and the page remembers which game is in progress, so that a reload lands
// back in it. Saving never stops play: a failure is a message, and no other save is touched.
import {
  buildReplay,
  newSaveId,
  parseReplay,
  replayScenarioId,
  SaveStore,
  type LoadedReplay,
  type ReplayError,
  type ReplayFile,
  type ReplaySetup,
  type SaveError,
} from '../persist/index.ts';
import { ROLES } from '../engine/index.ts';
import { content, loadScenario } from './content.ts';
import { rememberedScenario, withRemembered } from './remembered.ts';
import type { Session } from './session.ts';
import { markCurrent } from './saveList.ts';

export { currentSaveId, forgetCurrent, rememberClass, savedClass, type SavedClass } from './saveList.ts';

let shared: SaveStore | null = null;

/** The page's save store, over localStorage (read lazily: some browsers throw on touching it). */
export function saveStore(): SaveStore {
  shared ??= new SaveStore({ storage: () => window.localStorage, library: withRemembered(content) });
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
    const result = saveStore().record(id, replayOf(session, mode));
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

/**
 * Reads replay text (a save, a file, a link) after fetching the scenario it names, so it can be
 * checked and played. Never throws.
 */
export async function readReplay(text: unknown): Promise<LoadedReplay | ReplayError> {
  const id = replayScenarioId(text);
  if (id !== null && content.scenarios.some((s) => s.cover.id === id)) {
    const load = await loadScenario(id);
    if (!load.ok) return { ok: false, code: 'scenario-not-loaded', message: load.message };
  }
  // not one of the game's: a scenario file, opened in this browser before (its title is kept) or
  // not, that is not open now; a replay names it by id, and the file is what it needs
  if (
    id !== null &&
    !content.scenarios.some((s) => s.cover.id === id) &&
    /^[a-z0-9][a-z0-9-]{0,79}$/.test(id)
  ) {
    const name = rememberedScenario(id)?.title ?? id;
    const message = `This replay is of the scenario “${name}”, which is not open: open its file first.`;
    return { ok: false, code: 'scenario-not-loaded', message };
  }
  return parseReplay(text, content);
}

/** A save, read and played, ready to continue (its scenario fetched first). */
export async function loadSave(id: string): Promise<LoadedReplay | ReplayError | SaveError> {
  const listed = saveStore().list();
  if (!listed.ok) return listed;
  const entry = listed.saves.find((s) => s.id === id);
  if (entry && entry.damaged === undefined) {
    const load = await loadScenario(entry.scenarioId);
    if (!load.ok) return { ok: false, code: 'scenario-not-loaded', message: load.message };
  }
  return saveStore().load(id);
}
