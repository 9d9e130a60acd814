// What the browser tests share: a fresh page on the built game that records every console error,
// which screen is showing, the keyboard-only way through the title, briefing and every month, axe,
// layout checks and screenshots. Moves are made with page.keyboard only: no mouse, no element.click.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SCREENS_DIR, SEED } from './env.ts';
import { scenario } from './scenario.ts';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export type Role = 'kim' | 'putin';

export type Screen =
  | 'loading'
  | 'title'
  | 'briefing'
  | 'hand'
  | 'outcome'
  | 'thinking'
  | 'pass'
  | 'news'
  | 'source'
  | 'help'
  | 'dialog'
  | 'debrief'
  | 'none';

export interface Viewport {
  width: number;
  height: number;
}

export const VIEWPORTS = {
  small: { width: 1024, height: 600 },
  medium: { width: 1366, height: 768 },
  large: { width: 1920, height: 1080 },
} as const satisfies Record<string, Viewport>;

// ---------------------------------------------------------------------------------------------
// Browser and pages

let shared: Browser | undefined;

/** The Chromium started by the global setup (one per test run). */
export async function browser(): Promise<Browser> {
  shared ??= await chromium.connect(inject('wsEndpoint'));
  return shared;
}

export async function closeBrowser(): Promise<void> {
  await shared?.close();
  shared = undefined;
}

