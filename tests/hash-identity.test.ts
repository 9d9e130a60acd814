// The content hashes in players' saves, replay files, share links and class results were all made
// with safe-stable-stringify 3.0.0 and @noble/hashes' hex helpers. The page now ships a smaller
// canonical JSON (fast-json-stable-stringify) and its own hex loop: a save made before must hash
// the same after, or it would be refused as "changed". These tests hold the new hash to the old
// one, byte for byte (safe-stable-stringify stays a devDependency for them alone).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as fc from 'fast-check';
import { freeze } from 'immer';
import { stringify as referenceStringify } from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  canonicalJson,
  compileRules,
  newGame,
  randomPolicy,
  ROLES,
  stableHash,
  type GameState,
  type Rules,
} from '../src/engine/index.ts';
import { loadShippedScenario, SCENARIO_DIR, shippedScenarioFiles } from '../src/scenario/node.ts';
import { fixtureScenario } from './helpers/load.ts';

/** The canonical JSON every file so far was hashed from. */
function referenceJson(value: unknown): string {
  return referenceStringify(value) ?? 'null';
}

/** The hash every file so far records. */
function referenceHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(referenceJson(value)))).slice(0, 16);
}

// Keys whose order by UTF-16 code unit differs from their insertion order, from their order by
// code point ('\uffff' sorts after the surrogate pair of U+1F600 by code unit, before it by code
// point), and from the order Object.keys gives integer-like keys ('10' before '9' once sorted).
const trickyKey = fc.constantFrom(
  '',
  'a',
  'B',
  'é',
  'e\u0301',
  '\u00ff',
  '\u0100',
  '\uffff',
  '\ud83d\ude00',
  '\ud800',
  '\udfff',
  '0',
  '1',
  '9',
  '10',
  '-1',
  '1.5',
  '__proto__',
  'constructor',
  'toJSON',
  '"',
  '\\',
  '\n',
  '\u2028',
);
const keyArb = fc.oneof(trickyKey, fc.string({ unit: 'binary' }), fc.string({ unit: trickyKey }));

const numberArb = fc.oneof(
  fc.double(), // with -0, NaN, ±Infinity, subnormals and huge values
  fc.integer(),
  fc.constantFrom(-0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
);
const stringArb = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: trickyKey }));
const leafArb = fc.oneof(fc.constant(null), fc.boolean(), numberArb, stringArb);

const { value: valueArb } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 5 }, leafArb, tie('array'), tie('object')),
  array: fc.oneof(
    fc.array(fc.option(tie('value'), { nil: undefined, freq: 4 })),
    fc.sparseArray(tie('value'), { maxLength: 6 }),
  ),
  object: fc.dictionary(keyArb, fc.option(tie('value'), { nil: undefined, freq: 4 }), { maxKeys: 8 }),
}));

describe('canonical JSON and the hash, against the ones every stored file was made with', () => {
  it('give the same text and hash for any JSON-like value, frozen or not', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect(canonicalJson(value)).toBe(referenceJson(value));
        expect(stableHash(value)).toBe(referenceHash(value));
        const frozen = freeze(structuredClone(value), true);
        expect(canonicalJson(frozen)).toBe(referenceJson(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on the edge cases by name', () => {
    const cases: unknown[] = [
      undefined,
      null,
      -0,
      [-0],
      { a: undefined },
      { a: undefined, b: 1 },
      [undefined, 1],
      [],
      {},
      [[], {}],
      { '\uffff': 1, '\ud83d\ude00': 2, b: 3, B: 4, '10': 5, '9': 6 },
      { n: NaN, i: Infinity, m: -Infinity },
      [1e21, 1e-7, 5e-324, Number.MAX_VALUE],
      'lone \ud800 surrogate',
    ];
    for (const value of cases) expect(canonicalJson(value), String(value)).toBe(referenceJson(value));
    // the sort is by UTF-16 code unit: the surrogate pair (0xd83d…) comes before U+FFFF
    expect(canonicalJson({ '\uffff': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\uffff":1}');
    expect(canonicalJson({ b: undefined, a: [undefined] })).toBe('{"a":[null]}');
  });
});

const scenarios: [string, Rules][] = [
  ['mini', compileRules(fixtureScenario())],
  ...shippedScenarioFiles().map((f): [string, Rules] => {
    const id = basename(f, '.scenario.yaml');
    return [id, compileRules(loadShippedScenario(id).scenario)];
  }),
];

describe.each(scenarios)('%s', (_id, rules) => {
  it('hashes its content, and every state of seeded random games, as before', () => {
    expect(stableHash(rules.scenario)).toBe(referenceHash(rules.scenario));
    for (const seed of [1, 2, 3, 20_231_013, 0xffffffff]) {
      const policies = Object.fromEntries(
        ROLES.map((role, i) => [role, randomPolicy((seed + i) % 0x100000000)]),
      );
      let state: GameState = newGame(rules, seed);
      let moves = 0;
      for (; state.phase === 'playing'; moves++) {
        expect(stableHash(state)).toBe(referenceHash(state));
        const action = policies[state.active!]!.choose(rules, state);
        const result = applyAction(rules, state, action!);
        if (!result.ok) throw new Error(`seed ${seed}: a random move was refused`);
        state = result.state;
      }
      expect(moves).toBeGreaterThan(0);
      // the states saves are made of: immer's, frozen, with the whole log
      expect(Object.isFrozen(state)).toBe(true);
      expect(stableHash(state)).toBe(referenceHash(state));
      expect(stableHash(state.log)).toBe(referenceHash(state.log));
    }
  });
});

// The shipped scenarios' content hashes as the build before this change made them. Pinning is
// right here: these are the identities stored in players' files (saves, replays, links, class
// results), so they must never change for an unchanged scenario. A scenario edited on purpose gets
// a new hash by design (old replays of it are then refused as another version): its pin then no
// longer applies (vitest lists it as skipped) and should be renewed with the new digest and hash.
// A change of code (the loader, the schema's defaults, the hash) that alters an unedited
// scenario's hash fails here. `files`: the start of the SHA-256 of the scenario's file,
// article.yaml and tradeoffs.yaml (what its loaded content comes from).
const PINNED: Record<string, { files: string; hash: string }> = {
  tutorial: { files: 'd0f78820a88efdba', hash: '07004079ecf3b452' },
  'armored-train': { files: 'e877e82ae3ced2b6', hash: 'bcd105552ed4b447' },
  'vostochny-summit': { files: '8cf96c13a6412d8c', hash: '5edecc50cc8dfa37' },
  'the-veto': { files: 'f4e4b91453bd9648', hash: 'c4afc010fef36662' },
  'two-parents': { files: '761636987efc8299', hash: 'd504c4260ecefe10' },
};

describe.each(shippedScenarioFiles())('shipped %s', (path) => {
  const id = basename(path, '.scenario.yaml');
  const digest = createHash('sha256');
  for (const file of [path, join(SCENARIO_DIR, 'article.yaml'), join(SCENARIO_DIR, 'tradeoffs.yaml')])
    digest.update(readFileSync(file));
  const pin = PINNED[id];
  it.skipIf(pin?.files !== digest.digest('hex').slice(0, 16))(
    `keeps the content hash stored in players' files`,
    () => {
      expect(loadShippedScenario(id).hash).toBe(pin!.hash);
    },
  );
});
