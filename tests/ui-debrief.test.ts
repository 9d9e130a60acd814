// @vitest-environment happy-dom
// The debrief, the source dialog, the charts and the help overlay, as a player meets them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyAction,
  compileRules,
  greedyPolicy,
  holds,
  monthLabel,
  newGame,
  type GameState,
  type Role,
  type Rules,
} from '../src/engine/index.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { meterChart } from '../src/ui/charts.ts';
import { openHelp } from '../src/ui/help.ts';
import { openModal } from '../src/ui/modal.ts';
import { renderDebrief, tradeoffsExplored } from '../src/ui/screens/debrief.ts';
import { openSource } from '../src/ui/source.ts';
import { fixtureScenario } from './helpers/load.ts';

// The browser gets the article from a build-time module; here it comes from the files on disk.
vi.mock('../src/bridge/content.ts', async () => {
  const { loadLibrary } = await import('../src/scenario/node.ts');
  const library = loadLibrary();
  return {
    content: {
      article: library.article,
      tradeoffs: library.tradeoffs,
      scenarios: [],
      paragraph: (id: string) => library.article.paragraphs.find((p) => p.id === id),
      tradeoff: (id: string) => library.tradeoffs.find((t) => t.id === id),
    },
  };
});
const { content } = await import('../src/bridge/content.ts');

function playOut(rules: Rules, seed: number): GameState {
  const policies = { kim: greedyPolicy(seed), putin: greedyPolicy(seed + 1) };
  let state = newGame(rules, seed);
  while (state.phase === 'playing' && state.active) {
    const action = policies[state.active].choose(rules, state)!;
    const result = applyAction(rules, state, action);
    if (!result.ok) throw new Error(result.message);
    state = result.state;
  }
  return state;
}

interface Rendered {
  page: HTMLElement;
  rules: Rules;
  state: GameState;
  calls: string[];
}

