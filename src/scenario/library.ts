// Checks the article and the trade-off catalogue that every scenario rests on (pure, like load.ts).
import type { Issue } from './issues.ts';
import type { Article, Tradeoff } from './schema.ts';

export function checkArticle(article: Article): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  article.paragraphs.forEach((p, i) => {
    if (seen.has(p.id))
      issues.push({ path: ['paragraphs', i, 'id'], message: `duplicate paragraph id "${p.id}"` });
    seen.add(p.id);
  });
  return issues;
}

export function checkTradeoffs(tradeoffs: Tradeoff[], article: Article): Issue[] {
  const paragraphs = new Set(article.paragraphs.map((p) => p.id));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  tradeoffs.forEach((t, i) => {
    if (seen.has(t.id))
      issues.push({ path: ['tradeoffs', i, 'id'], message: `duplicate trade-off id "${t.id}"` });
    seen.add(t.id);
    t.paragraphs.forEach((id, j) => {
      if (!paragraphs.has(id)) {
        issues.push({
          path: ['tradeoffs', i, 'paragraphs', j],
          message: `unknown paragraph "${id}" (not in article.yaml)`,
        });
      }
    });
  });
  return issues;
}
