// A shipped scenario's chunk carries its quotes as references into the article and leaves out its
// cover's texts (src/scenario/pack.ts); the page must get back exactly the scenario the build checked.
import { describe, expect, it } from 'vitest';
import { stableHash } from '../src/engine/hash.ts';
import { scenarioCover } from '../src/scenario/cover.ts';
import { packScenario, PackMismatch, unpackScenario } from '../src/scenario/pack.ts';
import { shippedScenarioFiles } from '../src/scenario/node.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { loadAll, scenariosPlugin } from '../src/scenario/vite-plugin.ts';
import { sourcedSites } from '../src/scenario/walk.ts';

const { library, scenarios } = loadAll(shippedScenarioFiles());
const { article } = library;

/** The chunk the build makes for scenario `id`: the plugin's module text, and its data. */
function chunkOf(id: string): { source: string; data: unknown } {
  const plugin = scenariosPlugin();
  const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string;
  const source = load.call({ addWatchFile: () => undefined }, `\0virtual:scenario/${id}`);
  const json = /^export default (.*);$/s.exec(source)?.[1];
  if (json === undefined) throw new Error(`the chunk of ${id} is not "export default <JSON>;"`);
  return { source, data: JSON.parse(json) as unknown };
}

const quotesOf = (s: Scenario): string[] =>
  sourcedSites(s).flatMap((site) => (site.value.quote === undefined ? [] : [site.value.quote]));

const vostochny = scenarios.find((s) => s.scenario.id === 'vostochny-summit')!.scenario;

/** The Vostochny Summit's chunk, changed by `edit`, unpacked with `cover` (its own unless told). */
function unpackEdited(edit: (packed: Record<string, unknown>) => void, cover = scenarioCover(vostochny)) {
  const packed = JSON.parse(JSON.stringify(packScenario(vostochny, article))) as Record<string, unknown>;
  edit(packed);
  return () => unpackScenario(packed, article, cover);
}

describe('the chunk of each shipped scenario', () => {
  it.each(scenarios.map((s) => [s.scenario.id, s] as const))(
    '%s: unpacks to the very scenario the build checked, with its content hash',
    (id, { scenario, hash }) => {
      const { source, data } = chunkOf(id);
      const unpacked = unpackScenario(data, article, scenarioCover(scenario));
      // the same keys in the same order: byte for byte the JSON the chunk carried before packing
      expect(JSON.stringify(unpacked)).toBe(JSON.stringify(scenario));
      expect(stableHash(unpacked)).toBe(hash);
      // and none of the text the page already has: no quote, no summary, no character's words
      const quotes = quotesOf(scenario);
      expect(quotes.length).toBeGreaterThan(20);
      expect(source).not.toContain('"quote":"');
      for (const text of [...quotes, scenario.summary, ...scenario.personalities.map((p) => p.description)])
        expect(source).not.toContain(JSON.stringify(text));
    },
  );
});

describe('packing at build time', () => {
  it('fails with the item and the quote when a quote is not verbatim in a paragraph it cites', () => {
    const scenario = structuredClone(scenarios[0]!.scenario);
    const card = scenario.cards[2]!;
    card.quote = 'words the article never had';
    expect(() => packScenario(scenario, article)).toThrow(
      `scenario "${scenario.id}", card "${card.id}": the quote "words the article never had" is not verbatim in ${card.paragraphs.join(', ')}, so it cannot be shipped as a reference into the article`,
    );
  });
});

const setQuote = (quote: unknown) => (p: Record<string, unknown>) => {
  (p['briefing'] as Record<string, unknown>)['quote'] = quote;
};

/** What `run` throws after "The chunk of scenario "…" does not fit the game it came with: ". */
function mismatchOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof PackMismatch)) return `not a PackMismatch: ${String(error)}`;
    return error.message.replace(
      /^The chunk of scenario "vostochny-summit" does not fit the game it came with: /,
      '',
    );
  }
  return 'nothing thrown';
}

describe('unpacking a chunk that does not fit the article or cover (a build/bundle mismatch)', () => {
  const cited = vostochny.briefing.paragraphs;

  it('throws on a quote that ends past its paragraph', () => {
    const first = article.paragraphs.find((q) => q.id === cited[0])!;
    const length = first.text.length;
    expect(mismatchOf(unpackEdited(setQuote([10, length])))).toBe(
      `the briefing: its quote [10,${length}] ends past the end of ${first.id} (${length} characters).`,
    );
    expect(unpackEdited(setQuote([10, length - 10]))().briefing.quote).toBe(first.text.slice(10));
  });

  it('throws on a quote in a paragraph the item does not cite, or no reference at all', () => {
    const n = cited.length;
    expect(mismatchOf(unpackEdited(setQuote([0, 4, n])))).toBe(
      `the briefing: its quote [0,4,${n}] is in cited paragraph ${n + 1}: the article has none (it cites ${cited.join(', ')}).`,
    );
    for (const quote of ['Moscow', [-1, 4], [0, 0], [1.5, 4], [0, 4, 0, 0]])
      expect(mismatchOf(unpackEdited(setQuote(quote)))).toBe(
        `the briefing: its quote ${JSON.stringify(quote)} is not [offset, length] or [offset, length, paragraph].`,
      );
  });

  it("throws on another scenario's cover, or on cover texts left in the chunk", () => {
    const other = scenarioCover(scenarios.find((s) => s.scenario.id !== vostochny.id)!.scenario);
    expect(unpackEdited(() => {}, other)).toThrow(
      `The chunk of scenario "${other.id}" does not fit the game it came with: it is another scenario.`,
    );
    const own = scenarioCover(vostochny);
    const fewer = { ...own, personalities: own.personalities.slice(1) };
    expect(mismatchOf(unpackEdited(() => {}, fewer))).toBe("its computer's characters are not the cover's.");
    const renamed = own.personalities.map((p, i) => (i === 0 ? { ...p, id: 'someone-else' } : p));
    expect(mismatchOf(unpackEdited(() => {}, { ...own, personalities: renamed }))).toBe(
      'its character 1 is not "someone-else".',
    );
    expect(mismatchOf(unpackEdited((p) => (p['summary'] = vostochny.summary)))).toBe(
      "its summary is not the cover's placeholder.",
    );
  });
});
