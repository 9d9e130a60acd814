// Which cards play each trade-off of the catalogue, across the scenarios checked together.
import type { Scenario, Tradeoff } from './schema.ts';

export interface CoverageRow {
  tradeoff: string;
  faces: string;
  cards: { scenario: string; card: string }[];
}

export function tradeoffCoverage(
  tradeoffs: readonly Tradeoff[],
  scenarios: readonly Scenario[],
): CoverageRow[] {
  return tradeoffs.map((t) => ({
    tradeoff: t.id,
    faces: t.faces,
    cards: scenarios.flatMap((s) =>
      s.cards.filter((c) => c.tradeoffs.includes(t.id)).map((c) => ({ scenario: s.id, card: c.id })),
    ),
  }));
}