function render(scenario: Scenario = fixtureScenario(), seed = 1, humanRoles: Role[] = ['kim']): Rendered {
  const rules = compileRules(scenario);
  const state = playOut(rules, seed);
  const calls: string[] = [];
  const page = renderDebrief({
    rules,
    state,
    humanRoles,
    monthLabel: (turn) => monthLabel(scenario.start, turn),
    onPlayAgain: () => calls.push('again'),
    onSwapRole: () => calls.push('swap'),
    onTitle: () => calls.push('title'),
    onWatch: () => calls.push('watch'),
    onDownload: () => calls.push('download'),
    onShare: () => calls.push('share'),
  });
  document.body.append(page);
  return { page, rules, state, calls };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const text = (el: Element | null): string => squash(el?.textContent ?? '');
const openDialog = (): HTMLDialogElement | null => document.querySelector('dialog');

afterEach(() => {
  document.body.replaceChildren();
});

describe('the debrief', () => {
  it('shows the ending, its epilogue and each side’s result', () => {
    const { page, rules, state } = render();
    expect(state.phase).toBe('over');
    const ending = rules.endings.get(state.ending!.id)!;
    const h1 = page.querySelectorAll('h1');
    expect(h1).toHaveLength(1);
    expect(text(h1[0]!)).toBe(ending.title);
    expect(text(page.querySelector('.debrief-epilogue'))).toBe(ending.epilogue);
    const results = [...page.querySelectorAll('.result')].map(text);
    expect(results).toHaveLength(2);
    expect(results[0]).toContain('Kim Jong Un (you)');
    expect(results[0]).toContain({ win: 'Win', draw: 'Draw', loss: 'Loss' }[state.ending!.result.kim]);
    expect(results[1]).toContain('Vladimir Putin');
    expect(results[1]).not.toContain('(you)');
  });

  it('has one h1 and then h2 sections in the promised order', () => {
    const { page } = render();
    const headings = [...page.querySelectorAll('h1, h2')].map((el) => `${el.tagName}:${text(el)}`);
    expect(headings[0]!.startsWith('H1:')).toBe(true);
    expect(headings.slice(1)).toEqual([
      'H2:Objectives and final score',
      'H2:The meters, month by month',
      'H2:Timeline of choices',
      'H2:The article’s trade-offs',
      'H2:Questions for discussion',
      'H2:What next',
    ]);
  });

  it('marks every objective met or missed, as the engine judges it, with the final score', () => {
    const { page, rules, state } = render();
    for (const role of ['kim', 'putin'] as const) {
      const panel = page.querySelector(`.objectives.role-${role}`)!;
      expect(text(panel.querySelector('.score-number'))).toBe(String(state.score[role]));
      const items = [...panel.querySelectorAll('.objective')];
      expect(items).toHaveLength(rules.objectives[role].length);
      rules.objectives[role].forEach((o, i) => {
        expect(text(items[i]!)).toContain(o.text);
        expect(text(items[i]!)).toContain(holds(rules, state, o.when) ? 'Met' : 'Missed');
      });
    }
  });

  it('draws one chart per meter, grouped by owner, with a table of the same numbers', () => {
    const { page, rules, state } = render();
    const charts = [...page.querySelectorAll('.meter-chart')];
    expect(charts).toHaveLength(rules.meterIds.length);
    expect(charts.map((c) => text(c.querySelector('figcaption')))).toEqual(
      rules.meterIds.map((id) => rules.meters.get(id)!.label),
    );
    expect([...page.querySelectorAll('.meter-group h3')].map(text)).toEqual([
      'North Korea',
      'Russia',
      'Shared',
    ]);
    const munitions = charts[0]!;
    expect(munitions.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toContain('Munitions');
    const cells = [...munitions.querySelectorAll('tbody td')].map(text);
    expect(cells).toEqual(state.timeline.map((t) => String(t['dprk.munitions'])));
    // The danger zone of a meter with a low threshold is shaded.
    expect(munitions.querySelectorAll('.chart-danger')).toHaveLength(1);
  });

  it('lists every entry of the chronicle in the timeline, with what was chosen and its source', () => {
    const { page, rules, state } = render();
    const entries = [...page.querySelectorAll('.timeline-entry')];
    expect(entries).toHaveLength(state.chronicle.length);
    const choices = state.chronicle.filter((e) => e.kind === 'choice' || e.kind === 'answer');
    expect(choices.length).toBeGreaterThan(0);
    state.chronicle.forEach((entry, i) => {
      const shown = text(entries[i]!);
      expect(shown).toContain(entry.title);
      const option = entry.option ? rules.options.get(`${entry.id}/${entry.option}`)!.label : '';
      expect(shown).toContain(option);
      for (const [id, delta] of Object.entries(entry.changes)) {
        expect(shown).toContain(`${rules.meters.get(id)!.label} ${delta > 0 ? '+' : '−'}${Math.abs(delta)}`);
      }
      expect(entries[i]!.querySelector('button.source-button')).not.toBeNull();
    });
    // Month headings, in order.
    const months = [...new Set(state.chronicle.map((e) => e.turn))].map((t) =>
      monthLabel(rules.scenario.start, t),
    );
    expect([...page.querySelectorAll('.timeline-month > h3')].map(text)).toEqual(months);
  });

  it('opens the cited paragraphs of a chosen card from the timeline', () => {
    const { page, rules, state } = render();
    const index = state.chronicle.findIndex((e) => e.kind === 'choice');
    const card = rules.cards.get(state.chronicle[index]!.id)!;
    const entry = page.querySelectorAll('.timeline-entry')[index]!;
    const button = entry.querySelector('button')!;
    button.focus();
    button.click();
    const dialog = openDialog()!;
    expect(dialog).not.toBeNull();
    expect(text(dialog.querySelector('h2'))).toBe(`Source: ${card.title}`);
    const shown = [...dialog.querySelectorAll('.source-paragraph-text')].map(text);
    expect(shown).toEqual(card.paragraphs.map((id) => squash(content.paragraph(id)!.text)));
    dialog.querySelector<HTMLButtonElement>('.modal-close')!.click();
    expect(openDialog()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('splits the catalogue into trade-offs played and never touched, with none in both', () => {
    const { page, rules, state } = render();
    const statements = (selector: string) =>
      [...page.querySelectorAll(`${selector} .tradeoff-statement`)].map((el) => el.textContent ?? '');
    const played = statements('.tradeoffs-played');
    const untouched = statements('.tradeoffs-untouched');
    const catalogue = content.tradeoffs.map((t) => t.statement);
    expect(played.length + untouched.length).toBe(catalogue.length);
    expect(new Set([...played, ...untouched])).toEqual(new Set(catalogue));
    expect(played.filter((s) => untouched.includes(s))).toEqual([]);
    // Played = the trade-offs of the cards that were played.
    const expected = new Set(
      Object.entries(state.played)
        .filter(([, times]) => times > 0)
        .flatMap(([id]) => rules.cards.get(id)!.tradeoffs),
    );
    expect(new Set(content.tradeoffs.filter((t) => played.includes(t.statement)).map((t) => t.id))).toEqual(
      expected,
    );
    const explored = tradeoffsExplored(rules, state, content.tradeoffs).played.map((p) => p.tradeoff.id);
    expect(new Set(explored)).toEqual(expected);
  });

  it('asks the scenario’s discussion questions', () => {
    const { page, rules } = render();
    expect([...page.querySelectorAll('.questions li')].map(text)).toEqual(rules.scenario.questions);
  });

  it('offers play again, the other side, the replay and the title, each reachable by Tab', () => {
    const { page, calls } = render(fixtureScenario(), 1, ['kim']);
    const buttons = [...page.querySelectorAll<HTMLButtonElement>('.debrief-actions button')];
    expect(buttons.map(text)).toEqual([
      'Play again',
      'Play as Vladimir Putin',
      'Watch the replay',
      'Save as a file',
      'Share a link',
      'Back to title',
    ]);
    for (const b of buttons) {
      expect(b.disabled).toBe(false);
      expect(b.getAttribute('tabindex')).toBeNull();
      b.click();
    }
    expect(calls).toEqual(['again', 'swap', 'watch', 'download', 'share', 'title']);
  });

  it('keeps text from data as text: a "<script>" title never becomes markup', () => {
    const scenario = fixtureScenario();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    for (const e of scenario.endings) {
      e.title = `${evil} ${e.title}`.slice(0, 80);
      e.epilogue = `${evil} ${e.epilogue}`;
    }
    for (const c of scenario.cards) c.title = `${evil}`.slice(0, 80);
    scenario.questions = [evil];
    scenario.meters['exposure']!.label = '<b>Exposure</b>';
    const { page } = render(scenario);
    expect(page.querySelector('script, img, b')).toBeNull();
    expect(text(page.querySelector('h1'))).toContain('<script>');
    expect(text(page.querySelector('.questions'))).toBe(evil);
    expect(text(page)).toContain('<b>Exposure</b>');
    page.querySelector<HTMLButtonElement>('.timeline-entry button')!.click();
    const dialog = openDialog()!;
    expect(dialog.querySelector('script, img')).toBeNull();
    expect(text(dialog.querySelector('h2'))).toContain('<script>');
  });
});

describe('the source dialog', () => {
  it('shows the article, the cited paragraphs verbatim and the quote inside a <mark>', () => {
    const quote = 'Pyongyang, for its part, has an excess of both';
    openSource({ title: 'Sell shells', paragraphs: ['p04', 'p09'], quote, tradeoffs: ['shells-for-money'] });
    const dialog = openDialog()!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    expect(text(dialog)).toContain(content.article.title);
    expect(text(dialog)).toContain(content.article.publisher);
    const paragraphs = [...dialog.querySelectorAll('.source-paragraph-text')];
    expect(paragraphs.map((p) => p.textContent)).toEqual([
      content.paragraph('p04')!.text,
      content.paragraph('p09')!.text,
    ]);
    const marks = [...dialog.querySelectorAll('mark')];
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe(quote);
    expect(paragraphs[0]!.contains(marks[0]!)).toBe(true);
    expect(text(dialog.querySelector('.source-paragraph'))).toContain('Paragraph 4');
    expect(text(dialog)).toContain(content.tradeoff('shells-for-money')!.statement);
    expect(text(dialog)).toContain('Faced by Kim Jong Un');
    expect(dialog.querySelector('blockquote')).toBeNull();
  });

  it('names the section a paragraph sits in', () => {
    openSource({ title: 'Price', paragraphs: ['p09'] });
    expect(text(openDialog()!.querySelector('.source-paragraph-where'))).toBe(
      'Paragraph 9 · What is at stake',
    );
  });

  it('shows a quote that spans no cited paragraph above them, as a blockquote', () => {
    openSource({ title: 'Odd', paragraphs: ['p04'], quote: 'words the article never says' });
    const dialog = openDialog()!;
    expect(dialog.querySelector('mark')).toBeNull();
    expect(text(dialog.querySelector('blockquote'))).toContain('words the article never says');
  });

  it('marks every occurrence of the quote', () => {
    const p = content.article.paragraphs.find((x) => (x.text.match(/North Korea/g) ?? []).length >= 2)!;
    openSource({ title: 'Twice', paragraphs: [p.id], quote: 'North Korea' });
    const marks = [...openDialog()!.querySelectorAll('mark')];
    expect(marks.length).toBe((p.text.match(/North Korea/g) ?? []).length);
    expect(text(openDialog()!.querySelector('.source-paragraph-text'))).toBe(squash(p.text));
  });
});

describe('the modal, the help overlay and a chart on their own', () => {
  it('labels the dialog by its heading, runs actions and calls onClose once', () => {
    const onClose = vi.fn<() => void>();
    const action = vi.fn<() => void>();
    const modal = openModal({
      title: 'Hello',
      body: document.createTextNode('Body'),
      onClose,
      actions: [{ label: 'Do it', onClick: action, primary: true }],
    });
    const dialog = modal.element;
    expect(dialog.isConnected).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Hello');
    const buttons = [...dialog.querySelectorAll('button')].map(text);
    expect(buttons).toEqual(['Do it', 'Close']);
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    expect(action).toHaveBeenCalledTimes(1);
    modal.close();
    modal.close();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog.isConnected).toBe(false);
  });

  it('lists the keys in the help overlay', () => {
    openHelp([
      { keys: 'Shift+Tab', action: 'Go back' },
      { keys: '1 / 2 / 3', action: 'Choose an option' },
    ]);
    const dialog = openDialog()!;
    expect(text(dialog.querySelector('h2'))).toBe('Keyboard shortcuts');
    const rows = [...dialog.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    expect(rows).toEqual([
      ['Shift+Tab', 'Go back'],
      ['1 or 2 or 3', 'Choose an option'],
    ]);
    expect([...dialog.querySelectorAll('kbd')].map(text)).toEqual(['Shift', 'Tab', '1', '2', '3']);
  });

  it('shades danger zones at both ends and describes the line in words', () => {
    const chart = meterChart({
      title: 'Exposure',
      series: [{ label: 'Exposure', values: [10, 40, 90], color: 'var(--accent)' }],
      min: 0,
      max: 100,
      danger: { low: 5, high: 80 },
      xLabels: ['September 2023', 'October 2023', 'End of game'],
    });
    expect(chart.querySelectorAll('.chart-danger')).toHaveLength(2);
    const label = chart.querySelector('svg')!.getAttribute('aria-label')!;
    expect(label).toContain('from 10 (September 2023) to 90 (End of game)');
    expect(label).toContain('Danger at or below 5 and at or above 80');
    expect(chart.querySelector('svg title')!.textContent).toBe('Exposure');
    expect([...chart.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text))).toEqual([
      ['September 2023', '10'],
      ['October 2023', '40'],
      ['End of game', '90'],
    ]);
  });
});
