// Build time: the app's code in as few files as the order it loads in allows. The bundler's own
// splitting leaves every module that the title and a later screen both use in a file of its own
// (two dozen files under 1 kB to the first move, each compressed alone); this plugin groups them by
// when a player needs them instead:
//   title   what the page needs to show the title (everything main.ts imports, statically)
//   shared  what a game needs that an HTML screen loaded later uses too (the briefing, the
//           teacher's screens): those must work before Phaser is in, and the play chunk imports it
//   play    the rest of what a game needs (everything game.ts imports, statically)
//   common  what the title and the opponent's worker both use (the vocabulary, seeded numbers)
//   engine  the rest of what the worker uses (the engine's rules, the opponent), which a game loads
// The worker loads only the last two: it must not load the page's code; its own module keeps its
// chunk. (The page's entry and the game's module join their groups: a file less each.) Whatever
// is in no group is left to the bundler's own chunks. (A group takes the modules its members import
// too, unless a group before it took them: hence the order, and 'shared' before 'play'.)
import type { Plugin } from 'vite';

export interface Graph {
  importedIds(id: string): readonly string[];
  dynamicallyImportedIds(id: string): readonly string[];
}

/** Every module `from` reaches by the edges `next` gives, not entering `stop` (`from` included). */
function reach(
  from: string,
  next: (id: string) => readonly string[],
  stop = (_id: string) => false,
): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || (id !== from && stop(id))) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}

/** In the order the groups take their modules (vite.config.ts gives them priorities so). */
export const GROUPS = ['common', 'engine', 'title', 'shared', 'play'] as const;
export type Group = (typeof GROUPS)[number];

export interface Entries {
  title: RegExp;
  play: RegExp;
  workers: RegExp[];
  /** Phaser's own modules: whatever imports them, statically, cannot run before Phaser is in. */
  phaser: RegExp;
}

/** Which group each module of the graph goes to (modules in none are left to the bundler). */
export function planGroups(ids: readonly string[], graph: Graph, entries: Entries): Map<string, Group> {
  const groups = new Map<string, Group>();
  const find = (re: RegExp) => ids.find((id) => re.test(id));
  const titleEntry = find(entries.title);
  const playEntry = find(entries.play);
  if (!titleEntry || !playEntry) return groups;
  const workerEntries = entries.workers.map(find).filter((id) => id !== undefined);
  const statics = (id: string) => graph.importedIds(id);
  const worker = new Set(workerEntries.flatMap((entry) => [...reach(entry, statics)]));
  const title = reach(titleEntry, statics);
  const play = reach(playEntry, statics);
  // the modules that need Phaser: Phaser's, and every one that imports one of those, statically
  const importers = new Map<string, string[]>();
  for (const id of ids)
    for (const to of statics(id)) {
      const list = importers.get(to);
      if (list) list.push(id);
      else importers.set(to, [id]);
    }
  const needsPhaser = new Set<string>();
  for (const id of ids)
    if (entries.phaser.test(id))
      for (const up of reach(id, (x) => importers.get(x) ?? [])) needsPhaser.add(up);
  // what the page reaches, statically or not, without going through a module that needs Phaser:
  // the HTML screens and what they use
  const htmlSide = reach(
    titleEntry,
    (id) => [...statics(id), ...graph.dynamicallyImportedIds(id)],
    (id) => needsPhaser.has(id),
  );
  for (const id of ids) {
    // (Phaser keeps its own chunk: vite.config.ts)
    if (workerEntries.includes(id) || entries.phaser.test(id)) continue;
    const group: Group | null = worker.has(id)
      ? title.has(id)
        ? 'common'
        : 'engine'
      : title.has(id)
        ? 'title'
        : play.has(id)
          ? htmlSide.has(id)
            ? 'shared'
            : 'play'
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
      const graph: Graph = {
        importedIds: (id) => this.getModuleInfo(id)?.importedIds ?? [],
        dynamicallyImportedIds: (id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? [],
      };
      groups = planGroups([...this.getModuleIds()], graph, entries);
    },
  };
  return { plugin, groupOf: (id) => groups.get(id) ?? null };
}
