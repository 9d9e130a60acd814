import { parseDocument, LineCounter, isMap, isPair, isScalar } from 'yaml';
import { z } from 'zod';
import { ScenarioSchema } from '/work/main/src/scenario/schema.ts';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/main/tests/fixtures/mini.scenario.yaml','utf8')
  .replace('turns: 3', 'turns: ten')
  .replace('role: putin\n    title: Buy', 'role: kin\n    title: Buy')
  .replace("        stage: contacts\n", "        stage: contacts\n        efects: {a: 1}\n")
  .replace('handSize: 2', 'handSize: 2.5')
  .replace('dprk.currency: 20, russia', 'Dprk.Currency: 20, russia')
  .replace('id: gamble', 'id: Gamble')
  .replace('title: Deny\n', 'title: ""\n')
  .replace("  - id: kim-cash\n    role: kim\n    text: Earn hard currency.\n", "  - id: kim-cash\n    role: kim\n")
  .replace('points: 2', 'points: 20')
  .replace('p: 0.5', 'p: 0')
  .replace('turnOrder: [kim, putin]', 'turnOrder: [kim]')
  .replace('weight: 0.5', 'weight: .inf');
const lc = new LineCounter();
const doc = parseDocument(text, { lineCounter: lc });
console.log(doc.errors);
const r = ScenarioSchema.safeParse(doc.toJS(), { reportInput: true });
if (!r.success) for (const i of r.error.issues) console.log(JSON.stringify(i));
const bad = parseDocument('a: 1\nb: [1, 2\nc: 3\na: 4\n', { lineCounter: new LineCounter() });
for (const e of bad.errors) console.log(e.code, JSON.stringify(e.message), e.linePos, e.pos);
const dup = parseDocument('a: 1\nb:\n  c: 2\n  c: 3\n');
for (const e of dup.errors) console.log(e.code, JSON.stringify(e.message), e.linePos, e.pos);
