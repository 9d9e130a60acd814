// The web figures of `npm run bench`, each measured in one run beside its baseline:
//   - time to an interactive title screen, beside an empty Phaser game booted the same way;
//   - frame times while the map animates, beside the same empty Phaser game;
//   - the app's own files gzipped, beside Phaser's chunk;
//   - heap growth over ten games played in a row in one page, beside the heap after the first.
// Page-side code is kept in the functions passed to page.evaluate / waitForFunction: they run in
// the browser and must not use anything from this module. The bench holds no handle into a page
// (locators, disposed handles): a handle keeps its object alive and would show up as a leak.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openPage, type BenchPage } from './browser.ts';
import { filesUnder, type Site } from './site.ts';

/** One web figure: the app's value beside its baseline's, and the aim it is held to. */
export interface WebFigure {
  measurement: string;
  unit: 'ms' | 'kB' | 'MB' | 'points' | 'CPU ms/s';
  /** The game's value (the median of `runs` where there are several). */
  app: number;
  /** What the game is compared with, and its value measured in the same run. */
  baselineName: string;
  baseline: number;
  aim: string;
  met: boolean;
  /** What was measured, run by run. */
  runs: { app: number; baseline: number }[];
  /** Further numbers that explain the figure. */
  details: Record<string, unknown>;
}

export interface WebSettings {
  /** Page loads of each page for the title figure (after one warm-up load of each). */
  loads: number;
  /** Runs of the frame-time figure, each `frameSeconds` long on each page. */
  frameRuns: number;
  frameSeconds: number;
  /** Games played in a row for the heap figure. */
  games: number;
  /** How much faster the computer's pause runs in the heap and opponent figures (1: as players see it). */
  pace: number;
  /** Games watched on the hard level for the opponent's decision time. */
  opponentGames: number;
  /** Lighthouse runs of each preset. */
  lighthouseRuns: number;
  log: (line: string) => void;
}

export const AIMS = {
  titleRatio: 0.6,
  frameP95Ms: 17,
  appKB: 60,
  /** Everything of the app's own a game against the computer needs, beside Phaser's chunk. */
  playKB: 100,
  heapMB: 2,
  opponentP95Ms: 100,
} as const;

/** Phaser.WEBGL: both pages must render with WebGL, or their frame times compare nothing. */
const WEBGL = 2;

/** The world number of every game the bench plays: the same game each time, so growth is a leak. */
export const SEED = 20230913;

declare global {
  interface Window {
    /** performance.now() when the title's Start button was first in the DOM and enabled. */
    benchTitleReady?: number;
    /** performance.now() when the empty page's scene ran create() (set by bench/empty.ts). */
    emptyPhaserReady?: number;
    /** The empty game's renderer type (Phaser.WEBGL or Phaser.CANVAS; set by bench/empty.ts). */
    emptyPhaserRenderer?: number;
    /** performance.now() when Phaser's canvas was first in the game's page. */
    benchCanvasAt?: number;
  }
}

export function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** 1 kB = 1000 bytes, to one decimal. */
function kB(bytes: number): number {
  return round1(bytes / 1000);
}

/** 1 MB = 10^6 bytes, to two decimals. */
function MB(bytes: number): number {
  return Math.round(bytes / 1e4) / 100;
}

