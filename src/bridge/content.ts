// The content shipped with the game (validated at build time) and look-ups over it.
import shipped from 'virtual:scenarios';
import type { Article, Paragraph, Scenario, Tradeoff } from '../scenario/schema.ts';

/** What vite-plugin.ts emits; it validated every file when the game was built. */
interface Shipped {
  article: Article;
  tradeoffs: Tradeoff[];
  scenarios: { scenario: Scenario; hash: string }[];
}
const data = shipped as Shipped;

export interface Content {
  article: Article;
  tradeoffs: Tradeoff[];
  scenarios: { scenario: Scenario; hash: string }[];
  paragraph(id: string): Paragraph | undefined;
  tradeoff(id: string): Tradeoff | undefined;
}

const paragraphs = new Map(data.article.paragraphs.map((p) => [p.id, p]));
const tradeoffs = new Map(data.tradeoffs.map((t) => [t.id, t]));

export const content: Content = {
  article: data.article,
  tradeoffs: data.tradeoffs,
  scenarios: data.scenarios,
  paragraph: (id) => paragraphs.get(id),
  tradeoff: (id) => tradeoffs.get(id),
};
