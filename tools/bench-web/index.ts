// The web figures as named measurements for tools/bench.ts, the shared set-up they run in (the two
// production builds, their server, one Chromium) and their report.
import type { Browser } from 'playwright-core';
import { formatTable } from '../../src/sim/table.ts';
import { launch, VIEWPORT } from './browser.ts';
import {
  frameFigure,
  heapFigure,
  idleCpuFigure,
  sizeFigures,
  titleFigure,
  type WebFigure,
  type WebSettings,
} from './figures.ts';
import { lighthouseFigures } from './lighthouse.ts';
import { opponentFigure } from './opponent.ts';
import { buildSite, type Site } from './site.ts';

export type { WebFigure, WebSettings } from './figures.ts';

export interface WebContext {
  site: Site;
  browser: Browser;
  settings: WebSettings;
}

export interface WebMeasurement {
  name: string;
  run(context: WebContext): Promise<WebFigure[]>;
}

export const WEB_MEASUREMENTS: readonly WebMeasurement[] = [
  { name: 'app size gzipped', run: (c) => sizeFigures(c.browser, c.site) },
  { name: 'time to interactive title', run: async (c) => [await titleFigure(c.browser, c.site, c.settings)] },
  {
    name: 'frame time while the map animates',
    run: async (c) => [await frameFigure(c.browser, c.site, c.settings)],
  },
  {
    name: 'CPU time per second on the idle play screen',
    run: async (c) => [await idleCpuFigure(c.browser, c.site, c.settings)],
  },
  {
    name: 'Lighthouse (mobile and desktop presets, gzip)',
    run: (c) => lighthouseFigures(c.site.appGzipUrl, c.settings.lighthouseRuns, c.settings.log),
  },
  {
    name: 'heap growth over games in a row',
    run: async (c) => [await heapFigure(c.browser, c.site, c.settings)],
  },
  {
    name: 'hard opponent decision time',
    run: async (c) => [await opponentFigure(c.browser, c.site, c.settings)],
  },
];

export interface OpenWeb extends WebContext {
  /** Chromium's version, for the report. */
  chromium: string;
  close(): Promise<void>;
}

/** Builds the game and the empty Phaser page, serves them and starts Chromium. */
export async function openWeb(settings: WebSettings): Promise<OpenWeb> {
  settings.log('bench: building the game and the empty Phaser page…');
  const site = await buildSite();
  let browser: Browser;
  try {
    browser = await launch();
  } catch (error) {
    await site.close();
    throw error;
  }
  return {
    site,
    browser,
    settings,
    chromium: browser.version(),
    close: async () => {
      await browser.close().catch(() => undefined);
      await site.close();
    },
  };
}

export interface WebResults {
  browser: string;
  viewport: { width: number; height: number };
  renderer: string;
  figures: WebFigure[];
}

function shown(x: number, unit: WebFigure['unit']): string {
  const digits = (unit === 'ms' && x >= 100) || unit === 'points' ? 0 : unit === 'MB' ? 2 : 1;
  return `${x.toFixed(digits)} ${unit}`;
}

export function formatWeb(r: WebResults): string {
  const columns = [
    { header: 'measurement' },
    { header: 'game', align: 'right' },
    { header: 'baseline', align: 'right' },
    { header: 'baseline is' },
    { header: 'aim' },
    { header: 'met' },
  ] as const;
  const rows = r.figures.map((f) => [
    f.measurement,
    shown(f.app, f.unit),
    shown(f.baseline, f.unit),
    f.baselineName,
    f.aim,
    f.met ? 'yes' : 'NO',
  ]);
  const notes = r.figures.flatMap((f) => {
    const d = f.details;
    if (f.measurement.startsWith('time to interactive title')) {
      return [
        `time to title: ${d.ratio}× the empty game; the game's canvas at ${d.gameCanvasMs} ms, ` +
          `its map data in at ${d.gameMapLoadedMs} ms (the title ${d.gameMapLoadedToTitleMs} ms after that; less than 0: before) ` +
          `(medians of ${f.runs.length} loads in fresh contexts)`,
      ];
    }
    if (f.measurement === 'Lighthouse mobile performance score') {
      type Audit = {
        scores: Record<string, number>;
        fcpMs: number;
        lcpMs: number;
        interactiveMs: number;
        tbtMs: number;
      };
      const line = (name: string, a: Audit) =>
        `lighthouse ${name}: performance ${a.scores.performance}, accessibility ${a.scores.accessibility}, ` +
        `best practices ${a.scores['best-practices']}, SEO ${a.scores.seo}; first contentful paint ${a.fcpMs} ms, ` +
        `largest ${a.lcpMs} ms, interactive ${a.interactiveMs} ms, total blocking ${a.tbtMs} ms`;
      return [
        `${line('mobile', d.mobile as Audit)} (medians of ${d.runs} runs, gzip)`,
        line('desktop', d.desktop as Audit),
      ];
    }
    if (f.measurement.startsWith('p95 frame time')) {
      const a = d.animating as Record<string, number>;
      const s = d.still as Record<string, number>;
      const e = d.empty as Record<string, number>;
      const z = d.asleep as Record<string, number>;
      return [
        `frames: p95 / median frame / frames per second over ${d.seconds} s, medians of ${f.runs.length} runs — ` +
          `map animating ${a.p95} / ${a.medianFrame} ms / ${a.framesPerSecond}; ` +
          `same screen, map still ${s.p95} / ${s.medianFrame} ms / ${s.framesPerSecond}; ` +
          `same screen, Phaser's loop asleep ${z.p95} / ${z.medianFrame} ms / ${z.framesPerSecond}; ` +
          `empty Phaser ${e.p95} / ${e.medianFrame} ms / ${e.framesPerSecond}`,
      ];
    }
    if (f.measurement.startsWith('app files')) {
      const named = (key: string) =>
        ((d[key] ?? []) as { file: string; kBGzip: number }[]).map((x) => `${x.file} ${x.kBGzip}`).join(', ');
      return [
        `${f.measurement.replace(', gzipped', '')} (kB gzipped): ${named('files')}` +
          (d.besidePhaser
            ? `; loaded beside Phaser meanwhile, not counted: ${named('besidePhaser') || 'none'}`
            : '') +
          (d.notFetched ? `; not fetched: ${named('notFetched') || 'none'}` : ''),
      ];
    }
    if (f.measurement.startsWith('hard opponent')) {
      return [
        `opponent: ${d.decisions} decisions in the worker (median ${d.medianMs} ms, max ${d.maxMs} ms), ` +
          `${d.decidedInThePage} in the page; in Node the same game's ${d.nodeDecisions} decisions: median ${d.nodeMedianMs} ms`,
      ];
    }
    if (f.measurement.startsWith('heap growth')) {
      return [
        `heap (MB after GC, after each game): ${(d.heapAfterEachGameMB as number[]).join(', ')}; ` +
          `growth from game 2 on ${d.growthFromGame2MB} MB; ` +
          `computer's pause ${d.computerPace}× faster; ${d.minutes} min`,
      ];
    }
    return [];
  });
  return (
    `Web figures: ${r.browser} headless, ${r.renderer}, ${r.viewport.width}×${r.viewport.height}\n` +
    `${formatTable(columns, rows)}\n\n${notes.map((n) => `  ${n}`).join('\n')}\n`
  );
}

export function webResults(open: OpenWeb, figures: WebFigure[]): WebResults {
  return {
    browser: `Chromium ${open.chromium}`,
    viewport: VIEWPORT,
    renderer: 'WebGL through SwiftShader (software rendering, no GPU)',
    figures,
  };
}
