// "Open a scenario file…" in the page: a clean file is checked in the page, listed, played
// against the computer to an ending and saved as a replay that reopens after a reload once the
// file is opened again; a file with mistakes shows each with its line, worded as scenarios:check
// words it, and changes nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import type { ReplayFile } from '../../src/persist/index.ts';
import { replayToFragment } from '../../src/persist/link.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { loadLibrary } from '../../src/scenario/node.ts';
import { skeletonScenario } from '../../src/scenario/skeleton.ts';
import { REPO_ROOT, SEED } from './env.ts';
import {
  closeBrowser,
  formatFindings,
  playToDebrief,
  runAxe,
  screenshot,
  startGame,
  waitForScreen,
  withGame,
} from './harness.ts';

afterAll(closeBrowser);

const dir = mkdtempSync(join(tmpdir(), 'sfo-scenario-file-'));

function writeScenario(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Opens a scenario file on the title; resolves once the rebuilt title lists it, chosen. */
async function openOnTitle(page: Page, path: string, id: string): Promise<void> {
  await page.locator('#title-scenario-file').setInputFiles(path);
  await page.locator(`#ui input[name="scenario"][value="${id}"]:checked`).waitFor({ state: 'attached' });
  await page.locator('#ui .scenario-report.ok').waitFor();
}

/** The ids of the scenarios the title screen lists. */
function listed(page: Page): Promise<string[]> {
  return page
    .locator('#ui input[name="scenario"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/** Keeps the type of every answer of the opponent's worker in `window.opponentAnswers`. */
async function recordOpponentAnswers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'opponent') return;
        this.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
          const w = window as { opponentAnswers?: string[] };
          (w.opponentAnswers ??= []).push(event.data.type);
        });
      }
    };
  });
}

