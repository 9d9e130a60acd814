// The build's grouping of modules by when a player needs them (src/build/loadOrderChunks.ts): the
// opponent's worker must never be handed the page's code, and what the title needs comes first.
import { describe, expect, test } from 'vitest';
import { planGroups, type Graph } from '../src/build/loadOrderChunks.ts';

const ENTRIES = { title: /main$/, play: /game$/, workers: [/worker$/] };

/** A graph from "module: its static imports" lines. */
function graphOf(edges: Record<string, string[]>): { ids: string[]; graph: Graph } {
  return { ids: Object.keys(edges), graph: { importedIds: (id) => edges[id] ?? [] } };
}

describe('grouping modules by load order', () => {
  const { ids, graph } = graphOf({
    main: ['dom', 'vocabulary', 'title-screen'],
    'title-screen': ['dom'],
    dom: [],
    vocabulary: ['random'],
    random: [],
    game: ['map', 'dom', 'rules'],
    map: ['geometry'],
    geometry: [],
    rules: ['vocabulary', 'immer'],
    immer: [],
    worker: ['decide'],
    decide: ['rules'],
    // reached only by a dynamic import (the debrief): left to the bundler
    debrief: ['dom', 'charts'],
    charts: [],
  });
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
  });

  test('the page and the game join their groups; the worker keeps its own chunk; what loads later is left alone', () => {
    expect(groups.get('main')).toBe('title');
    expect(groups.get('game')).toBe('play');
    for (const id of ['worker', 'debrief', 'charts']) expect(groups.has(id)).toBe(false);
  });

  test('without the entries nothing is grouped', () => {
    expect(planGroups(['a', 'b'], graph, ENTRIES).size).toBe(0);
  });
});
