// npm run docs:scenario [-- --check]
// Writes the scenario format's reference, generated from the schema, into docs/scenario-format.md
// between its markers. With --check, writes nothing and exits 1 if the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { scenarioReference, withReference } from '../src/scenario/reference.ts';

export const FORMAT_DOC = resolve(import.meta.dirname, '../docs/scenario-format.md');

/** The doc as it should be: the current text with a fresh reference, formatted as prettier would. */
export async function freshDoc(path = FORMAT_DOC): Promise<string> {
  const text = readFileSync(path, 'utf8');
  const options = (await resolveConfig(path)) ?? {};
  return format(withReference(text, scenarioReference()), { ...options, filepath: path });
}

async function main(argv: string[]): Promise<number> {
  const fresh = await freshDoc();
  const stale = readFileSync(FORMAT_DOC, 'utf8') !== fresh;
  if (argv.includes('--check')) {
    if (stale)
      console.error('docs:scenario: docs/scenario-format.md is out of date: run npm run docs:scenario');
    return stale ? 1 : 0;
  }
  if (stale) writeFileSync(FORMAT_DOC, fresh);
  console.log(
    stale ? 'docs:scenario: wrote the reference in docs/scenario-format.md' : 'docs:scenario: up to date',
  );
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
