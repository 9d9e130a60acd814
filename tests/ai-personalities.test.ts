// The scenario checker on the opponent's personalities: what they weigh must exist, and they rest
// on the article like every other item. Exact messages, in the style of scenario-check.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioText } from '../src/scenario/load.ts';
import { loadLibrary, loadShippedScenario } from '../src/scenario/node.ts';

const ROOT = resolve(import.meta.dirname, '..');
const mini = readFileSync(join(ROOT, 'tests/fixtures/mini.scenario.yaml'), 'utf8');
const library = loadLibrary();

/** The mini scenario (201 lines), then `personalities:` on line 202 and this block below it. */
function check(block: string): string[] {
  const result = parseScenarioText(`${mini}personalities:\n${block}`, 'x.yaml', library);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const GOOD = `  - id: seller
    role: kim
    name: The seller
    description: Sells while Moscow pays.
    paragraphs: [p04]
    quote: Pyongyang, for its part, has an excess of both
    weights: { dprk.currency: 1, exposure: -0.5 }
    flags: { deal: 20 }
    options: { sell-shells/sell: 10 }
  - id: buyer
    role: putin
    name: The buyer
    description: Buys at any price.
    paragraphs: [p09]
    weights: { russia.shells: 2 }
`;

describe('personalities in a scenario file', () => {
  it('accepts well-formed personalities, and a scenario without any', () => {
    expect(check(GOOD)).toEqual([]);
    const parsed = parseScenarioText(`${mini}personalities:\n${GOOD}`, 'x.yaml', library);
    expect(parsed.ok && parsed.scenario.personalities.map((p) => [p.id, p.flags, p.options])).toEqual([
      ['seller', { deal: 20 }, { 'sell-shells/sell': 10 }],
      ['buyer', {}, {}],
    ]);
    const plain = parseScenarioText(mini, 'x.yaml', library);
    expect(plain.ok && plain.scenario.personalities).toEqual([]);
  });

  it('names an unknown meter, flag, card or option, with the line', () => {
    const block = GOOD.replace('dprk.currency: 1', 'dprk.curency: 1')
      .replace('{ deal: 20 }', '{ deal: 20, summit-held: 5 }')
      .replace('{ sell-shells/sell: 10 }', '{ sell-shells/give: 10, sell-shell/sell: 3 }');
    expect(check(block)).toEqual([
      'x.yaml:209:16 personalities[0].weights["dprk.curency"]: unknown meter "dprk.curency" in the weights of personality "seller" (meters: dprk.munitions, dprk.currency, russia.shells, exposure); did you mean "dprk.currency"?',
      'x.yaml:210:24 personalities[0].flags.summit-held: flag "summit-held" is weighed by personality "seller" but nothing sets it',
      'x.yaml:211:16 personalities[0].options["sell-shells/give"]: card "sell-shells" has no option "give" (options: sell, refuse)',
      'x.yaml:211:38 personalities[0].options["sell-shell/sell"]: unknown card "sell-shell" in the options of personality "seller"; did you mean "sell-shells"?',
    ]);
  });

  it('finds a duplicate id, a role that does not play, and bad sources', () => {
    const block = `${GOOD}  - id: seller
    role: putin
    name: Again
    description: The same id twice.
    paragraphs: [p99]
`;
    expect(check(block)).toEqual([
      'x.yaml:218:9 personalities[2].id: duplicate personality id "seller" (first used by personality 1)',
      'x.yaml:222:18 personalities[2].paragraphs[0]: unknown paragraph "p99" (the article has p01 to p31)',
    ]);
    expect(check(GOOD.replace('quote: Pyongyang, for its part', 'quote: Pyongyang, for her part'))).toEqual([
      'x.yaml:208:12 personalities[0].quote: quote is not a verbatim part of p04; it matches only as far as "Pyongyang, for "',
    ]);
    const onlyKim = mini
      .replace('roles: [kim, putin]', 'roles: [kim]')
      .replace('turnOrder: [kim, putin]\n', '');
    const result = parseScenarioText(`${onlyKim}personalities:\n${GOOD}`, 'x.yaml', library);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toContain(
      'personality "buyer" is for putin, who does not play in this scenario (roles: kim)',
    );
  });

  it('checks the shape: weights are numbers within ±1000, names are short', () => {
    expect(check(GOOD.replace('russia.shells: 2', 'russia.shells: lots'))).toEqual([
      'x.yaml:217:31 personalities[1].weights["russia.shells"]: expected a number, got "lots"',
    ]);
    expect(check(GOOD.replace('russia.shells: 2', 'russia.shells: 5000'))).toHaveLength(1);
    expect(
      check(GOOD.replace('    weights: { russia.shells: 2 }\n', '    wieghts: { russia.shells: 2 }\n')),
    ).toEqual([expect.stringContaining('unknown key "wieghts"')]);
  });

  it('the summit ships two or more personalities per role, each citing the article', () => {
    const { scenario } = loadShippedScenario('vostochny-summit');
    for (const role of ['kim', 'putin'] as const) {
      const own = scenario.personalities.filter((p) => p.role === role);
      expect(own.length).toBeGreaterThanOrEqual(2);
      for (const p of own) expect(p.paragraphs.length).toBeGreaterThan(0);
    }
    expect(scenario.personalities.map((p) => p.id)).toEqual(
      expect.arrayContaining(['shells-at-any-price', 'cautious-guardian', 'price-maximiser', 'safety-first']),
    );
  });
});