export function check(bench: BenchPage, what: string): void {
  if (bench.errors.length > 0) throw new Error(`${what}: the page failed: ${bench.errors.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------
// 1. Time to an interactive title screen

/** Runs in the page before its scripts: notes when the Start button is first there and enabled. */
function watchForTitle(): void {
  const observer = new MutationObserver(() => {
    window.benchCanvasAt ??= document.querySelector('canvas') ? performance.now() : undefined;
    const start = document.querySelector<HTMLButtonElement>('.title-page .start-top');
    if (start && !start.disabled) window.benchTitleReady ??= performance.now();
    // (the title may come before Phaser's canvas: both are noted)
    if (window.benchTitleReady !== undefined && window.benchCanvasAt !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

interface TitleLoad {
  /** From navigation start to the Start button, in the DOM and enabled. */
  title: number;
  /** When Phaser put its canvas in the page (the game is booting). */
  canvas: number;
  /** When the map's data had arrived. */
  mapLoaded: number;
}

/** One load of the game's page in a fresh context, to its interactive title. */
async function titleLoad(browser: Browser, site: Site): Promise<TitleLoad> {
  const bench = await openPage(browser, watchForTitle);
  try {
    await bench.page.goto(site.appUrl);
    await (await bench.page.waitForFunction(() => window.benchTitleReady, null, { polling: 20 })).dispose();
    // Phaser's canvas (which the title no longer waits for), for the report
    await bench.page
      .waitForFunction(() => window.benchCanvasAt, null, { polling: 20, timeout: 20_000 })
      .then((handle) => handle.dispose())
      .catch(() => undefined);
    check(bench, 'title');
    return await bench.page.evaluate(() => ({
      title: window.benchTitleReady!,
      canvas: window.benchCanvasAt ?? NaN,
      mapLoaded:
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) =>
          /\/map-[^/]*\.json$/.test(r.name),
        )?.responseEnd ?? NaN,
    }));
  } finally {
    await bench.close();
  }
}

/** Milliseconds from navigation start to the empty scene's create(), in a fresh context. */
async function emptyLoad(browser: Browser, site: Site): Promise<number> {
  const bench = await openPage(browser);
  try {
    await bench.page.goto(site.emptyUrl);
    await (await bench.page.waitForFunction(() => window.emptyPhaserReady, null, { polling: 20 })).dispose();
    check(bench, 'empty page');
    return await bench.page.evaluate(() => window.emptyPhaserReady!);
  } finally {
    await bench.close();
  }
}

export async function titleFigure(browser: Browser, site: Site, s: WebSettings): Promise<WebFigure> {
  // one warm-up load of each: the first page of a fresh browser pays for starting its processes
  await titleLoad(browser, site);
  await emptyLoad(browser, site);
  const loads: TitleLoad[] = [];
  const empty: number[] = [];
  for (let i = 0; i < s.loads; i++) {
    // alternate which page loads first, so that neither always follows the other
    if (i % 2 === 0) {
      loads.push(await titleLoad(browser, site));
      empty.push(await emptyLoad(browser, site));
    } else {
      empty.push(await emptyLoad(browser, site));
      loads.push(await titleLoad(browser, site));
    }
    s.log(
      `  title load ${i + 1}/${s.loads}: game ${loads.at(-1)!.title.toFixed(0)} ms, ` +
        `empty Phaser ${empty.at(-1)!.toFixed(0)} ms`,
    );
  }
  const app = round1(median(loads.map((l) => l.title)));
  const baseline = round1(median(empty));
  const ratio = app / baseline;
  return {
    measurement: 'time to interactive title',
    unit: 'ms',
    app,
    baselineName: 'empty Phaser game to create()',
    baseline,
    aim: `≤ ${AIMS.titleRatio}× baseline`,
    met: ratio <= AIMS.titleRatio,
    runs: loads.map((l, i) => ({ app: round1(l.title), baseline: round1(empty[i]!) })),
    details: {
      ratio: Math.round(ratio * 100) / 100,
      // where the game's time goes (medians): booting up to Phaser's canvas, then the map's data,
      // then drawing the map and the title
      gameCanvasMs: round1(median(loads.map((l) => l.canvas))),
      gameMapLoadedMs: round1(median(loads.map((l) => l.mapLoaded))),
      gameMapLoadedToTitleMs: round1(median(loads.map((l) => l.title - l.mapLoaded))),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Frame times while the map animates

interface FrameStats {
  p95: number;
  median: number;
  mean: number;
  max: number;
  frames: number;
}

/** requestAnimationFrame deltas over `ms`, taken in the page. */
async function frameDeltas(page: Page, ms: number): Promise<FrameStats> {
  const deltas = await page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = -1;
        let end = -1;
        const tick = (t: number): void => {
          if (last >= 0) out.push(t - last);
          else end = t + duration;
          last = t;
          if (t < end || end < 0) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
  return {
    p95: round1(percentile(deltas, 95)),
    median: round1(median(deltas)),
    mean: round1(deltas.reduce((a, b) => a + b, 0) / deltas.length),
    max: round1(Math.max(...deltas)),
    frames: deltas.length,
  };
}

/** From the title (the bench's world number; watching, or against the computer as the remembered
 * role, Kim by default) through the briefing to the play screen. */
export async function startGame(page: Page, watch: boolean): Promise<void> {
  await page.locator('.title-page .start-top:not([disabled])').first().waitFor();
  await page.locator('#scenario-vostochny-summit').check();
  await page.locator('#seed').fill(String(SEED));
  await page.locator(watch ? '#mode-watch' : '#mode-vs-computer').check();
  await page.locator('.title-page .start-top').click();
  await page.locator('.briefing-page button.primary', { hasText: 'Begin' }).click();
  await page.locator('#ui .play').first().waitFor();
}

interface GameFrames {
  /** The play screen with the map still. */
  still: FrameStats;
  /** The same with Phaser's loop asleep: the HTML and the compositing alone, nothing drawn. */
  asleep: FrameStats;
  /** The map's idle animation on and shipments moving: the figure. */
  animating: FrameStats;
}

/** On the play screen: frames with the map still, without Phaser drawing, then animating. */
async function gameFrames(browser: Browser, site: Site, ms: number): Promise<GameFrames> {
  const bench = await openPage(browser);
  try {
    const { page } = bench;
    await page.goto(`${site.appUrl}?bench`);
    await startGame(page, false);
    // the first month as Kim: the hand waits for the player, so nothing but the map moves
    await page.locator('#ui .play .game-card').first().waitFor();
    await page.waitForTimeout(1000);
    const renderer = await page.evaluate(() => window.shellsForOil?.game.renderer.type);
    if (renderer !== WEBGL) throw new Error(`frames: the game renders with ${renderer}, not WebGL`);
    const still = await frameDeltas(page, ms);
    await page.evaluate(() => window.shellsForOil?.game.loop.sleep());
    const asleep = await frameDeltas(page, ms);
    await page.evaluate(() => window.shellsForOil?.game.loop.wake());
    const started = await page.evaluate(() => {
      const hook = window.shellsForOil?.bench;
      if (!hook?.animateMap(true)) return false;
      const loop = async (): Promise<void> => {
        while (!window.benchStopShipments) {
          if ((await hook.sendShipments()) === 0) return;
        }
      };
      void loop();
      return true;
    });
    if (!started) throw new Error('frames: the page has no map or no ?bench hook');
    await page.waitForTimeout(1000); // the shipments under way and the pulses spread out
    const animating = await frameDeltas(page, ms);
    await page.evaluate(() => (window.benchStopShipments = true));
    check(bench, 'frames');
    return { still, asleep, animating };
  } finally {
    await bench.close();
  }
}

async function emptyFrames(browser: Browser, site: Site, ms: number): Promise<FrameStats> {
  const bench = await openPage(browser);
  try {
    await bench.page.goto(site.emptyUrl);
    await (await bench.page.waitForFunction(() => window.emptyPhaserReady)).dispose();
    await bench.page.waitForTimeout(1000);
    const renderer = await bench.page.evaluate(() => window.emptyPhaserRenderer);
    if (renderer !== WEBGL) throw new Error(`frames: the empty game renders with ${renderer}, not WebGL`);
    const stats = await frameDeltas(bench.page, ms);
    check(bench, 'empty frames');
    return stats;
  } finally {
    await bench.close();
  }
}

declare global {
  interface Window {
    benchStopShipments?: boolean;
  }
}

export async function frameFigure(browser: Browser, site: Site, s: WebSettings): Promise<WebFigure> {
  const ms = s.frameSeconds * 1000;
  const game: GameFrames[] = [];
  const empty: FrameStats[] = [];
  for (let i = 0; i < s.frameRuns; i++) {
    if (i % 2 === 0) {
      game.push(await gameFrames(browser, site, ms));
      empty.push(await emptyFrames(browser, site, ms));
    } else {
      empty.push(await emptyFrames(browser, site, ms));
      game.push(await gameFrames(browser, site, ms));
    }
    const g = game.at(-1)!;
    const e = empty.at(-1)!;
    s.log(
      `  frames ${i + 1}/${s.frameRuns}: game p95 ${g.animating.p95} ms animating ` +
        `(median ${g.animating.median}), ${g.still.p95} ms still, ${g.asleep.p95} ms with Phaser asleep; ` +
        `empty Phaser p95 ${e.p95} ms (median ${e.median})`,
    );
  }
  const app = median(game.map((f) => f.animating.p95));
  const baseline = median(empty.map((f) => f.p95));
  const summary = (xs: FrameStats[]) => ({
    p95: median(xs.map((f) => f.p95)),
    medianFrame: median(xs.map((f) => f.median)),
    meanFrame: median(xs.map((f) => f.mean)),
    framesPerSecond: round1(median(xs.map((f) => f.frames)) / s.frameSeconds),
  });
  return {
    measurement: 'p95 frame time, map animating',
    unit: 'ms',
    app,
    baselineName: 'empty Phaser game, p95 frame time',
    baseline,
    aim: `≤ ${AIMS.frameP95Ms} ms`,
    met: app <= AIMS.frameP95Ms,
    runs: game.map((g, i) => ({ app: g.animating.p95, baseline: empty[i]!.p95 })),
    details: {
      seconds: s.frameSeconds,
      animating: summary(game.map((g) => g.animating)),
      // the same play screen before the animation starts: what the page costs with the map still
      still: summary(game.map((g) => g.still)),
      // and with Phaser's loop asleep: the HTML over the canvas and the compositing alone
      asleep: summary(game.map((g) => g.asleep)),
      empty: summary(empty),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 3. The app's own files gzipped, beside Phaser's

/** gzip at zlib's default level (6), as a web server compresses on the fly. */
function gzipped(data: Buffer | string): number {
  return gzipSync(data).length;
}

const PHASER_CHUNK = /^assets\/phaser-[^/]*\.js$/;

interface SizedFile {
  file: string;
  bytes: number;
  gzip: number;
}

async function sizedFiles(site: Site): Promise<SizedFile[]> {
  const files = await filesUnder(site.appDir);
  return Promise.all(
    files.map(async (file) => {
      const data = await readFile(join(site.appDir, file));
      return { file, bytes: data.length, gzip: gzipped(data) };
    }),
  );
}

function sum(files: SizedFile[]): number {
  return files.reduce((total, f) => total + f.gzip, 0);
}

function list(files: SizedFile[]): { file: string; kBGzip: number }[] {
  return files.map((f) => ({ file: f.file, kBGzip: kB(f.gzip) }));
}

/**
 * The app's files a page and its workers asked for so far (by their path under the site):
 * Playwright reports the opponent's worker's requests (its module imports) with the page's, which
 * the page's own Resource Timing does not list. (The offline service worker's precaching is not
 * the page's: the bench's pages block service workers.)
 */
function recordRequests(page: Page, appUrl: string): () => string[] {
  const base = new URL('.', appUrl);
  const seen = new Set<string>(['index.html']);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === base.origin && url.pathname.startsWith(base.pathname))
      seen.add(url.pathname.slice(base.pathname.length));
  });
  return () => [...seen];
}

/**
 * What a player downloads of the app's own files, gzipped: up to the title screen, then up to the
 * first move of a game against the computer (the scenario and the opponent's worker load then).
 */
export async function sizeFigures(browser: Browser, site: Site): Promise<WebFigure[]> {
  const sized = await sizedFiles(site);
  const phaser = sized.filter((f) => PHASER_CHUNK.test(f.file));
  if (phaser.length !== 1) throw new Error(`size: expected one Phaser chunk, found ${phaser.length}`);
  const phaserGzip = phaser[0]!.gzip;
  const bench = await openPage(browser);
  let toTitle: string[];
  let toPlay: string[];
  try {
    const { page } = bench;
    const fetched = recordRequests(page, site.appUrl);
    await page.goto(`${site.appUrl}?bench`);
    await page.locator('.title-page .start-top:not([disabled])').first().waitFor();
    toTitle = fetched();
    await startGame(page, true);
    await page.waitForFunction(
      () => (window.shellsForOil?.bench?.opponentTimes().length ?? 0) > 0,
      undefined,
      {
        timeout: 60_000,
        polling: 100,
      },
    );
    toPlay = fetched();
    check(bench, 'size');
  } finally {
    await bench.close();
  }
  const weigh = (names: string[]): SizedFile[] =>
    sized.filter((f) => !PHASER_CHUNK.test(f.file) && names.includes(f.file));
  // what loads beside Phaser for the map, and that the title does not wait for (a build whose
  // title waits for Phaser has no such part: then every file fetched before the title counts)
  const gameSide = new Set(site.gameSide);
  const title = weigh(toTitle).filter((f) => !gameSide.has(f.file));
  const play = weigh(toPlay);
  const never = sized.filter((f) => !PHASER_CHUNK.test(f.file) && !toPlay.includes(f.file));
  const playAim = AIMS.playKB * 1000;
  return [
    {
      measurement: 'app files to the title, gzipped',
      unit: 'kB',
      app: kB(sum(title)),
      baselineName: "Phaser's chunk, gzipped",
      baseline: kB(phaserGzip),
      aim: `≤ ${AIMS.appKB} kB`,
      met: sum(title) <= AIMS.appKB * 1000,
      runs: [{ app: kB(sum(title)), baseline: kB(phaserGzip) }],
      details: {
        files: list(title),
        besidePhaser: list(weigh(toTitle).filter((f) => gameSide.has(f.file))),
        gzip: 'node:zlib gzipSync, default level 6; 1 kB = 1000 bytes',
      },
    },
    {
      measurement: 'app files to play the computer, gzipped',
      unit: 'kB',
      app: kB(sum(play)),
      baselineName: "Phaser's chunk, gzipped",
      baseline: kB(phaserGzip),
      aim: `≤ ${AIMS.playKB} kB`,
      met: sum(play) <= playAim,
      runs: [{ app: kB(sum(play)), baseline: kB(phaserGzip) }],
      details: {
        files: list(play),
        notFetched: list(never),
        note: 'watch mode in The Vostochny Summit, until the computer has made a move; other scenarios are chunks of their own, fetched only when played',
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// 4. Heap growth over games played in a row

/** Plays the game on screen to its debrief, pressing Continue on every outcome and every news. */
export async function playToDebrief(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const deadline = performance.now() + 10 * 60_000;
        const step = (): void => {
          if (document.querySelector('#ui .debrief')) {
            resolve();
            return;
          }
          if (performance.now() > deadline) {
            reject(new Error('no debrief after 10 minutes'));
            return;
          }
          const next = document.querySelector<HTMLButtonElement>(
            'dialog[open].news-dialog .modal-actions button.primary:not([data-bench-done]), ' +
              '#ui .play .continue:not([data-bench-done])',
          );
          if (next && !document.querySelector('dialog[open]:not(.news-dialog)')) {
            next.dataset.benchDone = '';
            next.click();
          }
          setTimeout(step, 50);
        };
        step();
      }),
  );
}

async function settledHeap(page: Page, cdp: CDPSession): Promise<number> {
  // the last move's shipments are still travelling: let them arrive and fade (≤ 4.5 s + 0.6 s)
  await page.waitForTimeout(5500);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

export async function heapFigure(browser: Browser, site: Site, s: WebSettings): Promise<WebFigure> {
  const bench = await openPage(browser);
  try {
    const { page, context } = bench;
    const cdp = await context.newCDPSession(page);
    await page.goto(`${site.appUrl}?bench`);
    await page.locator('.title-page .start-top:not([disabled])').first().waitFor();
    const start = performance.now();
    const heaps: number[] = [];
    for (let game = 1; game <= s.games; game++) {
      const t0 = performance.now();
      if (game === 1) {
        await startGame(page, true);
      } else {
        // back through the title, so that every scene restarts between games
        await page.locator('#ui .debrief-title-button').click();
        await page.locator('.title-page .start-top').click();
        await page.locator('.briefing-page button.primary', { hasText: 'Begin' }).click();
        await page.locator('#ui .play').first().waitFor();
      }
      await page.evaluate((pace) => window.shellsForOil?.bench?.computerPace(pace), s.pace);
      await playToDebrief(page);
      const seconds = (performance.now() - t0) / 1000;
      heaps.push(await settledHeap(page, cdp));
      s.log(
        `  game ${game}/${s.games}: ${seconds.toFixed(1)} s, heap after GC ${(heaps.at(-1)! / 1e6).toFixed(2)} MB`,
      );
      check(bench, `game ${game}`);
    }
    const growth = heaps.at(-1)! - heaps[0]!;
    return {
      measurement: `heap growth over ${s.games} games`,
      unit: 'MB',
      app: MB(growth),
      baselineName: 'heap after game 1 (after GC)',
      baseline: MB(heaps[0]!),
      aim: `< ${AIMS.heapMB} MB`,
      met: growth < AIMS.heapMB * 1e6,
      runs: [{ app: MB(growth), baseline: MB(heaps[0]!) }],
      details: {
        heapAfterEachGameMB: heaps.map(MB),
        // the first game is also the first time through the debrief and back: the code and caches
        // of that path are new in game 2, so growth from game 2 on is the closer look at a leak
        growthFromGame2MB: heaps.length > 1 ? MB(heaps.at(-1)! - heaps[1]!) : null,
        computerPace: s.pace,
        minutes: Math.round((performance.now() - start) / 600) / 100,
        note: 'watch mode, the same world every game, back through the title between games; 1 MB = 10^6 bytes',
      },
    };
  } finally {
    await bench.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. CPU time per second on the idle play screen

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux this runs on). */
const USER_HZ = 100;

/**
 * CPU milliseconds used so far by every process under this one (Chromium's browser, renderer and
 * GPU processes: the GPU process draws WebGL in software here), read from /proc.
 */
async function childrenCpuMs(): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      if (!stat) return;
      // the fields after the command name (which may hold spaces, in parentheses)
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    }),
  );
  const under = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (under(pid)) total += t;
  return (total * 1000) / USER_HZ;
}

/** CPU milliseconds per second the browser spends over `ms` while the page sits as it is. */
async function cpuPerSecond(ms: number): Promise<number> {
  const before = await childrenCpuMs();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return round1((((await childrenCpuMs()) - before) * 1000) / ms);
}

/** The play screen, the first month as Kim: the hand waits for the player and nothing moves. */
async function idlePlayCpu(browser: Browser, site: Site, ms: number): Promise<number> {
  const bench = await openPage(browser);
  try {
    await bench.page.goto(site.appUrl);
    await startGame(bench.page, false);
    await bench.page.locator('#ui .play .game-card').first().waitFor();
    // the map drawn and fitted, the shipments of the first month (if any) arrived
    await bench.page.waitForTimeout(6000);
    const cpu = await cpuPerSecond(ms);
    check(bench, 'idle play screen');
    return cpu;
  } finally {
    await bench.close();
  }
}

async function idleEmptyCpu(browser: Browser, site: Site, ms: number): Promise<number> {
  const bench = await openPage(browser);
  try {
    await bench.page.goto(site.emptyUrl);
    await (await bench.page.waitForFunction(() => window.emptyPhaserReady)).dispose();
    await bench.page.waitForTimeout(2000);
    const cpu = await cpuPerSecond(ms);
    check(bench, 'idle empty page');
    return cpu;
  } finally {
    await bench.close();
  }
}

export async function idleCpuFigure(browser: Browser, site: Site, s: WebSettings): Promise<WebFigure> {
  const ms = s.frameSeconds * 1000;
  const game: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < s.frameRuns; i++) {
    game.push(await idlePlayCpu(browser, site, ms));
    empty.push(await idleEmptyCpu(browser, site, ms));
    s.log(
      `  idle CPU ${i + 1}/${s.frameRuns}: play screen ${game.at(-1)} ms/s, empty Phaser ${empty.at(-1)} ms/s`,
    );
  }
  const app = median(game);
  const baseline = median(empty);
  return {
    measurement: 'CPU time per second, idle play screen',
    unit: 'CPU ms/s',
    app,
    baselineName: 'empty Phaser game (draws every frame)',
    baseline,
    aim: '< the empty Phaser game',
    met: app < baseline,
    runs: game.map((g, i) => ({ app: g, baseline: empty[i]! })),
    details: {
      seconds: s.frameSeconds,
      how: "utime + stime of every process under the bench's (Chromium's browser, renderer and GPU processes), /proc, over the window; 1000 = one core busy",
    },
  };
}
