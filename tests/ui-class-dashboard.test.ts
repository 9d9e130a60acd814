// @vitest-environment happy-dom
// The teacher's class dashboard and the panel that loads a class's results, as a teacher meets them:
// a small class plays The Vostochny Summit (each student against the easy computer, one hands in an
// unfinished game, one's label is HTML), hands in files and codes, a few inputs are broken or
// repeated, and the page is checked against the dashboard's own figures.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpponent } from '../src/ai/index.ts';
import {
  buildDashboard,
  buildResult,
  classSetup,
  encodeSessionCode,
  MAX_INPUT_BYTES,
  parseResults,
  resultCode,
  serializeResult,
  type ClassSession,
  type ResultSource,
} from '../src/classroom/index.ts';
import {
  applyAction,
  compileRules,
  greedyPolicy,
  monthLabel,
  newGame,
  randomPolicy,
  type Policy,
} from '../src/engine/index.ts';
import { buildReplay, serializeReplay } from '../src/persist/index.ts';
import { loadLibrary } from '../src/scenario/node.ts';
import { renderDashboard, type DashboardHandlers } from '../src/ui/screens/classDashboard.ts';
import { renderResultsLoader } from '../src/ui/screens/resultsLoader.ts';
import { LIBRARY, SAVED_AT, SUMMIT } from './fixtures/replays/support.ts';

// The page's content is a build-time module; the dashboard is given its paragraphs (ctx.paragraph),
// and the Source buttons read it only when clicked.
vi.mock('../src/bridge/content.ts', () => ({ content: {} }));

const ARTICLE = loadLibrary();
const XSS = '<img src=x onerror=alert(1)>';
const SESSION: ClassSession = {
  scenarioId: SUMMIT.scenario.id,
  scenarioHash: SUMMIT.hash,
  roles: 'all-kim',
  level: 'easy',
  turnSeconds: null,
  seed: 41,
  title: 'Year 11: <b>history</b>',
};

/** Student n's result: greedy or random choices as Kim against the easy computer; the last stops early. */
function handIn(n: number, students: number): string {
  const rules = compileRules(SUMMIT.scenario);
  const setup = classSetup(SESSION, 'kim');
  const computer = createOpponent({ level: 'easy', seed: SESSION.seed });
  const kim: Policy = n % 3 === 0 ? greedyPolicy(n) : randomPolicy(n * 7);
  const stop = n < students ? Infinity : 8;
  let state = newGame(rules, SESSION.seed);
  while (state.phase === 'playing' && state.log.length < stop) {
    const policy = state.active === 'kim' ? kim : computer;
    const moved = applyAction(rules, state, policy.choose(rules, state)!);
    if (!moved.ok) throw new Error(moved.message);
    state = moved.state;
  }
  const replay = buildReplay({ scenarioHash: SUMMIT.hash, state, setup, savedAt: SAVED_AT });
  const built = buildResult({ label: n === 2 ? XSS : `Student ${n}`, session: SESSION, replay });
  if (!built.ok) throw new Error(built.message);
  return n % 2 === 0 ? resultCode(built.result) : serializeResult(built.result);
}

const STUDENTS = 11;
const HANDED_IN: ResultSource[] = Array.from({ length: STUDENTS }, (_, i) => ({
  name: `student-${i + 1}.json`,
  text: handIn(i + 1, STUDENTS),
}));
const REPLAY = JSON.parse(HANDED_IN[0]!.text) as { replay: Parameters<typeof serializeReplay>[0] };
/** What did not count: broken, foreign, and one handed in twice. */
const BAD: ResultSource[] = [
  { name: `${XSS}.json`, text: '{ "half a file": ' },
  { name: 'notes.txt', text: 'I forgot to save my game' },
  { name: 'game.replay.json', text: serializeReplay(REPLAY.replay) },
  { name: 'student-1 again.json', text: HANDED_IN[0]!.text },
];
const PARSED = parseResults([...HANDED_IN, ...BAD], LIBRARY, SESSION);
const DASHBOARD = buildDashboard({
  scenario: SUMMIT.scenario,
  results: PARSED.results,
  session: PARSED.session,
  tradeoffs: ARTICLE.tradeoffs,
});

