// The reference in docs/scenario-format.md is generated from the schema: it fails here when the
// schema changed and `npm run docs:scenario` was not run, so the docs cannot drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDoc, FORMAT_DOC } from '../tools/docs-scenario.ts';
import { scenarioReference } from '../src/scenario/reference.ts';

describe('the generated scenario reference', () => {
  it('is up to date in docs/scenario-format.md (run npm run docs:scenario if not)', async () => {
    expect(readFileSync(FORMAT_DOC, 'utf8')).toBe(await freshDoc());
  });

  it('lists every key the schema accepts, with its type, default and meaning', () => {
    const reference = scenarioReference();
    expect(reference).toContain('### Option');
    expect(reference).toContain(
      '| `p` | number, above 0, at most 1 | required | its chance, a fraction of 1 (0.3 is 30 %) |',
    );
    expect(reference).toContain('| `handSize` | whole number, 1 to 6 | default `3` |');
    expect(reference).toContain(
      '| `when` | [Condition](#condition) | optional | it can be dealt only while this holds |',
    );
  });
});
