// Opening a saved game, a replay file or a link: the text is checked and played before anything
// uses it (src/persist: parseReplay), after fetching the scenario it names. Loaded the first time
// a player opens one (the title's saved games, a file, a link), not for a game in progress.
import {
  parseReplay,
  replayScenarioId,
  SaveStore,
  type LoadedReplay,
  type ReplayError,
  type SaveError,
} from '../persist/index.ts';
import { content, loadScenario } from './content.ts';
import { rememberedScenario, withRemembered } from './remembered.ts';

let shared: SaveStore | null = null;

/** The page's saves, read and checked, over localStorage (read lazily: some browsers throw). */
function saveStore(): SaveStore {
  shared ??= new SaveStore({ storage: () => window.localStorage, library: withRemembered(content) });
  return shared;
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
  // (this save alone, as the list describes it: which scenario to fetch before playing it)
  const entry = saveStore().entry(id);
  if (entry && 'ok' in entry) return entry;
  if (entry && entry.damaged === undefined) {
    const load = await loadScenario(entry.scenarioId);
    if (!load.ok) return { ok: false, code: 'scenario-not-loaded', message: load.message };
  }
  return saveStore().load(id);
}
