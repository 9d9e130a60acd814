// npm run new-scenario -- ID [--dir DIR]
// Writes DIR/ID.scenario.yaml (default: scenarios/), a small scenario that passes scenarios:check
// and plays to an ending, to start a new one from. Never overwrites a file.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_SUFFIX } from '../src/scenario/identity.ts';
import { SCENARIO_DIR, shownPath } from '../src/scenario/node.ts';
import { badScenarioId, skeletonScenario } from '../src/scenario/skeleton.ts';

const USAGE = `usage: npm run new-scenario -- ID [--dir DIR]
  ID         the new scenario's id: lowercase letters, digits and dashes (e.g. border-talks)
  --dir DIR  where to write ID.scenario.yaml (default: scenarios/)`;

function main(argv: string[]): number {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const at = argv.indexOf('--dir');
  const dir = at >= 0 ? argv[at + 1] : SCENARIO_DIR;
  const rest = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const unknown = rest.filter((a) => a.startsWith('--'));
  if (dir === undefined || unknown.length > 0 || rest.length !== 1) {
    if (unknown.length > 0) console.error(`new-scenario: unknown option ${unknown.join(', ')}`);
    else if (dir === undefined) console.error('new-scenario: --dir needs a folder');
    else console.error('new-scenario: give the new scenario one id');
    console.error(USAGE);
    return 2;
  }
  const id = rest[0]!;
  const bad = badScenarioId(id);
  if (bad) {
    console.error(`new-scenario: ${bad}`);
    return 1;
  }
  const path = join(dir, `${id}${SCENARIO_SUFFIX}`);
  const shown = shownPath(path);
  if (!existsSync(dir)) {
    console.error(`new-scenario: there is no folder ${dir}`);
    return 1;
  }
  if (existsSync(path)) {
    console.error(
      `new-scenario: ${shown} already exists; nothing was written (choose another id, or edit that file)`,
    );
    return 1;
  }
  writeFileSync(path, skeletonScenario(id), { flag: 'wx' });
  const shipped = dir === SCENARIO_DIR;
  const next = [
    `npm run scenarios:check -- ${shown}`,
    ...(shipped ? ['npm start   (the title screen lists it)'] : []),
    `npm run balance -- ${shipped ? `--scenario ${id}` : `--file ${shown}`}`,
  ];
  console.log(`wrote ${shown}: a small scenario that plays to an ending. Next:`);
  for (const line of next) console.log(`  ${line}`);
  console.log('The guide: docs/authoring.md');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
