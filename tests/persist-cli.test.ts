import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableHash } from '../src/engine/index.ts';
import { parseReplay, serializeReplay, type ReplaySetup } from '../src/persist/index.ts';
import { LIBRARY, MINI, MINI_FILE, REPLAYS, replayOf, ROOT, SUMMIT } from './fixtures/replays/support.ts';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `npm run replay -- ARGS`, in its own Node process. */
function replayCli(...args: string[]): Promise<Run> {
  const argv = ['--import', 'tsx', 'tools/replay.ts', ...args];
  return new Promise((done) => {
    execFile(process.execPath, argv, { cwd: ROOT }, (error, stdout, stderr) =>
      done({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const fixture = (name: string): string => resolve(REPLAYS, name);
const temp = mkdtempSync(join(tmpdir(), 'sfo-replay-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.concurrent('npm run replay', () => {
  it('prints its usage with --help', async () => {
    const { status, stdout } = await replayCli('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: npm run replay -- FILE \[--scenario PATH\] \[--json\]/);
  });

  it('summarises a good replay', async () => {
    const { status, stdout, stderr } = await replayCli(
      fixture('mini-game.replay.json'),
      '--scenario',
      MINI_FILE,
    );
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout.split('\n')).toEqual([
      'replay      tests/fixtures/replays/mini-game.replay.json',
      'scenario    Mini deal (mini, content hash 9df3d5b265aec651)',
      'seats       kim: human, putin: computer',
      'computer    putin: hard, personality drive-a-hard-bargain',
      'mode        vs-computer',
      'seed        5',
      'moves       5',
      'turn        3 of 3, game over',
      'ending      Both gain (both-win; kim: win, putin: win)',
      'score       kim 2, putin 2',
      'state hash  050079ef78201463 (the file records the same)',
      'saved at    2026-11-27T21:10:00.000Z',
      '',
    ]);
  });

  it('prints one line for each role the computer played', async () => {
    const setup: ReplaySetup = {
      seats: { kim: 'computer', putin: 'computer' },
      computer: { kim: { level: 'easy' }, putin: { level: 'hard', personality: 'cautious-guardian' } },
      mode: 'watch',
    };
    const path = join(temp, 'watch.replay.json');
    writeFileSync(path, serializeReplay(replayOf(MINI, 5, { setup })));
    const { status, stdout, stderr } = await replayCli(path, '--scenario', MINI_FILE);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout.split('\n').slice(2, 6)).toEqual([
      'seats       kim: computer, putin: computer',
      'computer    kim: easy',
      'computer    putin: hard, personality cautious-guardian',
      'mode        watch',
    ]);
  });

  it('replays a shipped-scenario game in a separate Node process to the hash the file records', async () => {
    const file = replayOf(SUMMIT, 11);
    const path = join(temp, 'summit.replay.json');
    writeFileSync(path, serializeReplay(file));
    const { status, stdout } = await replayCli(path, '--json');
    expect(status).toBe(0);
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      ok: true,
      scenario: { id: 'vostochny-summit', title: 'The Vostochny Summit', hash: SUMMIT.hash },
      seed: 11,
      moves: file.log.length,
      turn: file.outcome.turn,
      phase: file.outcome.phase,
      stateHash: file.outcome.stateHash,
    });
    const here = parseReplay(readFileSync(path, 'utf8'), LIBRARY);
    expect(here.ok && stableHash(here.states.at(-1))).toBe(summary.stateHash);
  });

  const bad: [string, string][] = [
    [
      'cut-short.replay.json',
      'This file is not a replay: it is not valid JSON (the text ends too early at line 12, column 4).',
    ],
    [
      'edited.replay.json',
      "This replay's recorded result does not match its moves: the file says state hash 0123456789abcdef, but playing the moves gives state hash 050079ef78201463. It was edited, or made by a different version of the game.",
    ],
    [
      'old-scenario.replay.json',
      `This replay was made with a different version of the scenario "The Vostochny Summit" (its content hash is c0ffee00c0ffee00; this game has ${SUMMIT.hash}) — it cannot be replayed exactly.`,
    ],
  ];

  it.each(bad)('exits 1 with one plain line for %s', async (name, message) => {
    const { status, stdout, stderr } = await replayCli(fixture(name), '--scenario', MINI_FILE);
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    expect(stderr).toBe(`replay: tests/fixtures/replays/${name}: ${message}\n`);
  });

  it('gives the error as JSON with --json, and says when the scenario is unknown', async () => {
    const { status, stdout, stderr } = await replayCli(fixture('mini-game.replay.json'), '--json');
    expect(status).toBe(1);
    const error = JSON.parse(stdout) as { ok: boolean; code: string; message: string };
    expect(error).toMatchObject({ ok: false, code: 'unknown-scenario' });
    // the list of scenarios grows with the game: only its start is fixed
    expect(error.message).toMatch(
      /^This replay is of a scenario this game does not have \("mini"; the scenarios here: .*"The Vostochny Summit".*\)\.$/,
    );
    expect(stderr).toBe(`replay: tests/fixtures/replays/mini-game.replay.json: ${error.message}\n`);
  });

  it('exits 1 for a file that is missing, a folder, or not text', async () => {
    const binary = join(temp, 'binary.replay.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const results = await Promise.all([replayCli('no-such.json'), replayCli('src'), replayCli(binary)]);
    expect(results.map((r) => [r.status, r.stderr.replace(/^replay: [^:]+: /, '')])).toEqual([
      [1, 'This file cannot be read: there is no such file.\n'],
      [1, 'This is a folder, not a replay file.\n'],
      [1, 'This file is not a replay: it is not text (not UTF-8).\n'],
    ]);
  });

  it('exits 2 for bad arguments', async () => {
    const results = await Promise.all([
      replayCli(),
      replayCli('a.json', 'b.json'),
      replayCli('a.json', '--frobnicate'),
    ]);
    expect(results.map((r) => [r.status, r.stderr.split('\n')[0]])).toEqual([
      [2, 'replay: name one replay file'],
      [2, 'replay: name only one replay file'],
      [2, 'replay: unknown option --frobnicate'],
    ]);
  });
});