export interface GamePage {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings, page errors and failed requests, in order. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: Viewport;
  /** Emulates the system setting; the game's "Reduce motion" defaults to it (shorter pauses). */
  reducedMotion?: 'reduce' | 'no-preference';
  /** Called after the page exists but before it navigates (routes, init scripts). */
  before?: (page: Page) => Promise<void>;
  /** Navigate without waiting for the title screen. */
  noWait?: boolean;
  /** Where the game is (default: the build the global setup serves). */
  url?: string;
  /**
   * Blocked unless a test allows them (offline.test.ts): page.route does not see what a service
   * worker answers, and each context's worker would download the whole build behind the test.
   */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * Chromium's WebGL chatter under SwiftShader, and what Playwright's stand-in for
 * `navigator.serviceWorker.register` says when service workers are blocked: not the game's.
 */
const IGNORED_CONSOLE = [/GL Driver Message/, /^Service Worker registration blocked by Playwright$/];

/** A fresh context (clean storage) with the game loaded, waiting on the title screen. */
export async function openGame(options: OpenOptions = {}): Promise<GamePage> {
  const context = await (
    await browser()
  ).newContext({
    viewport: options.viewport ?? VIEWPORTS.small,
    reducedMotion: options.reducedMotion ?? 'reduce',
    deviceScaleFactor: 1,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    // errors, and warnings too: the game warns when it has to do without something (the map)
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const text = message.text();
    if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
    const where = message.location();
    errors.push(`console.${type}: ${text}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '?';
    // a request the page itself gave up on as it navigated (the game's files fetched ahead, then
    // a reload or a new address) is not a failure a player would meet
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} (${reason})`);
  });
  await options.before?.(page);
  await page.goto(options.url ?? inject('baseURL'));
  if (!options.noWait) await waitForScreen(page, ['title'], 20_000);
  return { page, context, errors, close: () => context.close() };
}

/**
 * Runs `work` on a fresh game page and closes it after; a failure says what the page printed so far.
 */
export async function withGame<T>(
  work: (game: GamePage) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const game = await openGame(options);
  try {
    return await work(game);
  } catch (error) {
    throw new Error(`${String(error)}\nconsole and page errors so far:\n${game.errors.join('\n')}`, {
      cause: error,
    });
  } finally {
    await game.close();
  }
}

/** A promise that waits until `open` is called (to hold a request, for instance). */
export function gate(): { wait: Promise<void>; open: () => void } {
  let resolveWait: (() => void) | undefined;
  const wait = new Promise<void>((resolve) => (resolveWait = resolve));
  return { wait, open: () => resolveWait?.() };
}

// ---------------------------------------------------------------------------------------------
// Which screen is showing: a probe installed in every page, so one round trip answers

export interface Observation {
  screen: Screen;
  /** The month in the top bar (play screens only). */
  month: MonthSeen | null;
  /** What has the focus, in words. */
  focus: string;
  /** The element a player would press next is focused: an option, Continue, news Continue. */
  ready: boolean;
}

interface Probe {
  screen(): Screen;
  observe(): Observation;
}

declare global {
  interface Window {
    sfoTestProbe?: Probe;
  }
}

/** Runs in the page (as an init script): defines window.sfoTestProbe. Must be self-contained. */
function installProbe(): void {
  // (helpers live inside: the function is serialised into the page and cannot see the module)
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const describe = (el: Element | null): string => {
    if (!el || el === document.body) return '(nothing: <body>)';
    const cls = el.getAttribute('class');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}> ${text}`;
  };
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const screen = (): Screen => {
    const dialog = document.querySelector('dialog[open]');
    if (dialog) {
      if (dialog.classList.contains('news-dialog')) return 'news';
      if (dialog.classList.contains('source-dialog')) return 'source';
      if (dialog.classList.contains('help-dialog')) return 'help';
      return 'dialog';
    }
    if (document.querySelector('#ui .debrief')) return 'debrief';
    if (document.querySelector('#ui .pass-screen')) return 'pass';
    if (document.querySelector('#ui .play .thinking')) return 'thinking';
    // an outcome whose Continue the test already pressed is on its way out, not a new outcome
    if (document.querySelector('#ui .play .continue:not([data-test-done])')) return 'outcome';
    if (document.querySelector('#ui .play .game-card')) return 'hand';
    if (document.querySelector('#ui .briefing-page')) return 'briefing';
    if (document.querySelector('#ui .title-page')) return 'title';
    if (document.querySelector('#ui .loading-page')) return 'loading';
    return 'none';
  };
  const observe = (): Observation => {
    const s = screen();
    const label = document.querySelector('#ui .play .top-bar .month')?.textContent?.trim();
    const line = document.querySelector('#ui .play .top-bar .when .muted')?.textContent ?? '';
    const match = /Month (\d+) of (\d+)/.exec(line);
    const month = label && match ? { label, turn: Number(match[1]), of: Number(match[2]) } : null;
    const active = document.activeElement;
    const wanted =
      s === 'outcome'
        ? '#ui .play .bottom button.continue'
        : s === 'news'
          ? 'dialog[open] .modal-actions button.primary'
          : null;
    const ready = wanted !== null && !!active?.matches(wanted);
    return { screen: s, month, focus: describe(active), ready };
  };
  window.sfoTestProbe = { screen, observe };
}

export function screenOf(page: Page): Promise<Screen> {
  return page.evaluate(() => window.sfoTestProbe?.screen() ?? 'none');
}

export async function waitForScreen(page: Page, wanted: Screen[], timeout = 15_000): Promise<Screen> {
  try {
    await page.waitForFunction((w) => w.includes(window.sfoTestProbe?.screen() ?? 'none'), wanted, {
      polling: 40,
      timeout,
    });
  } catch {
    throw new Error(
      `waited ${timeout} ms for ${wanted.join(' or ')}, but the screen is still "${await screenOf(page)}"`,
    );
  }
  return screenOf(page);
}

/** A short description of the focused element, for assertions and messages. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing: <body>)';
    const cls = el.getAttribute('class');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}> ${text}`;
  });
}

