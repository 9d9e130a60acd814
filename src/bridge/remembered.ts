// The scenario files this browser has opened (id, title, content hash), kept in localStorage so
// that after a reload a save or a replay of one says "open its file first" rather than "unknown",
// and plays again once the file is opened. The scenario itself is not kept: opening the file
// again checks it again, and a changed file is a different version (another hash).
import type { ReplayLibrary } from '../persist/library.ts';

const KEY = 'sfo.opened-scenarios';
/** Enough for a teacher's term; the oldest is forgotten first. */
const MAX_REMEMBERED = 30;

export interface RememberedScenario {
  id: string;
  title: string;
  hash: string;
}

function isRemembered(value: unknown): value is RememberedScenario {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    r.id.length <= 100 &&
    typeof r.title === 'string' &&
    r.title.length <= 80 &&
    typeof r.hash === 'string' &&
    /^[0-9a-f]{16}$/.test(r.hash)
  );
}

/** Every remembered scenario (an unreadable or damaged list reads as empty). */
export function rememberedScenarios(): RememberedScenario[] {
  try {
    const data: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(data) ? data.filter(isRemembered) : [];
  } catch {
    return [];
  }
}

export function rememberedScenario(id: string): RememberedScenario | undefined {
  return rememberedScenarios().find((r) => r.id === id);
}

/** Remembers an opened scenario (its newest version). False if the browser's storage refused. */
export function rememberScenario(entry: RememberedScenario): boolean {
  const list = [...rememberedScenarios().filter((r) => r.id !== entry.id), entry].slice(-MAX_REMEMBERED);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/**
 * `library` with the remembered scenarios that are not open listed too (by title and hash, not
 * loaded): the saved games of one then list as they are, and opening one asks for the file.
 */
export function withRemembered(library: ReplayLibrary): ReplayLibrary {
  return {
    get scenarios() {
      const listed = library.scenarios;
      const extra = rememberedScenarios()
        .filter((r) => !listed.some((s) => s.cover.id === r.id))
        .map((r) => ({ cover: { id: r.id, title: r.title }, hash: r.hash }));
      return [...listed, ...extra];
    },
    loaded: (id) => library.loaded(id),
  };
}
