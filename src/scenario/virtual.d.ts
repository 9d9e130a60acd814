declare module 'virtual:scenarios' {
  import type { Article, Scenario, Tradeoff } from './schema.ts';
  const data: {
    article: Article;
    tradeoffs: Tradeoff[];
    scenarios: { scenario: Scenario; hash: string }[];
  };
  export default data;
}