function render(): { page: HTMLElement; calls: string[] } {
  const calls: string[] = [];
  const handlers: DashboardHandlers = {
    onWatch: (i) => calls.push(`watch ${i}`),
    onCsv: () => calls.push('csv'),
    onChoicesCsv: () => calls.push('choices'),
    onPrint: () => calls.push('print'),
    onLoadMore: () => calls.push('more'),
    onBack: () => calls.push('back'),
  };
  const page = renderDashboard(
    DASHBOARD,
    {
      parsed: PARSED,
      paragraph: (id) => ARTICLE.article.paragraphs.find((p) => p.id === id),
      monthLabel: (turn) => monthLabel(SUMMIT.scenario.start, turn),
    },
    handlers,
  );
  document.body.append(page);
  return { page, calls };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const text = (el: Element | null | undefined): string => squash(el?.textContent ?? '');

afterEach(() => {
  document.body.replaceChildren();
});

describe('the class dashboard', () => {
  it('is read from real results: the class counts, and what did not count is known', () => {
    expect(PARSED.results).toHaveLength(STUDENTS);
    expect(PARSED.errors.map((e) => e.name)).toEqual([`${XSS}.json`, 'notes.txt', 'game.replay.json']);
    expect(PARSED.duplicates.map((d) => d.name)).toEqual(['student-1 again.json']);
    expect(DASHBOARD.unusual.length).toBeGreaterThan(0);
  });

  it('is one main landmark with one h1, sections under h2, and jump links to each', () => {
    const { page } = render();
    expect(page.querySelectorAll('main')).toHaveLength(1);
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(text(page.querySelector('h1'))).toBe('Year 11: <b>history</b>');
    expect([...page.querySelectorAll('h2')].map(text)).toEqual([
      'Not counted (4)',
      'Endings reached',
      'What the class chose, card by card',
      'Every game’s meters',
      'Games worth a look',
      'Every game',
      'The article’s trade-offs',
      'What next',
    ]);
    const links = [...page.querySelectorAll<HTMLAnchorElement>('.dash-jump a')];
    expect(links).toHaveLength(7);
    for (const a of links) {
      const target = page.querySelector(`[id="${a.getAttribute('href')!.slice(1)}"]`);
      expect(target?.tagName, a.textContent ?? '').toBe('H2');
    }
  });

  it('shows the class: scenario, code, who plays what, and how many games count', () => {
    const { page } = render();
    const head = text(page.querySelector('.dash-head'));
    expect(head).toContain(SUMMIT.scenario.title);
    expect(text(page.querySelector('.dash-code'))).toBe(encodeSessionCode(SESSION));
    expect(head).toContain('Everyone plays Kim Jong Un');
    expect(head).toContain('Easy level');
    expect(head).toContain(`${STUDENTS} games count.`);
    expect(head).toContain('4 results did not count');
  });

  it('lists every input that did not count by name, with its reason', () => {
    const { page } = render();
    const items = [...page.querySelectorAll('.dash-problem')];
    expect(items).toHaveLength(4);
    const problems = [...PARSED.errors, ...PARSED.duplicates];
    problems.forEach((p, i) => {
      expect(text(items[i]!.querySelector('.dash-problem-name'))).toBe(p.name);
      expect(text(items[i]!.querySelector('.dash-problem-message'))).toBe(p.message);
    });
    expect(text(items[3]!.querySelector('.dash-tag'))).toContain('counted once');
  });

  it('tables the endings of each side with the dashboard’s counts, “Not finished” included', () => {
    const { page } = render();
    const tables = [...page.querySelectorAll('.dash-ending-table')];
    expect(tables.map((t) => t.getAttribute('data-side'))).toEqual(DASHBOARD.endings.map((e) => e.side));
    DASHBOARD.endings.forEach((table, i) => {
      const rows = [...tables[i]!.querySelectorAll('tbody tr')];
      expect(rows.map((r) => text(r.querySelector('th')))).toEqual(table.rows.map((r) => r.title));
      expect(rows.map((r) => Number(text(r.querySelector('.dash-count'))))).toEqual(
        table.rows.map((r) => r.count),
      );
      expect(rows.map((r) => text(r.querySelector('.dash-share-number')))).toEqual(
        table.rows.map((r) => `${Math.round(r.share * 100)}%`),
      );
    });
    expect(text(tables[0]!.querySelector('tbody tr:last-child th'))).toBe('Not finished');
  });

  it('sets each card’s choices beside its trade-offs and the article’s words', () => {
    const { page } = render();
    const cards = [...page.querySelectorAll('.dash-card')];
    expect(cards.map((c) => c.getAttribute('data-card'))).toEqual(DASHBOARD.cards.map((c) => c.card));
    DASHBOARD.cards.forEach((card, i) => {
      const item = cards[i]!;
      expect(text(item.querySelector('h3'))).toBe(card.title);
      const rows = [...item.querySelectorAll('.dash-choices tbody tr')];
      expect(rows.map((r) => text(r.querySelector('th')))).toEqual(card.options.map((o) => o.label));
      // the class played Kim: students choose on Kim's cards, the computer on Putin's
      const [shown, hidden] = card.role === 'kim' ? ['students', 'computer'] : ['computer', 'students'];
      expect(rows.map((r) => Number(text(r.querySelector(`.dash-${shown}`))))).toEqual(
        card.options.map((o) => (shown === 'students' ? o.students : o.computer)),
      );
      expect(item.querySelector(`.dash-${hidden}`)).toBeNull();
      expect(card.options.every((o) => (hidden === 'students' ? o.students : o.computer) === 0)).toBe(true);
      const tradeoffs = [...item.querySelectorAll('.dash-card-tradeoffs li')].map(text);
      expect(tradeoffs).toEqual(card.tradeoffs.map((t) => t.statement));
      const words = text(item.querySelector('.dash-quote'));
      const first = ARTICLE.article.paragraphs.find((p) => p.id === card.paragraphs[0]);
      expect(words).toBe(squash(card.quote ? `“${card.quote}”` : first!.text));
      expect(item.querySelector('.source-button')?.getAttribute('aria-label')).toBe(
        `Source for “${card.title}”`,
      );
    });
    expect(DASHBOARD.cards.some((c) => c.role === 'putin' && c.options.some((o) => o.computer > 0))).toBe(
      true,
    );
  });

  it('draws every game’s meter on one chart, one line each and the median, with a table of the numbers', () => {
    const { page } = render();
    const chart = () => page.querySelector('.dash-chart')!;
    const games = DASHBOARD.games;
    expect(chart().getAttribute('data-meter')).toBe(DASHBOARD.meters[0]!.id);
    expect(chart().querySelectorAll('path')).toHaveLength(games.length + 1);
    expect(chart().querySelectorAll('path.dash-line')).toHaveLength(games.length);
    expect(chart().querySelectorAll('path.dash-median')).toHaveLength(1);
    expect(chart().querySelector('svg')!.getAttribute('role')).toBe('img');

    const select = page.querySelector<HTMLSelectElement>('.dash-meters select')!;
    expect(page.querySelector(`label[for="${select.id}"]`)).not.toBeNull();
    expect([...select.options].map((o) => o.value)).toEqual(DASHBOARD.meters.map((m) => m.id));
    const meter = DASHBOARD.meters[2]!;
    select.value = meter.id;
    select.dispatchEvent(new Event('change'));
    expect(page.querySelectorAll('.dash-chart')).toHaveLength(1);
    expect(chart().getAttribute('data-meter')).toBe(meter.id);
    expect(chart().querySelectorAll('path.dash-line')).toHaveLength(games.length);

    const table = chart().querySelector('.visually-hidden table')!;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(games.map((g) => g.label));
    const width = Math.max(...games.map((g) => g.timeline.length));
    expect(table.querySelectorAll('thead th')).toHaveLength(width + 2);
    games.forEach((g, i) => {
      const values = [...rows[i]!.querySelectorAll('td')].slice(1).map(text);
      expect(values.slice(0, g.timeline.length)).toEqual(g.timeline.map((t) => String(t[meter.id])));
      expect(values.slice(g.timeline.length).every((v) => v === '–')).toBe(true);
    });
    expect(text(table.querySelector('thead th:nth-child(3)'))).toBe(monthLabel(SUMMIT.scenario.start, 1));
    expect(text(table.querySelector('tfoot th'))).toBe('Class median');
  });

  it('lists the unusual games, each one click from its replay', () => {
    const { page, calls } = render();
    const items = [...page.querySelectorAll('.dash-unusual-game')];
    expect(items).toHaveLength(DASHBOARD.unusual.length);
    DASHBOARD.unusual.forEach((u, i) => {
      expect(text(items[i]!.querySelector('h3'))).toBe(u.label);
      expect(text(items[i]!)).toContain(u.name);
      expect(items[i]!.querySelectorAll('.dash-reasons li')).toHaveLength(u.reasons.length);
      const button = items[i]!.querySelector('button')!;
      expect(text(button)).toBe(`Watch the replay of “${u.label}”`);
      button.click();
      expect(calls.at(-1)).toBe(`watch ${u.game}`);
    });
    // the unfinished game is rare among 11: fewer than one in ten did that
    const open = DASHBOARD.unusual.find((u) => u.game === STUDENTS - 1)!;
    expect(text(items[DASHBOARD.unusual.indexOf(open)]!)).toContain('Handed in before the game ended');
  });

  it('lists every game with a Watch button of its own', () => {
    const { page, calls } = render();
    const rows = [...page.querySelectorAll('.dash-games-table tbody tr')];
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(DASHBOARD.games.map((g) => g.label));
    rows[4]!.querySelector('button')!.click();
    expect(calls).toEqual(['watch 4']);
  });

  it('splits the trade-offs into never met and met, in words', () => {
    const { page } = render();
    const never = [...page.querySelectorAll('.dash-tradeoffs-never .tradeoff-statement')].map(text);
    const met = [...page.querySelectorAll('.dash-tradeoffs-met .tradeoff-statement')].map(text);
    expect(met).toEqual(DASHBOARD.tradeoffs.met.map((t) => t.statement));
    expect(never).toEqual(DASHBOARD.tradeoffs.never.map((t) => t.statement));
    expect(met.length).toBeGreaterThan(0);
  });

  it('shows labels, names and titles with markup as text, and makes no element of them', () => {
    const { page } = render();
    expect(page.querySelector('img, b, script')).toBeNull();
    expect(page.textContent).toContain(XSS);
    expect(text(page.querySelector('.dash-problem-name'))).toBe(`${XSS}.json`);
    expect([...page.querySelectorAll('.dash-games-table th[scope="row"]')].map(text)).toContain(XSS);
    expect(page.innerHTML).not.toContain('<img');
  });

  it('calls each action’s handler', () => {
    const { page, calls } = render();
    const buttons = [...page.querySelectorAll<HTMLButtonElement>('.dash-actions button')];
    expect(buttons.map(text)).toEqual([
      'Download the table (CSV)',
      'Download the choices (CSV)',
      'Print',
      'Load more results',
      'Back to the title',
    ]);
    for (const b of buttons) b.click();
    expect(calls).toEqual(['csv', 'choices', 'print', 'more', 'back']);
  });
});

// ---------------------------------------------------------------------------------------------

interface Loaded {
  panel: HTMLElement;
  zone: HTMLElement;
  batches: ResultSource[][];
  problems: string[];
}

function loader(): Loaded {
  const zone = document.createElement('div');
  const batches: ResultSource[][] = [];
  const problems: string[] = [];
  const panel = renderResultsLoader(
    { onInputs: (inputs) => batches.push(inputs), onProblem: (message) => problems.push(message) },
    zone,
  );
  zone.append(panel);
  document.body.append(zone);
  return { panel, zone, batches, problems };
}

function file(name: string, body: string, extra: { size?: number; path?: string } = {}): File {
  const f = new File([body], name.split('/').at(-1)!, { type: 'application/json' });
  if (extra.size !== undefined) Object.defineProperty(f, 'size', { value: extra.size });
  if (extra.path !== undefined) Object.defineProperty(f, 'webkitRelativePath', { value: extra.path });
  return f;
}

function pick(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the results loader', () => {
  it('has a labelled file picker for many files, a folder picker and a labelled paste box', () => {
    const { panel } = loader();
    const inputs = [...panel.querySelectorAll<HTMLInputElement>('input[type="file"]')];
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(input.multiple).toBe(true);
      expect(panel.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    }
    expect(inputs[0]!.accept).toContain('.json');
    expect(inputs[1]!.hasAttribute('webkitdirectory')).toBe(true);
    const textarea = panel.querySelector('textarea')!;
    expect(text(panel.querySelector(`label[for="${textarea.id}"]`))).toBe('Or paste result codes');
    expect(text(panel.querySelector('button'))).toBe('Read the codes');
  });

  it('reads many picked files in one batch, and refuses a file too large before reading it', async () => {
    const { panel, batches, problems } = loader();
    const big = file('huge.json', '{}', { size: MAX_INPUT_BYTES + 1 });
    const read = vi.spyOn(big, 'text');
    pick(panel.querySelector('input[type="file"]')!, [
      file('student-1.json', HANDED_IN[0]!.text),
      big,
      file(`${XSS}.json`, 'x'),
    ]);
    await settle();
    expect(read).not.toHaveBeenCalled();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"huge.json"');
    expect(problems[0]).toContain('too large');
    expect(batches).toEqual([
      [
        { name: 'student-1.json', text: HANDED_IN[0]!.text },
        { name: `${XSS}.json`, text: 'x' },
      ],
    ]);
  });

  it('reads at most 500 files in a batch, and says how many were left', async () => {
    const { panel, batches, problems } = loader();
    const files = Array.from({ length: 503 }, (_, i) => file(`s${i + 1}.json`, '{}'));
    pick(panel.querySelector('input[type="file"]')!, files);
    await settle();
    expect(batches.map((b) => b.length)).toEqual([500]);
    expect(problems).toEqual([
      'Only 500 files are read at once: 3 more files, from "s501.json" on, were not read. Load them as another batch.',
    ]);
  });

  it('reads a folder’s result files by their path, leaving out the others', async () => {
    const { panel, batches } = loader();
    pick(panel.querySelectorAll<HTMLInputElement>('input[type="file"]')[1]!, [
      file('a.json', '{"a":1}', { path: 'class 10B/a.json' }),
      file('codes.txt', 'SFO1-x', { path: 'class 10B/codes.txt' }),
      file('.DS_Store', '?', { path: 'class 10B/.DS_Store' }),
      file('marks.xlsx', '?', { path: 'class 10B/marks.xlsx' }),
    ]);
    await settle();
    expect(batches).toEqual([
      [
        { name: 'class 10B/a.json', text: '{"a":1}' },
        { name: 'class 10B/codes.txt', text: 'SFO1-x' },
      ],
    ]);
    expect(text(panel.querySelector('[role="status"]'))).toContain('2 other files were left out');
  });

  it('reads files dropped anywhere on the drop zone', async () => {
    const { zone, batches } = loader();
    const files = [file('one.json', '{"n":1}'), file('two.json', '{"n":2}')];
    const over = new Event('dragover', { cancelable: true });
    Object.defineProperty(over, 'dataTransfer', { value: { types: ['Files'] } });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList.contains('dropping')).toBe(true);
    const drop = new Event('drop', { cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files, items: [] } });
    zone.dispatchEvent(drop);
    await settle();
    expect(zone.classList.contains('dropping')).toBe(false);
    expect(batches).toEqual([
      [
        { name: 'one.json', text: '{"n":1}' },
        { name: 'two.json', text: '{"n":2}' },
      ],
    ]);
  });

  it('passes pasted codes as one input that parseResults splits, each paste named apart', () => {
    const { panel, batches, problems } = loader();
    const textarea = panel.querySelector('textarea')!;
    const button = panel.querySelector('button')!;
    button.click();
    expect(problems).toHaveLength(1);
    expect(batches).toEqual([]);
    textarea.value = `${HANDED_IN[1]!.text}\n${HANDED_IN[3]!.text}`;
    button.click();
    textarea.value = HANDED_IN[5]!.text;
    button.click();
    expect(textarea.value).toBe('');
    expect(batches).toHaveLength(2);
    const [first, second] = [batches[0]![0]!, batches[1]![0]!];
    expect(first.name).toMatch(/^Pasted text \d+$/);
    expect(second.name).not.toBe(first.name);
    const parsed = parseResults([first, second], LIBRARY);
    expect(parsed.errors).toEqual([]);
    expect(parsed.results.map((r) => r.name)).toEqual([
      `${first.name}, code 1`,
      `${first.name}, code 2`,
      second.name,
    ]);
  });
});
