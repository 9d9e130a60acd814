// Reads a replay file, checks it against the shipped scenarios, plays its moves and says where the
// game ends. Exit status: 0 a good replay, 1 a bad one (one plain line, no stack trace), 2 a
// mistake in the arguments. Only stdout carries the summary.
//
//   npm run replay -- FILE [--scenario PATH] [--json]
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { ROLES, stableHash, type Role } from '../src/engine/index.ts';
import { tooLarge } from '../src/persist/readJson.ts';
import {
  libraryOf,
  MAX_REPLAY_BYTES,
  parseReplay,
  type KnownScenario,
  type LoadedReplay,
  type ReplayLibrary,
} from '../src/persist/index.ts';
import { formatProblem } from '../src/scenario/load.ts';
import { loadLibrary, loadScenarioFile, shippedScenarioFiles, shownPath } from '../src/scenario/node.ts';

const USAGE = `usage: npm run replay -- FILE [--scenario PATH] [--json]
  FILE             a replay file, as the game saves or exports it
  --scenario PATH  also know this scenario file (the shipped scenarios are always known)
  --json           print the summary (or the error) as JSON
  --help           print this text
Exit status: 0 a good replay, 1 a file that is not one (with the reason), 2 bad arguments
(or a --scenario file that does not load).`;

interface Args {
  file: string;
  scenario?: string;
  json: boolean;
}

type Failed = { ok: false; code: string; message: string };

function usageError(message: string): never {
  process.stderr.write(`replay: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgv(argv: readonly string[]): Args | 'help' {
  const files: string[] = [];
  let scenario: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--json') json = true;
    else if (arg === '--scenario' || arg.startsWith('--scenario=')) {
      scenario = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!scenario) usageError('--scenario needs a path');
    } else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1)
    usageError(files.length === 0 ? 'name one replay file' : 'name only one replay file');
  return { file: files[0]!, json, ...(scenario === undefined ? {} : { scenario }) };
}

/**
 * The shipped scenarios and the one named by --scenario. A shipped scenario that does not load (one
 * being written) is left out with a warning; a --scenario file that does not load is an error.
 */
function library(extra: string | undefined): ReplayLibrary {
  const articles = loadLibrary();
  const scenarios: KnownScenario[] = [];
  for (const file of [...shippedScenarioFiles(), ...(extra === undefined ? [] : [extra])]) {
    const loaded = loadScenarioFile(file, articles);
    if (loaded.ok) scenarios.push({ scenario: loaded.scenario, hash: loaded.hash });
    else if (file === extra) {
      process.stderr.write(`replay: ${loaded.problems.map(formatProblem).join('\n')}\n`);
      process.exit(2);
    } else
      process.stderr.write(
        `replay: warning: ${shownPath(file)} does not load, so its replays are not known\n`,
      );
  }
  return libraryOf(scenarios);
}

/** The file's bytes, unless it is missing, not a file or over the size limit (then, why). */
function readReplayBytes(path: string): { ok: true; bytes: Buffer } | Failed {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : 'it cannot be opened';
    return { ok: false, code: 'unreadable', message: `This file cannot be read: ${why}.` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const what = stat.isDirectory() ? 'a folder' : 'a device or a pipe';
      return { ok: false, code: 'unreadable', message: `This is ${what}, not a replay file.` };
    }
    // the size is checked before reading, so a huge file is never read into memory
    if (stat.size > MAX_REPLAY_BYTES) return tooLarge(stat.size);
    return { ok: true, bytes: readFileSync(fd) };
  } catch {
    return { ok: false, code: 'unreadable', message: 'This file cannot be read.' };
  } finally {
    closeSync(fd);
  }
}

/** The file's text (UTF-8), or why there is none. */
function readReplayText(path: string): { ok: true; text: string } | Failed {
  const read = readReplayBytes(path);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, code: 'not-text', message: 'This file is not a replay: it is not text (not UTF-8).' };
  }
}

function summary(path: string, { replay, scenario, rules, states }: LoadedReplay) {
  const last = states.at(-1)!;
  const ending = last.ending;
  return {
    ok: true as const,
    file: shownPath(path),
    scenario: { id: scenario.id, title: scenario.title, hash: replay.scenario.hash },
    seed: replay.seed,
    setup: replay.setup,
    moves: replay.log.length,
    turn: last.turn,
    turns: scenario.turns,
    phase: last.phase,
    ending: ending && {
      id: ending.id,
      title: rules.endings.get(ending.id)?.title ?? ending.id,
      result: ending.result,
    },
    score: last.score,
    stateHash: stableHash(last),
    ...(replay.savedAt === undefined ? {} : { savedAt: replay.savedAt }),
  };
}

function formatSummary(s: ReturnType<typeof summary>): string {
  const seat = (role: Role): string => `${role}: ${s.setup.seats[role]}`;
  const rows: [string, string][] = [
    ['replay', s.file],
    ['scenario', `${s.scenario.title} (${s.scenario.id}, content hash ${s.scenario.hash})`],
    ['seats', `${seat('kim')}, ${seat('putin')}`],
  ];
  for (const role of ROLES) {
    const computer = s.setup.computer?.[role];
    if (computer === undefined) continue;
    const personality = computer.personality === undefined ? '' : `, personality ${computer.personality}`;
    rows.push(['computer', `${role}: ${computer.level}${personality}`]);
  }
  if (s.setup.mode !== undefined) rows.push(['mode', s.setup.mode]);
  rows.push(
    ['seed', String(s.seed)],
    ['moves', String(s.moves)],
    ['turn', `${s.turn} of ${s.turns}${s.phase === 'over' ? ', game over' : ', still playing'}`],
    [
      'ending',
      s.ending
        ? `${s.ending.title} (${s.ending.id}; kim: ${s.ending.result.kim}, putin: ${s.ending.result.putin})`
        : 'none yet',
    ],
    ['score', `kim ${s.score.kim}, putin ${s.score.putin}`],
    ['state hash', `${s.stateHash} (the file records the same)`],
  );
  if (s.savedAt !== undefined) rows.push(['saved at', s.savedAt]);
  return rows.map(([k, v]) => `${k.padEnd(11)} ${v}`).join('\n');
}

function main(argv: readonly string[]): void {
  const args = parseArgv(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const read = readReplayText(args.file);
  const result: LoadedReplay | Failed = read.ok ? parseReplay(read.text, library(args.scenario)) : read;
  if (!result.ok) {
    if (args.json)
      process.stdout.write(`${JSON.stringify({ ok: false, code: result.code, message: result.message })}\n`);
    process.stderr.write(`replay: ${shownPath(args.file)}: ${result.message}\n`);
    process.exit(1);
  }
  const s = summary(args.file, result);
  process.stdout.write(args.json ? `${JSON.stringify(s, null, 2)}\n` : `${formatSummary(s)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // a bug, not a bad file: still one line, no stack
  process.stderr.write(`replay: an unexpected error: ${(error as Error).message}\n`);
  process.exit(1);
}
