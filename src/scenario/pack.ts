// A shipped scenario's chunk (virtual:scenario/ID) without the text the page already has from the
// content chunk (virtual:scenarios): each quote is a reference into the article, and the cover's
// texts (title, summary, the computer's characters' names and descriptions) are a placeholder 0.
// The build packs (vite-plugin.ts); the page unpacks before anything else sees the scenario
// (src/bridge/content.ts), which is then exactly the scenario the build checked: same keys in the
// same order, so the same content hash. Scenarios opened from a file keep their own text.
//
//   quote: [offset, length]       characters of the item's first cited paragraph
//   quote: [offset, length, n]    ... of its n-th cited paragraph (from 0)
import type { ScenarioCover } from './cover.ts';
import type { Article, Scenario } from './schema.ts';
import { sourcedSites } from './walk.ts';

export type QuoteRef = [offset: number, length: number] | [offset: number, length: number, paragraph: number];

/** What a scenario chunk's `export default` holds: JSON, read back only by `unpackScenario`. */
export type PackedScenario = { readonly packed: unique symbol };

/** Thrown when a chunk does not fit the article or cover it meets: a build/bundle mismatch. */
export class PackMismatch extends Error {
  override name = 'PackMismatch';
}

/** The placeholder of a cover text in a chunk. */
const FROM_COVER = 0;

const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;

function paragraphTexts(article: Article): Map<string, string> {
  return new Map(article.paragraphs.map((p) => [p.id, p.text]));
}

/** Build time: throws if a quote is not verbatim in a paragraph its item cites (the check says so first). */
export function packScenario(scenario: Scenario, article: Article): PackedScenario {
  const texts = paragraphTexts(article);
  const packed = structuredClone(scenario);
  for (const site of sourcedSites(packed)) {
    const { quote, paragraphs } = site.value;
    if (quote === undefined) continue;
    const n = paragraphs.findIndex((id) => texts.get(id)?.includes(quote));
    if (n < 0) {
      throw new Error(
        `scenario "${scenario.id}", ${site.owner}: the quote "${quote}" is not verbatim in ${paragraphs.join(', ')}, so it cannot be shipped as a reference into the article`,
      );
    }
    const offset = texts.get(paragraphs[n]!)!.indexOf(quote);
    const ref: QuoteRef = n === 0 ? [offset, quote.length] : [offset, quote.length, n];
    (site.value as { quote: unknown }).quote = ref;
  }
  const loose = packed as unknown as Record<string, unknown> & { personalities: Record<string, unknown>[] };
  loose['title'] = loose['summary'] = FROM_COVER;
  for (const p of loose.personalities) p['name'] = p['description'] = FROM_COVER;
  return packed as unknown as PackedScenario;
}

/**
 * In the page: the scenario `packed` was built from, given the article and the scenario's cover
 * shipped with it. Throws a PackMismatch if the chunk does not fit them.
 */
export function unpackScenario(packed: unknown, article: Article, cover: ScenarioCover): Scenario {
  const mismatch = (what: string) =>
    new PackMismatch(`The chunk of scenario "${cover.id}" does not fit the game it came with: ${what}.`);
  const scenario = structuredClone(packed) as Record<string, unknown> & { personalities: unknown[] };
  if (scenario?.['id'] !== cover.id) throw mismatch('it is another scenario');
  const fill = (into: Record<string, unknown>, key: string, text: string) => {
    if (into[key] !== FROM_COVER) throw mismatch(`its ${key} is not the cover's placeholder`);
    into[key] = text;
  };
  fill(scenario, 'title', cover.title);
  fill(scenario, 'summary', cover.summary);
  const characters = scenario.personalities;
  if (characters.length !== cover.personalities.length)
    throw mismatch("its computer's characters are not the cover's");
  cover.personalities.forEach((shown, i) => {
    const p = characters[i] as Record<string, unknown>;
    if (p['id'] !== shown.id) throw mismatch(`its character ${i + 1} is not "${shown.id}"`);
    fill(p, 'name', shown.name);
    fill(p, 'description', shown.description);
  });
  const texts = paragraphTexts(article);
  for (const site of sourcedSites(scenario as unknown as Scenario)) {
    const ref: unknown = site.value.quote;
    if (ref !== undefined)
      site.value.quote = quoteAt(ref, site.value.paragraphs, texts, (what) =>
        mismatch(`${site.owner}: its quote ${JSON.stringify(ref)} ${what}`),
      );
  }
  return scenario as unknown as Scenario;
}

function quoteAt(
  ref: unknown,
  cited: string[],
  texts: ReadonlyMap<string, string>,
  mismatch: (what: string) => PackMismatch,
): string {
  if (!Array.isArray(ref) || ref.length < 2 || ref.length > 3 || !ref.every(whole) || ref[1] === 0)
    throw mismatch('is not [offset, length] or [offset, length, paragraph]');
  const [offset, length, n = 0] = ref as QuoteRef;
  const id = cited[n];
  const text = id === undefined ? undefined : texts.get(id);
  if (text === undefined)
    throw mismatch(`is in cited paragraph ${n + 1}: the article has none (it cites ${cited.join(', ')})`);
  if (offset + length > text.length) throw mismatch(`ends past the end of ${id} (${text.length} characters)`);
  return text.slice(offset, offset + length);
}
