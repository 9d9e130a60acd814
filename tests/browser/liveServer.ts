// The live class server for the browser tests: `npm run server`'s own entry (server/main.ts) as a
// real process, on 127.0.0.1, a free port and a temporary data folder, serving the build the
// global setup made (--dist). It can be killed with SIGKILL and started again on the same port and
// data folder. Then the helpers the live tests share: the teacher runs a session live, a student
// joins, a finished game's replay.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeBrowser, openGame, type GamePage, type OpenOptions } from './harness.ts';
import { removeDir, startServer, tempDataDir, type ServerProcess } from '../../server/serverProcess.ts';

export interface LiveServerProcess {
  /** "http://127.0.0.1:PORT/" */
  url: string;
  port: number;
  /** Kills it (SIGKILL: no chance to tidy up) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops it and deletes its data folder. */
  stop(): Promise<void>;
}

/** Starts a live server over the build at `dist` (the global setup's). */
export async function startLiveServer(dist: string): Promise<LiveServerProcess> {
  const dataDir = tempDataDir();
  let running: ServerProcess = await startServer(dataDir, ['--dist', dist]);
  const port = running.port;
  return {
    url: `${running.base}/`,
    port,
    kill: () => running.stop('SIGKILL'),
    restart: async () => {
      await running.stop('SIGKILL');
      running = await startServer(dataDir, ['--dist', dist], port);
    },
    stop: async () => {
      await running.stop();
      removeDir(dataDir);
    },
  };
}

/**
 * A live server for the tests of one file: started before them over the global setup's build,
 * stopped after them (with the shared browser). Read it inside the tests.
 */
export function liveServerForThisFile(): () => LiveServerProcess {
  let server: LiveServerProcess | undefined;
  beforeAll(async () => {
    server = await startLiveServer(inject('buildDir'));
  });
  afterAll(async () => {
    await closeBrowser();
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the live server has not started');
    return server;
  };
}

// ---------------------------------------------------------------------------------------------
// The live screens, as the tests drive them

/**
 * A fresh page of the game from the class server. Loading waits longer than the harness's 15 s:
 * a live test has several pages of the game open at once on two cores.
 */
export function openLivePage(url: string, options: OpenOptions = {}): Promise<GamePage> {
  return openGame({
    ...options,
    url,
    before: async (page) => {
      page.setDefaultNavigationTimeout(60_000);
      await options.before?.(page);
    },
  });
}

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
