// Layer 3 of validation: everything the schema alone cannot see, once the shape is right.
import type { Issue, Path } from './issues.ts';
import type { Library } from './load.ts';
import { checkOffers } from './offers.ts';
import { checkPersonalities } from './personalities.ts';
import { checkRanges } from './ranges.ts';
import { checkReferences } from './references.ts';
import type { Scenario } from './schema.ts';
import { checkSources } from './sources.ts';
import { checkStructure } from './structure.ts';

export interface CheckContext {
  library: Library;
  /** Paragraph id → verbatim text. */
  paragraphs: ReadonlyMap<string, string>;
  /** The source line of a data path, to point at an earlier occurrence in a message. */
  lineOf(path: Path): number | undefined;
}

export function crossCheck(s: Scenario, ctx: CheckContext): Issue[] {
  return [
    ...checkStructure(s),
    ...checkReferences(s, ctx),
    ...checkOffers(s),
    ...checkRanges(s),
    ...checkSources(s, ctx),
    ...checkPersonalities(s),
  ];
}