export function focusMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
export async function tabTo(page: Page, selector: string, max = 40, key = 'Tab'): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await focusMatches(page, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}; focus is on ${await focused(page)}`);
}

// ---------------------------------------------------------------------------------------------
// Title and briefing, by keyboard

export type Mode = 'vs-computer' | 'hotseat' | 'watch';
export type Level = 'easy' | 'normal' | 'hard';

export interface StartOptions {
  /** Default: the scenario the tests read (tests/browser/scenario.ts). */
  scenario?: string;
  role?: Role;
  seed?: number;
  /** Default: against the computer. */
  mode?: Mode;
  /** The computer's level (default: the title's, normal). */
  level?: Level;
  /** The computer's character, a personality id of the scenario (default: the title's first). */
  personality?: string;
  largeText?: boolean;
  colorBlind?: boolean;
  /** Called on the title screen once everything is chosen, before Start. */
  onTitle?: () => Promise<void>;
  /** Called on the briefing, before Begin. */
  onBriefing?: () => Promise<void>;
}

/** Sets a settings checkbox by Tab and Space (the focus walks forward from wherever it is). */
async function setCheckbox(page: Page, id: string, on: boolean): Promise<void> {
  await tabTo(page, `#${id}`);
  const checked = await page.evaluate((i) => (document.getElementById(i) as HTMLInputElement).checked, id);
  if (checked !== on) await page.keyboard.press('Space');
  const now = await page.evaluate((i) => (document.getElementById(i) as HTMLInputElement).checked, id);
  if (now !== on) throw new Error(`Space did not ${on ? 'tick' : 'untick'} #${id}`);
}

/** Picks a radio button of group `name` with the arrow keys (the focus walks there by `key`). */
async function pickRadio(page: Page, name: string, value: string, key = 'Tab'): Promise<void> {
  await tabTo(page, `input[name="${name}"]`, 60, key);
  const checked = () =>
    page.evaluate((n) => document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)?.value, name);
  for (let i = 0; i < 6 && (await checked()) !== value; i++) await page.keyboard.press('ArrowDown');
  if ((await checked()) !== value)
    throw new Error(`the arrow keys never picked ${name} "${value}" (picked "${await checked()}")`);
}

/**
 * From the title screen to the first month, keyboard only: the world number typed into #seed,
 * the role picked with the arrow keys, settings ticked with Space, Start, then Enter on the briefing.
 */
export async function startGame(page: Page, options: StartOptions = {}): Promise<void> {
  await waitForScreen(page, ['title']);
  const h1 = await focusMatches(page, '.title-page h1');
  if (!h1)
    throw new Error(`the title screen should start with the focus on its h1, not ${await focused(page)}`);
  // the fields in tab order: scenario, world number, role, settings, then the Start button
  await pickRadio(page, 'scenario', options.scenario ?? scenario.id);
  await tabTo(page, '#seed');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(options.seed ?? SEED));
  const role = options.role ?? 'kim';
  await tabTo(page, 'input[name="role"]');
  const current = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  if (current !== role) await page.keyboard.press(role === 'putin' ? 'ArrowDown' : 'ArrowUp');
  const picked = await page.evaluate(
    () => document.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value,
  );
  if (picked !== role) throw new Error(`the arrow keys picked role "${picked}", not "${role}"`);
  if (options.mode !== undefined) await pickRadio(page, 'mode', options.mode);
  // the computer's level and character come before the role in the page: back up to them
  if (options.level !== undefined) await pickRadio(page, 'level', options.level, 'Shift+Tab');
  if (options.personality !== undefined) {
    const other = role === 'kim' ? 'putin' : 'kim';
    await pickRadio(page, `personality-${other}`, options.personality);
  }
  if (options.largeText !== undefined) await setCheckbox(page, 'setting-largeText', options.largeText);
  if (options.colorBlind !== undefined) await setCheckbox(page, 'setting-colorBlind', options.colorBlind);
  await options.onTitle?.();
  await tabTo(page, 'button.start');
  await page.keyboard.press('Enter');
  await waitForScreen(page, ['briefing']);
  if (!(await focusMatches(page, '.briefing-page h1')))
    throw new Error(`the briefing should open with the focus on its h1, not ${await focused(page)}`);
  await options.onBriefing?.();
  // Enter begins, wherever the focus is, as long as it is not on a button (which Enter presses)
  if (await focusMatches(page, 'button, a, input'))
    throw new Error(`Enter would press ${await focused(page)} rather than begin`);
  await page.keyboard.press('Enter');
  await waitForScreen(page, ['hand', 'thinking', 'outcome', 'pass']);
}

// ---------------------------------------------------------------------------------------------
// Playing the months, by keyboard