describe('a scenario file opened in the page', () => {
  test('is checked, listed, played against the computer to an ending, and its replay file and share link reopen after a reload once the file is opened again', async () => {
    await withGame(
      async ({ page, errors }) => {
        const path = writeScenario('classroom-draft.scenario.yaml', skeletonScenario('classroom-draft'));
        const before = await listed(page);
        await openOnTitle(page, path, 'classroom-draft');
        expect(await page.locator('#ui .scenario-report.ok strong').textContent()).toBe(
          '“Classroom draft” is open.',
        );
        // listed after the shipped ones, and chosen
        expect(await listed(page)).toEqual([...before, 'classroom-draft']);
        expect(await page.locator('#ui input[name="scenario"]:checked').getAttribute('value')).toBe(
          'classroom-draft',
        );
        await screenshot(page, 'scenario-file-opened');
        expect(formatFindings(await runAxe(page, 'title with an opened scenario'))).toBe('');

        await startGame(page, { scenario: 'classroom-draft', seed: SEED, level: 'normal' });
        const record = await playToDebrief(page);
        // the computer's moves came from its worker, which took the scenario the page checked
        const answers = await page.evaluate(
          () => (window as { opponentAnswers?: string[] }).opponentAnswers ?? [],
        );
        expect(answers[0]).toBe('ready');
        expect(answers).toContain('decision');
        expect(answers).not.toContain('error');
        const endings = [
          'The front runs dry',
          'The deal is exposed',
          'Both sides gain',
          'Kim made it pay',
          'The front is supplied',
          'Nothing much changed',
        ];
        expect(endings.some((title) => record.ending.includes(title))).toBe(true);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('#ui .debrief-download').click(),
        ]);
        const replay = join(dir, download.suggestedFilename());
        await download.saveAs(replay);
        const file = JSON.parse(readFileSync(replay, 'utf8')) as ReplayFile;
        expect(file.scenario.id).toBe('classroom-draft');

        // after a reload the scenario is no longer open: the replay says so, and changes nothing
        await page.reload();
        await waitForScreen(page, ['title']);
        expect(await listed(page)).toEqual(before);
        // its saved game is still listed, and asks for the file
        const saved = page.locator('#ui .save-list .save', { hasText: 'Classroom draft' });
        // (the list comes a moment after the title: its code loads when there are saves to list)
        await saved.first().waitFor();
        expect(await saved.count()).toBe(1);
        await saved.locator('.save-watch').click();
        await expect
          .poll(() => page.locator('#ui .title-problem').textContent())
          .toBe(
            'This saved game could not be opened. The scenario “Classroom draft” is not open: open its file first (“Open a scenario file…” on the title screen).',
          );
        await page.locator('#replay-file').setInputFiles(replay);
        await expect
          .poll(() => page.locator('#ui .title-problem').textContent())
          .toBe(
            `“${download.suggestedFilename().slice(0, 40)}” is not a replay this game can open. This replay is of the scenario “Classroom draft”, which is not open: open its file first.`,
          );
        // once the file is opened again, the same replay plays
        await openOnTitle(page, path, 'classroom-draft');
        await page.locator('#replay-file').setInputFiles(replay);
        await page.locator('#ui .replay-controls').waitFor();

        // a share link of it, opened in a fresh page: it waits for the file, then plays
        const link = `${page.url().split('#')[0]}${replayToFragment(file)}`;
        await page.goto('about:blank');
        await page.goto(link);
        await waitForScreen(page, ['title']);
        await expect
          .poll(() => page.locator('#ui .title-problem').textContent())
          .toBe(
            'This link does not open a game. This replay is of the scenario “Classroom draft”, which is not open: open its file first.',
          );
        await page.locator('#title-scenario-file').setInputFiles(path);
        await page.locator('#ui .replay-controls').waitFor();
        expect(errors).toEqual([]);
      },
      { before: recordOpponentAnswers },
    );
  });

  test('with three mistakes shows the three messages with their lines, as scenarios:check words them, and changes nothing', async () => {
    const mini = readFileSync(join(REPO_ROOT, 'tests/fixtures/mini.scenario.yaml'), 'utf8');
    const text = mini
      .replace('turns: 3', 'turns: three')
      .replace('    role: putin\n    title: Buy shells', '    role: putn\n    title: Buy shells')
      .replace(
        '    effects: { exposure: 20 }\nreactions:',
        '    chance: 60\n    effects: { exposure: 20 }\nreactions:',
      );
    const checked = parseScenarioText(text, 'mini.scenario.yaml', loadLibrary());
    if (checked.ok) throw new Error('the three mistakes were not found in Node');
    expect(checked.problems).toHaveLength(3);
    const expected = checked.problems.map((p) => `line ${p.line}, column ${p.column}:${p.path}:${p.message}`);
    await withGame(async ({ page, errors }) => {
      const before = await listed(page);
      await page.locator('#title-scenario-file').setInputFiles(writeScenario('mini.scenario.yaml', text));
      await page.locator('#ui .scenario-report.bad').waitFor();
      expect(await page.locator('#ui .scenario-report.bad strong').textContent()).toBe(
        '“mini.scenario.yaml” cannot be played: 3 problems to fix.',
      );
      const shown = await page
        .locator('#ui .scenario-report.bad .problem-list > li')
        .evaluateAll((items) =>
          items.map((li) => [...li.children].map((part) => part.textContent ?? '').join(':')),
        );
      expect(shown).toEqual(expected);
      expect(shown[0]).toBe('line 10, column 8:turns:expected a number, got "three"');
      expect(await listed(page)).toEqual(before);
      await screenshot(page, 'scenario-file-problems');
      expect(formatFindings(await runAxe(page, 'title with a scenario file that has problems'))).toBe('');

      // a file far too large is refused before it is read
      await page.locator('#title-scenario-file').setInputFiles({
        name: 'huge.scenario.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.alloc(2 * 1024 * 1024, 'a'),
      });
      await expect
        .poll(() => page.locator('#ui .scenario-report.bad .problem-message').textContent())
        .toBe('the file is 2048 kB: a scenario file is at most 1024 kB');
      expect(await listed(page)).toEqual(before);
      expect(errors).toEqual([]);
    });
  });

  test('opened on the class set-up, it is chosen for the session, which names it', async () => {
    await withGame(async ({ page, errors }) => {
      const path = writeScenario('class-draft.scenario.yaml', skeletonScenario('class-draft'));
      await page.locator('#ui button', { hasText: 'Prepare a class session' }).click();
      await page.locator('#class-scenario-file').waitFor({ state: 'attached' });
      await page.locator('#class-scenario-file').setInputFiles(path);
      await page
        .locator('#ui input[name="class-scenario"][value="class-draft"]:checked')
        .waitFor({ state: 'attached' });
      await page.locator('#ui .scenario-report.ok').waitFor();
      expect(await page.locator('#ui input[name="class-scenario"]:checked').getAttribute('value')).toBe(
        'class-draft',
      );
      await page.locator('#ui .scenario-report.ok').scrollIntoViewIfNeeded();
      await screenshot(page, 'class-setup-scenario-file');
      expect(formatFindings(await runAxe(page, 'class set-up with an opened scenario'))).toBe('');
      await page.locator('#ui button', { hasText: 'Create the session' }).click();
      await page.locator('#class-summary-heading').waitFor();
      expect(await page.locator('#ui .class-summary').textContent()).toContain('Class draft');
      expect(errors).toEqual([]);
    });
  });

  test('dropped on the title, plays hot-seat too: two players, the device passed between them', async () => {
    await withGame(async ({ page, errors }) => {
      const path = writeScenario('hotseat-draft.scenario.yaml', skeletonScenario('hotseat-draft'));
      // dropped on the title screen, rather than picked
      await page.evaluate(
        (text) => {
          const data = new DataTransfer();
          data.items.add(new File([text], 'hotseat-draft.scenario.yaml', { type: 'text/yaml' }));
          const target = document.querySelector('#ui .title-page')!;
          target.dispatchEvent(
            new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
          target.dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        },
        readFileSync(path, 'utf8'),
      );
      await page
        .locator('#ui input[name="scenario"][value="hotseat-draft"]:checked')
        .waitFor({ state: 'attached' });
      await startGame(page, { scenario: 'hotseat-draft', seed: SEED, mode: 'hotseat' });
      const record = await playToDebrief(page);
      expect(record.visits.pass ?? 0).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  });
});
