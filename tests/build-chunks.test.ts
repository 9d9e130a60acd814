// The build's grouping of modules by when a player needs them (src/build/loadOrderChunks.ts): the
// opponent's worker must never be handed the page's code, what the title needs comes first, and an
// HTML screen loaded later (the briefing) must not wait for Phaser through a module of the game's.
import { describe, expect, test } from 'vitest';
import { planGroups, type Graph } from '../src/build/loadOrderChunks.ts';

const ENTRIES = { title: /^main$/, play: /^game$/, workers: [/^worker$/], phaser: /^phaser/ };

/** A graph from "module: its static imports" lines, and the dynamic imports apart. */
function graphOf(
  statics: Record<string, string[]>,
  dynamics: Record<string, string[]> = {},
): { ids: string[]; graph: Graph } {
  return {
    ids: Object.keys(statics),
    graph: { importedIds: (id) => statics[id] ?? [], dynamicallyImportedIds: (id) => dynamics[id] ?? [] },
  };
}

describe('grouping modules by load order', () => {
  const { ids, graph } = graphOf(
    {
      main: ['dom', 'vocabulary', 'title-screen'],
      'title-screen': ['dom'],
      dom: [],
      vocabulary: ['random'],
      random: [],
      game: ['phaser', 'map', 'dom', 'rules', 'play-screen'],
      phaser: ['phaser-core'],
      'phaser-core': [],
      map: ['geometry'],
      geometry: [],
      'play-screen': ['role-names'],
      'role-names': [],
      rules: ['vocabulary', 'immer'],
      immer: [],
      worker: ['decide'],
      decide: ['rules'],
      // an HTML screen, loaded later: it and what it uses must work before Phaser is in
      'briefing-screen': ['role-names', 'dom'],
      // a Phaser scene loaded later: it may use the game's modules
      'replay-scene': ['phaser', 'play-screen', 'charts'],
      charts: [],
    },
    { main: ['game', 'briefing-screen', 'replay-scene'] },
  );
  const groups = planGroups(ids, graph, ENTRIES);

  test('what the worker uses is never in the title or play groups', () => {
    for (const id of ['decide', 'rules', 'immer', 'vocabulary', 'random'])
      expect(['common', 'engine']).toContain(groups.get(id));
  });

  test('the title and the worker share only the common group; the rest of the worker is the engine', () => {
    expect(groups.get('vocabulary')).toBe('common');
    expect(groups.get('random')).toBe('common');
    expect(groups.get('rules')).toBe('engine');
    expect(groups.get('decide')).toBe('engine');
  });

  test("the title's own modules, then the game's on top of them", () => {
    expect(groups.get('dom')).toBe('title');
    expect(groups.get('title-screen')).toBe('title');
    expect(groups.get('map')).toBe('play');
    expect(groups.get('geometry')).toBe('play');
    expect(groups.get('play-screen')).toBe('play');
  });

  test('a module of the game that a later HTML screen uses is shared, not in the play group (which imports Phaser)', () => {
    expect(groups.get('role-names')).toBe('shared');
    expect(groups.has('briefing-screen')).toBe(false);
  });

  test('the page and the game join their groups; the worker, Phaser and what loads later are left alone', () => {
    expect(groups.get('main')).toBe('title');
    expect(groups.get('game')).toBe('play');
    for (const id of ['worker', 'phaser', 'phaser-core', 'replay-scene', 'charts'])
      expect(groups.has(id)).toBe(false);
  });

  test('without the entries nothing is grouped', () => {
    expect(planGroups(['a', 'b'], graph, ENTRIES).size).toBe(0);
  });
});