export interface MonthSeen {
  /** "September 2023" */
  label: string;
  /** 1-based month of the game, from "Month 3 of 12". */
  turn: number;
  of: number;
}

export interface GameRecord {
  ending: string;
  /** The month shown at every hand and outcome, in order. */
  months: MonthSeen[];
  /** Every key pressed on the hands (the choices), in order. */
  keys: string[];
  /** The card titles and options the player chose, in order. */
  choices: string[];
  /** How many of each screen the game went through. */
  visits: Partial<Record<Screen, number>>;
  /** The debrief's timeline: each month and its entries ("who: title: choice"), in order. */
  timeline: { month: string; entries: string[] }[];
  /** Timeline entries that are the human player's own choices or answers. */
  humanEntries: number;
}

export interface PlayOptions {
  /**
   * Called on every screen the game reaches, before the player acts on it; "stop" ends the game
   * there (the record then has no ending).
   */
  visit?: (screen: Screen, count: number) => Promise<void | 'stop'>;
  /** The whole game must end within this (ms). */
  timeout?: number;
}

/**
 * Chooses a card and option by keyboard, deterministically from the move number: card
 * (move mod hand size) + 1 with its number key; on odd moves, Tab on to the card's next open
 * option if it has one. Then Enter. Returns the keys pressed and what was chosen.
 */
async function chooseByKeyboard(page: Page, move: number): Promise<{ keys: string[]; choice: string }> {
  const count = await page.locator('#ui .play .bottom .game-card').count();
  const keys: string[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    const n = ((move + attempt) % count) + 1;
    await page.keyboard.press(String(n));
    keys.push(String(n));
    const where = await page.evaluate((i) => {
      const el = document.activeElement;
      const card = document.querySelectorAll('#ui .play .bottom .game-card')[i - 1];
      if (!el || !card?.contains(el) || !el.matches('.option:not([disabled])')) return null;
      const open = [...card.querySelectorAll('.option:not([disabled])')];
      return { hasNext: open.indexOf(el) < open.length - 1 };
    }, n);
    if (!where) continue; // every option of this card is closed: try the next card
    if (move % 2 === 1 && where.hasNext) {
      await page.keyboard.press('Tab');
      keys.push('Tab');
    }
    const choice = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.matches('#ui .play .bottom .option:not([disabled])')) return null;
      el.setAttribute('data-test-pressed', '');
      const card = el.closest('.game-card')?.querySelector('h3')?.textContent ?? '?';
      return `${card} → ${el.querySelector('.option-label')?.textContent ?? '?'}`;
    });
    if (!choice) throw new Error(`Tab left the card's options; the focus is on ${await focused(page)}`);
    await page.keyboard.press('Enter');
    keys.push('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-test-pressed]'), undefined, {
      polling: 30,
    });
    return { keys, choice };
  }
  throw new Error(`no card in the hand has an option the number keys can reach (${count} cards)`);
}

