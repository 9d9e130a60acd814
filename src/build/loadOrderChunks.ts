// Build time: the app's code in as few files as the order it loads in allows. The bundler's own
// splitting leaves every module that the title and a later screen both use in a file of its own
// (two dozen files under 1 kB to the first move, each compressed alone); this plugin groups them by
// when a player needs them instead:
//   title   what the page needs to show the title (everything main.ts imports, statically)
//   play    what a game needs on top of it (everything game.ts imports, statically)
//   common  what the title and the opponent's worker both use (the vocabulary, seeded numbers)
//   engine  the rest of what the worker uses (the engine's rules, the opponent), which a game loads
// The worker loads only the last two: it must not load the page's code; its own module keeps its
// chunk. (The page's entry and the game's module join their groups: a file less each.)
import type { Plugin } from 'vite';

export interface Graph {
  importedIds(id: string): readonly string[];
}

/** Every module `from` reaches by static imports (itself included). */
function closure(graph: Graph, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...graph.importedIds(id));
  }
  return seen;
}

export type Group = 'common' | 'engine' | 'title' | 'play';

export interface Entries {
  title: RegExp;
  play: RegExp;
  workers: RegExp[];
}

/** Which group each module of the graph goes to (modules in none are left to the bundler). */
export function planGroups(ids: readonly string[], graph: Graph, entries: Entries): Map<string, Group> {
  const groups = new Map<string, Group>();
  const find = (re: RegExp) => ids.find((id) => re.test(id));
  const titleEntry = find(entries.title);
  const playEntry = find(entries.play);
  if (!titleEntry || !playEntry) return groups;
  const workerEntries = entries.workers.map(find).filter((id) => id !== undefined);
  const worker = new Set(workerEntries.flatMap((entry) => [...closure(graph, entry)]));
  const title = closure(graph, titleEntry);
  const play = closure(graph, playEntry);
  const entryIds = new Set(workerEntries);
  for (const id of ids) {
    if (entryIds.has(id)) continue;
    const group: Group | null = worker.has(id)
      ? title.has(id)
        ? 'common'
        : 'engine'
      : title.has(id)
        ? 'title'
        : play.has(id)
          ? 'play'
          : null;
    if (group) groups.set(id, group);
  }
  return groups;
}

export interface LoadOrder {
  plugin: Plugin;
  /** The group (for codeSplitting.groups' test) of module `id`, once the graph is known. */
  groupOf(id: string): Group | null;
}

export function loadOrderChunks(entries: Entries): LoadOrder {
  let groups = new Map<string, Group>();
  const plugin: Plugin = {
    name: 'shells-for-oil-load-order-chunks',
    apply: 'build',
    buildEnd() {
      const graph: Graph = { importedIds: (id) => this.getModuleInfo(id)?.importedIds ?? [] };
      groups = planGroups([...this.getModuleIds()], graph, entries);
    },
  };
  return { plugin, groupOf: (id) => groups.get(id) ?? null };
}
