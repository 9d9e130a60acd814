// The live class server for the browser tests: `npm run server`'s own entry (server/main.ts) as a
// real process, on 127.0.0.1, a free port and a temporary data folder, serving the build the
// global setup made (--dist). It can be killed with SIGKILL and started again on the same port and
// data folder. Then the helpers the live tests share: the teacher runs a session live, a student
// joins, a finished game's replay.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LiveServerProcess {
  /** "http://127.0.0.1:PORT/" */
  url: string;
  port: number;
  dataDir: string;
  /** What the process printed (for failure messages). */
  output: string[];
  /** Kills it (SIGKILL: no chance to tidy up) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops it and deletes its data folder. */
  stop(): Promise<void>;
}

function launch(
  dist: string,
  dataDir: string,
  port: number,
  output: string[],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--no-build',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--dist',
      dist,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`the live server did not start:\n${output.join('')}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      buffer += text;
      const match = /LISTENING (\d+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the live server exited (${code}) before listening:\n${output.join('')}`));
    });
  });
}

/** Starts a live server over the build at `dist` (the global setup's). */
export async function startLiveServer(dist: string): Promise<LiveServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfo-live-data-'));
  const output: string[] = [];
  const first = await launch(dist, dataDir, 0, output);
  let child = first.child;
  const port = first.port;
  const kill = (signal: NodeJS.Signals = 'SIGKILL') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const server: LiveServerProcess = {
    url: `http://127.0.0.1:${port}/`,
    port,
    dataDir,
    output,
    kill,
    restart: async () => {
      await kill();
      ({ child } = await launch(dist, dataDir, port, output));
    },
    stop: async () => {
      await kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

// ---------------------------------------------------------------------------------------------
// The live screens, as the tests drive them

/** The teacher prepares a session of `scenario` with `roles` on the set-up screen and runs it live. */
export async function runLive(
  page: Page,
  options: { scenario: string; roles: string; seed: number },
): Promise<{ code: string; teacherLink: string }> {
  await page.locator('#ui .class-prepare').click();
  await page.locator(`#ui input[name="class-scenario"][value="${options.scenario}"]`).check();
  await page.locator(`#ui input[name="class-roles"][value="${options.roles}"]`).check();
  await page.locator('#ui #class-seed').fill(String(options.seed));
  await page.locator('#ui .class-setup-page button[type=submit]').click();
  await page.locator('#ui .class-live').click();
  await page.locator('#ui .live-teacher-page').waitFor();
  const code = (await page.locator('#ui .live-board .session-code-groups').textContent())!.trim();
  return { code, teacherLink: page.url() };
}

/** A student types the live code on the title, then their name (and number): the waiting screen. */
export async function joinLive(page: Page, code: string, name: string, number?: number): Promise<void> {
  await page.locator('#class-code').fill(code);
  await page.locator('#class-code').press('Enter');
  await page.locator('#class-label').fill(name);
  if (number !== undefined) await page.locator('#class-number').fill(String(number));
  await page.locator('#class-label').press('Enter');
  await page.locator('#ui .live-waiting').waitFor();
}

/** The student's finished game as its replay file (the debrief's "save the replay"). */
export async function replayOfDebrief(page: Page): Promise<LiveReplay> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#ui .debrief-download').click(),
  ]);
  // (the browser is remote: the file comes as a stream, not a path)
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as LiveReplay;
}

export interface LiveReplay {
  seed: number;
  setup: { seats: Record<'kim' | 'putin', 'human' | 'computer'> };
  log: { type: 'choose'; role: 'kim' | 'putin'; card: string; option: string }[];
}
