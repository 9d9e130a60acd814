// Lighthouse 12 (pinned: 13 needs Node 22) on the production build served with gzip, as any static
// host serves it, in Debian's Chromium with the flags of the other figures: the mobile preset
// (Lighthouse's default: a mid-range phone on slow 4G, 4x CPU slowdown, simulated) and the desktop
// preset. Each category's score and the first contentful paint, the median of `runs` runs.
import { createServer as createNetServer } from 'node:net';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium.ts';
import { median, type WebFigure } from './figures.ts';

export const LIGHTHOUSE_AIMS = { mobilePerformance: 90, mobileFcpMs: 1800, otherCategories: 100 } as const;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

interface Audit {
  scores: Record<Category, number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  interactiveMs: number;
}

/** A free loopback port for Chromium's DevTools (Lighthouse connects to it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function audit(url: string, preset: 'mobile' | 'desktop'): Promise<Audit> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('lighthouse: no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
    const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
    const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    return {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Record<Category, number>,
      fcpMs: ms('first-contentful-paint'),
      lcpMs: ms('largest-contentful-paint'),
      tbtMs: ms('total-blocking-time'),
      interactiveMs: ms('interactive'),
    };
  } finally {
    await browser.close();
  }
}

function summary(audits: Audit[]): Audit {
  const of = (pick: (a: Audit) => number) => median(audits.map(pick));
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, of((a) => a.scores[c])])) as Record<
      Category,
      number
    >,
    fcpMs: of((a) => a.fcpMs),
    lcpMs: of((a) => a.lcpMs),
    tbtMs: of((a) => a.tbtMs),
    interactiveMs: of((a) => a.interactiveMs),
  };
}

/** The Lighthouse figures of the game's page at `url` (served with gzip). */
export async function lighthouseFigures(
  url: string,
  runs: number,
  log: (line: string) => void,
): Promise<WebFigure[]> {
  const results: Record<'mobile' | 'desktop', Audit[]> = { mobile: [], desktop: [] };
  for (let i = 0; i < runs; i++) {
    for (const preset of ['mobile', 'desktop'] as const) {
      const a = await audit(url, preset);
      results[preset].push(a);
      log(
        `  lighthouse ${preset} ${i + 1}/${runs}: performance ${a.scores.performance}, accessibility ` +
          `${a.scores.accessibility}, best practices ${a.scores['best-practices']}, SEO ${a.scores.seo}; ` +
          `first contentful paint ${a.fcpMs} ms, largest ${a.lcpMs} ms, interactive ${a.interactiveMs} ms`,
      );
    }
  }
  const mobile = summary(results.mobile);
  const desktop = summary(results.desktop);
  const others = (a: Audit) => [a.scores.accessibility, a.scores['best-practices'], a.scores.seo];
  const details = {
    runs,
    mobile,
    desktop,
    server: 'node:http with gzip (level 6) on text files, no caching',
  };
  return [
    {
      measurement: 'Lighthouse mobile performance score',
      unit: 'points',
      app: mobile.scores.performance,
      baselineName: 'desktop preset, same build',
      baseline: desktop.scores.performance,
      aim: `≥ ${LIGHTHOUSE_AIMS.mobilePerformance}`,
      met: mobile.scores.performance >= LIGHTHOUSE_AIMS.mobilePerformance,
      runs: results.mobile.map((m, i) => ({
        app: m.scores.performance,
        baseline: results.desktop[i]!.scores.performance,
      })),
      details,
    },
    {
      measurement: 'Lighthouse mobile first contentful paint',
      unit: 'ms',
      app: mobile.fcpMs,
      baselineName: 'desktop preset, same build',
      baseline: desktop.fcpMs,
      aim: `≤ ${LIGHTHOUSE_AIMS.mobileFcpMs} ms`,
      met: mobile.fcpMs <= LIGHTHOUSE_AIMS.mobileFcpMs,
      runs: results.mobile.map((m, i) => ({ app: m.fcpMs, baseline: results.desktop[i]!.fcpMs })),
      details,
    },
    {
      measurement: 'Lighthouse mobile accessibility / best practices / SEO',
      unit: 'points',
      app: Math.min(...others(mobile)),
      baselineName: 'the lowest of the three, desktop',
      baseline: Math.min(...others(desktop)),
      aim: `all ${LIGHTHOUSE_AIMS.otherCategories}`,
      met: others(mobile).every((x) => x >= LIGHTHOUSE_AIMS.otherCategories),
      runs: results.mobile.map((m, i) => ({
        app: Math.min(...others(m)),
        baseline: Math.min(...others(results.desktop[i]!)),
      })),
      details,
    },
  ];
}