/** Plays from the first month to the debrief with the keyboard alone. */
export async function playToDebrief(page: Page, options: PlayOptions = {}): Promise<GameRecord> {
  const deadline = Date.now() + (options.timeout ?? 150_000);
  const record: GameRecord = {
    ending: '',
    months: [],
    keys: [],
    choices: [],
    visits: {},
    timeline: [],
    humanEntries: 0,
  };
  let move = 0;
  let previous: Screen = 'none';
  for (;;) {
    if (Date.now() > deadline) throw new Error('the game did not reach the debrief in time');
    const seen = await page.evaluate(() => window.sfoTestProbe!.observe());
    const screen = seen.screen;
    const fresh = screen !== previous;
    previous = screen;
    if (screen === 'debrief') break;
    if (screen === 'thinking') {
      if (fresh) {
        record.visits.thinking = (record.visits.thinking ?? 0) + 1;
        if ((await options.visit?.(screen, record.visits.thinking)) === 'stop') return record;
      }
      await page.waitForTimeout(40);
      continue;
    }
    if (screen === 'pass') {
      record.visits.pass = (record.visits.pass ?? 0) + 1;
      if ((await options.visit?.(screen, record.visits.pass)) === 'stop') return record;
      if (!(await focusMatches(page, '#ui .pass-screen button.pass-ready')))
        throw new Error(`the pass screen should have the focus on its button, not ${await focused(page)}`);
      await page.keyboard.press('Enter');
      await waitForScreen(page, ['hand', 'outcome', 'news', 'thinking', 'debrief']);
      previous = 'none';
      continue;
    }
    if (screen !== 'hand' && screen !== 'outcome' && screen !== 'news') {
      await page.waitForTimeout(40);
      continue;
    }
    const count = (record.visits[screen] ?? 0) + 1;
    record.visits[screen] = count;
    if (screen !== 'news') {
      if (!seen.month) throw new Error(`no month is shown on the ${screen} screen`);
      record.months.push(seen.month);
    }
    if (options.visit && (await options.visit(screen, count)) === 'stop') return record;
    if (screen === 'hand') {
      const { keys, choice } = await chooseByKeyboard(page, move++);
      record.keys.push(...keys);
      record.choices.push(choice);
      previous = 'none';
      continue;
    }
    // outcome and news: the focus must already be on Continue, so Enter moves on
    const now = options.visit ? await page.evaluate(() => window.sfoTestProbe!.observe()) : seen;
    if (!now.ready)
      throw new Error(`the ${screen} screen should have the focus on its Continue button, not ${now.focus}`);
    await page.evaluate((outcome) => {
      for (const el of document.querySelectorAll('[data-test-pressed]'))
        el.removeAttribute('data-test-pressed');
      document.activeElement?.setAttribute('data-test-pressed', '');
      if (outcome) document.activeElement?.setAttribute('data-test-done', '');
    }, screen === 'outcome');
    await page.keyboard.press('Enter');
    // gone, or (after an outcome) covered by the news window
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-test-pressed]') ||
        (document.querySelector('[data-test-done][data-test-pressed]') !== null &&
          document.querySelector('dialog[open]') !== null),
      undefined,
      { polling: 30 },
    );
    previous = 'none';
  }
  record.visits.debrief = 1;
  const debrief = await page.evaluate(() => ({
    ending: document.querySelector('#ui .debrief h1')?.textContent?.trim() ?? '',
    timeline: [...document.querySelectorAll('#ui .debrief .timeline-month')].map((li) => ({
      month: li.querySelector('h3')?.textContent?.trim() ?? '',
      entries: [...li.querySelectorAll('.timeline-entry')].map((e) =>
        ['.entry-who', '.entry-title', '.entry-choice']
          .map((part) => e.querySelector(part)?.textContent?.trim() ?? '')
          .join(': '),
      ),
    })),
  }));
  record.ending = debrief.ending;
  record.timeline = debrief.timeline;
  await options.visit?.('debrief', 1);
  return record;
}

/** Counts the human role's own moves in the debrief's timeline. */
export function humanTimelineEntries(page: Page, role: Role): Promise<number> {
  return page.evaluate(
    (r) =>
      document.querySelectorAll(
        `.debrief .timeline-entry.kind-choice.role-${r}, .debrief .timeline-entry.kind-answer.role-${r}`,
      ).length,
    role,
  );
}

// ---------------------------------------------------------------------------------------------
// Holding the computer's move, so a test can look at "… is deciding…"

/**
 * Stops the play scene's clock the moment "… is deciding…" appears, so the computer's move (a
 * timer on that clock) waits until `releaseComputer`, while the page goes on drawing. Only the
 * first appearance after the call is held.
 */
export async function holdNextThinking(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ui = document.getElementById('ui')!;
    const observer = new MutationObserver(() => {
      if (!ui.querySelector('.play .thinking')) return;
      observer.disconnect();
      const clock = window.shellsForOil?.game.scene.getScene('Play')?.time;
      if (clock) clock.timeScale = 0;
    });
    observer.observe(ui, { childList: true, subtree: true });
  });
}

export async function releaseComputer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const clock = window.shellsForOil?.game.scene.getScene('Play')?.time;
    if (clock) clock.timeScale = 1;
  });
}

