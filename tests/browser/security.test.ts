// The built site's Content-Security-Policy (src/security/csp.ts) and its promise of no network
// calls but to the site itself: a whole game, a replay link and the class dashboard under the
// policy raise not one `securitypolicyviolation`; a same-origin WebSocket (the class server's, when
// a class plays live) is allowed by it; and nothing a game does requests another origin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { serializeResult } from '../../src/classroom/index.ts';
import { replayToFragment } from '../../src/persist/link.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { halfAndHalfSession, play, resultOf } from '../fixtures/classroom/class.ts';
import { replayOf } from '../fixtures/replays/support.ts';
import { SEED } from './env.ts';
import { closeBrowser, playToDebrief, startGame, waitForScreen, withGame } from './harness.ts';

afterAll(closeBrowser);

const SUMMIT = loadShippedScenario('vostochny-summit');

declare global {
  interface Window {
    violations?: string[];
  }
}

/** Runs in the page before its scripts: keeps every policy violation the page reports. */
function watchViolations(): void {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations!.push(`${event.violatedDirective}: ${event.blockedURI || '(inline)'}`);
  });
}

const violations = (page: Page) => page.evaluate(() => window.violations ?? ['no probe']);

const watched = {
  before: async (page: Page) => {
    await page.addInitScript(watchViolations);
  },
};

describe('the Content-Security-Policy', () => {
  test('a whole game, a replay link and the class dashboard raise no violation', async () => {
    await withGame(async ({ page, errors }) => {
      const policy = await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      expect(policy).toBe(CONTENT_SECURITY_POLICY);
      expect(policy).not.toMatch(/unsafe-(eval|inline)/);
      await startGame(page, { seed: SEED });
      const record = await playToDebrief(page);
      expect(record.ending).not.toBe('');

      // a replay link, opened as a link is: a fresh load with the fragment
      const link = replayToFragment(replayOf(SUMMIT, 7, { moves: 12 }));
      const base = page.url().split('#')[0]!;
      await page.goto(`${base}${link}`);
      await page.reload();
      await page.locator('#ui .replay-controls').waitFor();

      // the class dashboard over two students' results
      await page.goto(base);
      await waitForScreen(page, ['title']);
      const session = halfAndHalfSession(SUMMIT);
      const dir = mkdtempSync(join(tmpdir(), 'sfo-csp-'));
      const files = [1, 2].map((n) => {
        const path = join(dir, `student-${n}.result.json`);
        writeFileSync(path, serializeResult(resultOf(session, play(SUMMIT, session, n))));
        return path;
      });
      await page.locator('#ui .class-results').click();
      await page
        .locator('#ui input[type=file][multiple]:not([webkitdirectory])')
        .first()
        .setInputFiles(files);
      await page.locator('#ui .class-dashboard').waitFor({ timeout: 30_000 });

      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    }, watched);
  });

  test("allows a WebSocket to the page's own origin, and refuses one to another", async () => {
    await withGame(async ({ page }) => {
      const attempt = (url: string) =>
        page.evaluate(async (target) => {
          const before = window.violations!.length;
          try {
            new WebSocket(target).close();
          } catch {
            // Chromium throws for a URL the policy refuses, and reports the violation too
          }
          // the violation event is dispatched asynchronously
          await new Promise((resolve) => setTimeout(resolve, 200));
          return window.violations!.slice(before);
        }, url);
      const origin = await page.evaluate(() => location.host);
      expect(await attempt(`ws://${origin}/class`)).toEqual([]);
      expect(await attempt('ws://192.0.2.1:9/class')).toEqual([expect.stringMatching(/^connect-src/)]);
    }, watched);
  });
});

describe('no network calls but to the site itself', () => {
  test('a whole game against the computer requests nothing from another origin', async () => {
    const requests: string[] = [];
    await withGame(
      async ({ page, errors }) => {
        await startGame(page, { seed: SEED + 1 });
        await playToDebrief(page);
        const origin = new URL(page.url()).origin;
        const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
        expect(requests.length).toBeGreaterThan(5);
        expect(elsewhere).toEqual([]);
        expect(errors).toEqual([]);
      },
      {
        // every request of the page and of its workers, from the very first
        before: async (page) => {
          page.context().on('request', (request) => requests.push(request.url()));
        },
      },
    );
  });
});
