// The content shipped with the game (validated at build time) and look-ups over it. The article,
// the trade-offs and each scenario's cover come with the page; a whole scenario is fetched when a
// game of it starts (`loadScenario`), without the article's text and the cover it already has here
// (src/scenario/pack.ts restores them), and kept.
import shipped from 'virtual:scenarios';
import type { ScenarioCover } from '../scenario/cover.ts';
import type { Article, Paragraph, Scenario, Tradeoff } from '../scenario/schema.ts';
import { unpackScenario } from '../scenario/pack.ts';
import { rememberedScenario } from './remembered.ts';

/** What vite-plugin.ts emits; it validated every file when the game was built. */
interface Shipped {
  article: Article;
  tradeoffs: Tradeoff[];
  scenarios: { cover: ScenarioCover; hash: string; load: () => Promise<{ default: unknown }> }[];
}
const data = shipped as Shipped;

export interface LoadedScenario {
  scenario: Scenario;
  hash: string;
}

export interface Content {
  article: Article;
  tradeoffs: Tradeoff[];
  /** Every shipped scenario's cover and content hash, in the order the title lists them. */
  scenarios: { cover: ScenarioCover; hash: string }[];
  paragraph(id: string): Paragraph | undefined;
  tradeoff(id: string): Tradeoff | undefined;
  /** A scenario fetched before (by `loadScenario`), if it has been. */
  loaded(id: string): LoadedScenario | undefined;
}

/** The ids of the scenarios the game was built with (a file opened in the page may not reuse one). */
export const shippedIds: readonly string[] = data.scenarios.map((s) => s.cover.id);
const listed: { cover: ScenarioCover; hash: string }[] = data.scenarios.map(({ cover, hash }) => ({
  cover,
  hash,
}));

const paragraphs = new Map(data.article.paragraphs.map((p) => [p.id, p]));
const tradeoffs = new Map(data.tradeoffs.map((t) => [t.id, t]));
const cache = new Map<string, LoadedScenario>();

export const content: Content = {
  article: data.article,
  tradeoffs: data.tradeoffs,
  scenarios: listed,
  paragraph: (id) => paragraphs.get(id),
  tradeoff: (id) => tradeoffs.get(id),
  loaded: (id) => cache.get(id),
};

/**
 * Adds a scenario the page opened from a file and checked (customScenarios.ts): it is listed and
 * played like a shipped one from now on, in place of an earlier version of the same file.
 */
export function addOpenedScenario(loaded: LoadedScenario, cover: ScenarioCover): void {
  const at = listed.findIndex((s) => s.cover.id === cover.id);
  if (at >= 0) listed.splice(at, 1, { cover, hash: loaded.hash });
  else listed.push({ cover, hash: loaded.hash });
  cache.set(cover.id, loaded);
}

export type ScenarioLoad = { ok: true; loaded: LoadedScenario } | { ok: false; message: string };

/** Fetches a shipped scenario by id. Never throws: an unknown id or a failed fetch is a message. */
export async function loadScenario(id: string): Promise<ScenarioLoad> {
  const known = cache.get(id);
  if (known) return { ok: true, loaded: known };
  const entry = data.scenarios.find((s) => s.cover.id === id);
  if (!entry) {
    // a scenario file opened in this browser before the page was reloaded (kept by title only)
    const opened = rememberedScenario(id);
    const message = opened
      ? `The scenario “${opened.title}” is not open: open its file first (“Open a scenario file…” on the title screen).`
      : `This game has no scenario called “${id}”.`;
    return { ok: false, message };
  }
  let packed: unknown;
  try {
    packed = (await entry.load()).default;
  } catch {
    return {
      ok: false,
      message: `The scenario “${entry.cover.title}” could not be loaded. Check the connection and try again.`,
    };
  }
  try {
    const loaded = { scenario: unpackScenario(packed, data.article, entry.cover), hash: entry.hash };
    cache.set(id, loaded);
    return { ok: true, loaded };
  } catch (error) {
    // a PackMismatch: files of two versions of the game (a half-updated cache); a reload gets one
    console.error(error);
    return {
      ok: false,
      message: `The scenario “${entry.cover.title}” does not fit this version of the game. Reload the page and try again.`,
    };
  }
}