// ---------------------------------------------------------------------------------------------
// axe

export interface AxeFinding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe on the whole document; returns the serious and critical violations, logs the rest. */
export async function runAxe(page: Page, screen: string): Promise<AxeFinding[]> {
  // evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(`${readFileSync(AXE_PATH, 'utf8')}\n;void 0`);
  const violations = await page.evaluate(async () => {
    type Axe = typeof import('axe-core');
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`,
      ),
    }));
  });
  const findings = violations.map((v) => ({ screen, ...v }));
  for (const f of findings.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')) {
    console.log(`axe (${f.impact}) on ${screen}: ${f.id}: ${f.help}\n  ${f.nodes.join('\n  ')}`);
  }
  return findings.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `[${f.screen}] ${f.impact} ${f.id}: ${f.help}\n    ${f.nodes.join('\n    ')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Layout: cut-off text and overlapping panels

export const PANELS = ['.top-bar', '.meter-panel.left', '.meter-panel.right', '.map-slot', '.bottom'];

/** Runs in the page: every visible element with text cut off sideways, and panels that overlap. */
function findLayoutProblems(panels: string[]): string[] {
  const problems: string[] = [];
  // (helpers live inside: the function is serialised into the page and cannot see the module)
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const cls = e.getAttribute('class')?.trim().split(/\s+/).slice(0, 2).join('.');
      parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls ? `.${cls}` : ''}`);
    }
    return parts.join(' > ');
  };
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const visible = (el: Element): boolean => {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 2 || rect.height <= 2) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
  };
  const scope = document.querySelector('dialog[open]') ?? document.getElementById('ui')!;
  for (const el of scope.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement) || el.closest('.visually-hidden') || !visible(el)) continue;
    const style = getComputedStyle(el);
    const overflowX = style.overflowX;
    if (overflowX === 'visible') continue;
    const text = (el.innerText ?? '').trim().replace(/\s+/g, ' ');
    if (text === '' || el.scrollWidth <= el.clientWidth + 1) continue;
    const how = overflowX === 'hidden' || overflowX === 'clip' ? 'cut off' : 'scrolls sideways';
    // the culprits: descendants that stick out past the edge while their parent does not
    const edge = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth + 1;
    const culprits = [...el.querySelectorAll('*')]
      .filter((c) => c.getBoundingClientRect().right > edge && visible(c))
      .filter((c) => c.parentElement === el || c.parentElement!.getBoundingClientRect().right <= edge)
      .slice(0, 3)
      .map((c) => `${describe(c)} (right edge ${Math.round(c.getBoundingClientRect().right)} px)`);
    problems.push(
      `text ${how} in ${describe(el)} (scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}): “${text.slice(0, 70)}”${culprits.length ? `; sticking out: ${culprits.join(', ')}` : ''}`,
    );
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    problems.push(
      `the page scrolls sideways (${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window)`,
    );
  const boxes = panels
    .map((selector) => ({ selector, el: document.querySelector(`#ui .play ${selector}`) }))
    .filter((p): p is { selector: string; el: Element } => p.el !== null && visible(p.el))
    .map((p) => ({ selector: p.selector, rect: p.el.getBoundingClientRect() }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (w > 1 && h > 1)
        problems.push(`${a.selector} and ${b.selector} overlap by ${Math.round(w)}×${Math.round(h)} px`);
    }
  }
  for (const box of boxes) {
    if (box.rect.bottom > window.innerHeight + 1 || box.rect.right > window.innerWidth + 1)
      problems.push(
        `${box.selector} runs off the window (${Math.round(box.rect.right)}×${Math.round(box.rect.bottom)} in ${window.innerWidth}×${window.innerHeight})`,
      );
  }
  return problems;
}

/** Resizes the window and lets the layout (and Phaser's RESIZE scale) settle. */
export async function resize(page: Page, viewport: Viewport): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page.waitForTimeout(120);
  // on the play screen, wait until the map has been laid out anew and drawn (MapScene marks it)
  await page
    .waitForFunction(
      () => {
        const slot = document.querySelector('#ui .play .map-slot');
        if (!slot) return true;
        const r = slot.getBoundingClientRect();
        const area = [r.x, r.y, r.width, r.height].map(Math.round).join(',');
        return document.querySelector<HTMLCanvasElement>('#stage canvas')?.dataset.mapArea === area;
      },
      null,
      { timeout: 10_000 },
    )
    .catch(async (error: unknown) => {
      const seen = await page.evaluate(() => {
        const r = document.querySelector('#ui .play .map-slot')!.getBoundingClientRect();
        const g = window.shellsForOil!.game;
        return {
          slot: [r.x, r.y, r.width, r.height],
          area: document.querySelector<HTMLCanvasElement>('#stage canvas')?.dataset.mapArea,
          frame: g.loop.frame,
          size: [innerWidth, innerHeight],
        };
      });
      throw new Error(`the map was not refitted: ${JSON.stringify(seen)}`, { cause: error });
    });
}

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(findLayoutProblems, PANELS);
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Saves a screenshot of the window into out/screens/<name>-<width>x<height>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const size = page.viewportSize() ?? VIEWPORTS.medium;
  const path = `${SCREENS_DIR}/${name}-${size.width}x${size.height}.png`;
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}

// ---------------------------------------------------------------------------------------------
// Where the map is drawn (read from the pixels: the canvas cannot be asked)

export interface MapPlacement {
  /** The play screen's map cell, in page pixels. */
  slot: { x: number; y: number; width: number; height: number };
  /** The box around every pixel the canvas drew that is not its plain background. */
  drawn: { x: number; y: number; width: number; height: number } | null;
}

/**
 * Screenshots the canvas alone (the HTML layer hidden for the shot) and finds the box of what
 * the map drew, to compare with the map cell it should fill.
 */
export async function mapPlacement(page: Page): Promise<MapPlacement> {
  const slot = await page.evaluate(() => {
    const r = document.querySelector('#ui .play .map-slot')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  // hide the HTML layer (opacity keeps the focus where it is), wait until that is painted, shoot
  // (through the CSSOM: the site's Content-Security-Policy refuses a <style> element)
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const ui = document.getElementById('ui')!.style;
        ui.setProperty('opacity', '0', 'important');
        ui.setProperty('transition', 'none', 'important');
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );
  let png: Buffer;
  try {
    png = await page.screenshot();
  } finally {
    await page.evaluate(() => {
      const ui = document.getElementById('ui')!.style;
      ui.removeProperty('opacity');
      ui.removeProperty('transition');
    });
  }
  const drawn = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data, width, height } = g.getImageData(0, 0, img.width, img.height);
    // the background is whatever fills the top-left corner of the window
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
    let left = width;
    let top = height;
    let right = -1;
    let bottom = -1;
    for (let y = 0; y < height; y += 2) {
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * 4;
        const d = Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0);
        if (d <= 24) continue;
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
    return right < 0 ? null : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
  }, png.toString('base64'));
  return { slot, drawn };
}

const box = (b: { x: number; y: number; width: number; height: number }): string =>
  `${Math.round(b.width)}×${Math.round(b.height)} at (${Math.round(b.x)}, ${Math.round(b.y)})`;

/** What is wrong with where the map is drawn, if anything: outside its cell, or not filling it. */
export function mapPlacementProblem({ slot, drawn }: MapPlacement): string | null {
  if (!drawn) return `nothing is drawn on the map (cell ${box(slot)})`;
  const slack = 4;
  const outside =
    drawn.x < slot.x - slack ||
    drawn.y < slot.y - slack ||
    drawn.x + drawn.width > slot.x + slot.width + slack ||
    drawn.y + drawn.height > slot.y + slot.height + slack;
  const fills = drawn.width >= slot.width * 0.9 || drawn.height >= slot.height * 0.9;
  if (outside || !fills) {
    const how = [outside ? 'spills out of the cell' : '', fills ? '' : 'does not fill it'].filter(Boolean);
    return `the map is drawn ${box(drawn)}, but its cell is ${box(slot)}: it ${how.join(' and ')}`;
  }
  return null;
}
