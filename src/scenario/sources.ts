// Checks that the scenario rests on the article: cited paragraphs and trade-offs exist, and every
// quote is a verbatim part of a paragraph its item cites.
import { didYouMean, type Issue } from './issues.ts';
import type { CheckContext } from './crossCheck.ts';
import type { Scenario } from './schema.ts';
import { sourcedSites, type Sourced } from './walk.ts';

/** Folds the characters authors tend to retype (curly quotes, dashes, case) without changing length. */
function fold(text: string): string {
  return text
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s/g, ' ')
    .toLowerCase();
}

function quoteProblem(
  quote: string,
  cited: string[],
  paragraphs: ReadonlyMap<string, string>,
): string | null {
  const texts = cited.map((id) => paragraphs.get(id) ?? '');
  if (texts.some((t) => t.includes(quote))) return null;
  const list = cited.join(', ');
  for (const text of texts) {
    const at = fold(text).indexOf(fold(quote));
    if (at >= 0 && fold(text).length === text.length) {
      const original = text.slice(at, at + quote.length);
      return `quote is not verbatim: the article reads "${original}" (quotes, dashes and case must match)`;
    }
  }
  const elsewhere = [...paragraphs].find(([, text]) => text.includes(quote));
  if (elsewhere)
    return `quote is not in ${list}, which this item cites; it is in ${elsewhere[0]}: cite that paragraph`;
  let prefix = quote.length - 1;
  while (prefix > 0 && !texts.some((t) => t.includes(quote.slice(0, prefix)))) prefix--;
  const start = prefix >= 8 ? `; it matches only as far as "${quote.slice(0, prefix)}"` : '';
  return `quote is not a verbatim part of ${list}${start}`;
}

function checkSourced(
  site: { path: readonly (string | number)[]; value: Sourced },
  ctx: CheckContext,
): Issue[] {
  const issues: Issue[] = [];
  const { paragraphs } = ctx;
  site.value.paragraphs.forEach((id, i) => {
    if (!paragraphs.has(id)) {
      const ids = [...paragraphs.keys()];
      const range = `the article has ${ids[0]} to ${ids[ids.length - 1]}`;
      issues.push({ path: [...site.path, 'paragraphs', i], message: `unknown paragraph "${id}" (${range})` });
    }
  });
  const quote = site.value.quote;
  const cited = site.value.paragraphs.filter((id) => paragraphs.has(id));
  if (quote !== undefined && cited.length === site.value.paragraphs.length) {
    const problem = quoteProblem(quote, cited, paragraphs);
    if (problem) issues.push({ path: [...site.path, 'quote'], message: problem });
  }
  return issues;
}

export function checkSources(s: Scenario, ctx: CheckContext): Issue[] {
  const issues = sourcedSites(s).flatMap((site) => checkSourced(site, ctx));
  const known = new Set(ctx.library.tradeoffs.map((t) => t.id));
  s.cards.forEach((card, c) =>
    card.tradeoffs.forEach((id, t) => {
      if (known.has(id)) return;
      issues.push({
        path: ['cards', c, 'tradeoffs', t],
        message: `unknown trade-off "${id}" (not in scenarios/tradeoffs.yaml)${didYouMean(id, known)}`,
      });
    }),
  );
  return issues;
}
