// @vitest-environment happy-dom
// The teacher's class session screens, as a teacher meets them: the form that prepares a session,
// the screen that shares it, and the printable handout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkSession,
  encodeSessionCode,
  parseSessionCode,
  ROLE_PLANS,
  sessionLink,
  type ClassSession,
  type RolePlan,
} from '../src/classroom/index.ts';
import { scenarioCover } from '../src/scenario/cover.ts';
import { loadLibrary, loadShippedScenario, shippedScenarioFiles } from '../src/scenario/node.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { renderClassSetup, type ClassSetupContext } from '../src/ui/screens/classSetup.ts';
import { renderSessionReady } from '../src/ui/screens/sessionReady.ts';
import { renderHandout } from '../src/ui/screens/handout.ts';

// The browser gets the article from a build-time module; here it comes from the files on disk.
vi.mock('../src/bridge/content.ts', async () => ({
  content: { article: (await import('../src/scenario/node.ts')).loadLibrary().article },
}));

const ARTICLE = loadLibrary().article;
const paragraph = (id: string) => ARTICLE.paragraphs.find((p) => p.id === id);
const KNOWN = shippedScenarioFiles().map((file) =>
  loadShippedScenario(file.split('/').at(-1)!.replace('.scenario.yaml', '')),
);
const LIBRARY = { scenarios: KNOWN.map((k) => ({ cover: scenarioCover(k.scenario), hash: k.hash })) };
const COVERS = LIBRARY.scenarios.map((s) => s.cover);
const HASHES = Object.fromEntries(LIBRARY.scenarios.map((s) => [s.cover.id, s.hash]));
const SUMMIT = KNOWN.find((k) => k.scenario.id === 'vostochny-summit')!;
const VETO = KNOWN.find((k) => k.scenario.id === 'the-veto')!;
const SCRIPT_TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const text = (el: Element | null): string => squash(el?.textContent ?? '');

afterEach(() => {
  document.body.replaceChildren();
});

interface Setup {
  page: HTMLElement;
  form: HTMLFormElement;
  created: ClassSession[];
  backs: number[];
  radio(name: string, value: string): HTMLInputElement;
  seed: HTMLInputElement;
  title: HTMLInputElement;
  timer: HTMLSelectElement;
  alert: HTMLElement;
  submit(): void;
}

function setup(overrides: Partial<ClassSetupContext> = {}): Setup {
  const created: ClassSession[] = [];
  const backs: number[] = [];
  const seeds = [111, 222, 333];
  const page = renderClassSetup({
    scenarios: COVERS,
    hashes: HASHES,
    freshSeed: () => seeds.shift() ?? 999,
    onCreate: (s) => created.push(s),
    onBack: () => backs.push(1),
    ...overrides,
  });
  document.body.append(page);
  const form = page.querySelector('form')!;
  return {
    page,
    form,
    created,
    backs,
    radio: (name, value) => page.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!,
    seed: page.querySelector<HTMLInputElement>('#class-seed')!,
    title: page.querySelector<HTMLInputElement>('#class-title')!,
    timer: page.querySelector<HTMLSelectElement>('#class-timer')!,
    alert: page.querySelector<HTMLElement>('[role=alert]')!,
    submit: () => form.querySelector<HTMLButtonElement>('button[type=submit]')!.click(),
  };
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the class setup form', () => {
  it('has a labelled fieldset for each choice, and every control has a name a reader hears', () => {
    const { page } = setup();
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    const legends = [...page.querySelectorAll('fieldset > legend')].map(text);
    expect(legends).toEqual([
      'Scenario',
      'Who plays what',
      'The computer’s level',
      'Turn timer',
      'The class’s world',
      'Class title',
    ]);
    for (const input of page.querySelectorAll<HTMLInputElement>('input, select')) {
      const labelled = input.closest('label') ?? page.querySelector(`label[for="${input.id}"]`);
      expect(labelled, input.outerHTML).not.toBeNull();
    }
    // one radio per scenario and per plan, each explained
    expect(page.querySelectorAll('input[name="class-scenario"]')).toHaveLength(COVERS.length);
    const plans = [...page.querySelectorAll('input[name="class-roles"]')].map((i) => i.closest('label')!);
    expect(plans).toHaveLength(4);
    for (const label of plans) expect(label.querySelector('.choice-blurb')?.textContent).toBeTruthy();
    expect(text(plans[3]!)).toContain('odd numbers play Kim, even numbers play Putin');
  });

  it('builds the session the teacher chose, which checkSession accepts and a code carries', () => {
    const f = setup();
    expect(f.seed.value).toBe('111');
    f.radio('class-scenario', 'the-veto').click();
    f.radio('class-roles', 'all-putin').click();
    f.radio('class-level', 'hard').click();
    choose(f.timer, '90');
    f.seed.value = '4294967295';
    f.title.value = '  Year 10 history  ';
    f.submit();

    expect(f.alert.textContent).toBe('');
    expect(f.created).toEqual([
      {
        scenarioId: 'the-veto',
        scenarioHash: VETO.hash,
        roles: 'all-putin',
        level: 'hard',
        turnSeconds: 90,
        seed: 4294967295,
        title: 'Year 10 history',
      },
    ]);
    const made = f.created[0]!;
    expect(checkSession(made)).toEqual({ ok: true, session: made });
    const code = encodeSessionCode(made);
    const { title: _title, ...untitled } = made;
    expect(parseSessionCode(code, LIBRARY)).toEqual({ ok: true, session: untitled });
  });

  it('starts from the defaults: the first scenario, half and half, normal, no timer, a fresh world, no title', () => {
    const f = setup();
    f.submit();
    expect(f.created).toEqual([
      {
        scenarioId: COVERS[0]!.id,
        scenarioHash: HASHES[COVERS[0]!.id],
        roles: 'half-and-half',
        level: 'normal',
        turnSeconds: null,
        seed: 111,
      },
    ]);
  });

  it('starts from the initial session given, keeping a timer the list does not offer', () => {
    const initial: ClassSession = {
      scenarioId: SUMMIT.scenario.id,
      scenarioHash: SUMMIT.hash,
      roles: 'all-kim',
      level: 'easy',
      turnSeconds: 600,
      seed: 0,
      title: 'Group B',
    };
    const f = setup({ initial });
    expect(f.timer.value).toBe('600');
    expect(text(f.timer.selectedOptions[0]!)).toBe('10 minutes a move');
    f.submit();
    expect(f.created).toEqual([initial]);
  });

  it('offers timers in words, every one a valid multiple of the step', () => {
    const { timer } = setup();
    const options = [...timer.options].map((o) => [o.value, text(o)]);
    expect(options).toEqual([
      ['', 'No timer'],
      ['30', '30 seconds a move'],
      ['45', '45 seconds a move'],
      ['60', '1 minute a move'],
      ['90', '1 minute 30 seconds a move'],
      ['120', '2 minutes a move'],
      ['180', '3 minutes a move'],
      ['300', '5 minutes a move'],
    ]);
  });

  it('draws a new world with the New world button', () => {
    const f = setup();
    f.page.querySelector<HTMLButtonElement>('.class-new-world')!.click();
    expect(f.seed.value).toBe('222');
    f.submit();
    expect(f.created[0]!.seed).toBe(222);
  });

  it.each(['4294967296', '-1', '1.5', ''])('refuses the world number "%s" with a message', (value) => {
    const f = setup();
    f.seed.value = value;
    f.submit();
    expect(f.created).toEqual([]);
    expect(f.alert.textContent).toBe(
      'This class session cannot be shared: its world number must be a whole number from 0 to 4294967295.',
    );
    expect(f.seed.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(f.seed);
    // fixed, it goes through, and the message goes
    f.seed.value = '7';
    f.submit();
    expect(f.created).toHaveLength(1);
    expect(f.alert.textContent).toBe('');
    expect(f.seed.hasAttribute('aria-invalid')).toBe(false);
  });

  it('refuses a title that is too long, and points at it', () => {
    const f = setup();
    f.title.value = 'x'.repeat(61);
    f.submit();
    expect(f.created).toEqual([]);
    expect(f.alert.textContent).toContain('its title must be at most 60 characters, on one line');
    expect(f.title.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a scenario it has no hash for', () => {
    const f = setup({ hashes: {} });
    f.submit();
    expect(f.created).toEqual([]);
    expect(f.alert.textContent).toContain('its scenario hash must be 16 hexadecimal digits');
  });

  it('turns the level off for pairs, where no computer plays, and back on', () => {
    const f = setup();
    const levels = () => [...f.page.querySelectorAll<HTMLInputElement>('input[name="class-level"]')];
    expect(levels().every((i) => !i.disabled)).toBe(true);
    f.radio('class-roles', 'pairs').click();
    expect(levels()).toHaveLength(3);
    expect(levels().every((i) => i.disabled)).toBe(true);
    expect(f.page.querySelector('fieldset.class-level')!.hasAttribute('disabled')).toBe(true);
    expect(text(f.page.querySelector('.class-level-note'))).toContain('no computer');
    f.submit();
    expect(f.created[0]).toMatchObject({ roles: 'pairs', level: 'normal' });
    expect(checkSession(f.created[0]!).ok).toBe(true);
    f.radio('class-roles', 'all-kim').click();
    expect(levels().every((i) => !i.disabled)).toBe(true);
  });

  it('starts with the level off when the initial plan is pairs', () => {
    const f = setup({ initial: { roles: 'pairs' } });
    expect(f.radio('class-level', 'easy').disabled).toBe(true);
  });

  it('offers only the plans a one-role scenario can hold', () => {
    const kimOnly = { ...COVERS[0]!, id: 'kim-only', roles: ['kim' as const] };
    const f = setup({ scenarios: [kimOnly], hashes: { 'kim-only': '0123456789abcdef' } });
    const enabled = ROLE_PLANS.filter((p) => !f.radio('class-roles', p).disabled);
    expect(enabled).toEqual(['all-kim']);
    expect(f.radio('class-roles', 'all-kim').checked).toBe(true);
    f.submit();
    expect(f.created[0]).toMatchObject({ scenarioId: 'kim-only', roles: 'all-kim' });
  });

  it('keeps a class title with markup as text', () => {
    const f = setup({ initial: { title: SCRIPT_TITLE } });
    expect(f.page.querySelector('script, img')).toBeNull();
    f.submit();
    expect(f.created[0]!.title).toBe(SCRIPT_TITLE);
  });

  it('goes back with Back', () => {
    const f = setup();
    [...f.page.querySelectorAll('button')].find((b) => text(b) === 'Back')!.click();
    expect(f.backs).toEqual([1]);
    expect(f.created).toEqual([]);
  });
});

function session(roles: RolePlan, extra: Partial<ClassSession> = {}): ClassSession {
  return {
    scenarioId: SUMMIT.scenario.id,
    scenarioHash: SUMMIT.hash,
    roles,
    level: 'hard',
    turnSeconds: 45,
    seed: 2023,
    ...extra,
  };
}

/** The session's code and link, and a log of the screen's actions. */
function shared(s: ClassSession) {
  const calls: string[] = [];
  const log = (name: string) => () => void calls.push(name);
  return { calls, log, code: encodeSessionCode(s), link: sessionLink('https://example.org/shells/', s) };
}

function ready(s: ClassSession) {
  const { calls, log, code, link } = shared(s);
  const page = renderSessionReady({
    session: s,
    code,
    link,
    scenarioTitle: SUMMIT.scenario.title,
    onPrintHandout: log('print'),
    onCopyLink: log('copy'),
    onOpenDashboard: log('dashboard'),
    onBack: log('back'),
  });
  document.body.append(page);
  return { page, calls, code, link };
}
function handout(s: ClassSession, scenario: Scenario = SUMMIT.scenario) {
  const { calls, log, code, link } = shared(s);
  const page = renderHandout({
    scenario,
    session: s,
    code,
    link,
    paragraph,
    onPrint: log('print'),
    onBack: log('back'),
  });
  document.body.append(page);
  return { page, calls, code, link };
}
describe('the session ready to share', () => {
  it('shows the code in its groups, spelled for a screen reader, and the link read-only', () => {
    const { page, code, link } = ready(session('half-and-half', { title: 'Year 10' }));
    const groups = [...page.querySelectorAll('.session-code-group')].map(text);
    expect(groups.join('-')).toBe(code);
    expect(groups.every((g) => g.length === 4)).toBe(true);
    expect(text(page.querySelector('.session-code-groups'))).toBe(code);
    expect(page.querySelector('.session-code-groups')!.getAttribute('aria-hidden')).toBe('true');
    expect(text(page.querySelector('.session-code .visually-hidden'))).toBe(
      code
        .split('-')
        .map((g) => [...g].join(' '))
        .join(', '),
    );
    const field = page.querySelector<HTMLInputElement>('#class-link')!;
    expect(field.value).toBe(link);
    expect(field.readOnly).toBe(true);
    expect(page.querySelector('label[for="class-link"]')).not.toBeNull();
  });

  it('says what students do and sums the settings up in words', () => {
    const { page } = ready(session('half-and-half', { title: 'Year 10' }));
    expect(text(page)).toContain('“Join a class”');
    expect(text(page)).toContain('hand in a result');
    const rows = [...page.querySelectorAll('.class-summary dl > div')].map((d) => [
      text(d.querySelector('dt')),
      text(d.querySelector('dd')),
    ]);
    expect(rows).toEqual([
      ['Scenario', SUMMIT.scenario.title],
      ['Class', 'Year 10'],
      [
        'Who plays what',
        'Half and half. Each student plays one side against the computer. By number on the class list: odd numbers play Kim, even numbers play Putin, so the class splits evenly.',
      ],
      ['The computer', 'Hard level'],
      ['Turn timer', '45 seconds a move'],
      ['World', '2023'],
    ]);
  });

  it('says there is no computer in pairs, and no timer when there is none', () => {
    const { page } = ready(session('pairs', { turnSeconds: null }));
    const rows = Object.fromEntries(
      [...page.querySelectorAll('.class-summary dl > div')].map((d) => [
        text(d.querySelector('dt')),
        text(d.querySelector('dd')),
      ]),
    );
    expect(rows['The computer']).toBe('None: the students play both sides.');
    expect(rows['Turn timer']).toBe('None');
    expect(rows).not.toHaveProperty('Class');
  });

  it('calls each button’s action', () => {
    const { page, calls } = ready(session('all-kim'));
    const button = (label: string) => [...page.querySelectorAll('button')].find((b) => text(b) === label)!;
    button('Copy').click();
    button('Print the handout').click();
    button('Open the class’s results').click();
    button('Back to the title').click();
    expect(calls).toEqual(['copy', 'print', 'dashboard', 'back']);
  });

  it('shows a class title with markup as text', () => {
    const { page } = ready(session('all-kim', { title: SCRIPT_TITLE }));
    expect(page.querySelector('script, img')).toBeNull();
    expect(text(page)).toContain(SCRIPT_TITLE);
  });
});

describe('the handout', () => {
  it('has the titles, how to join, the situation, the roles, the rules and the questions, in order', () => {
    const { page, code, link } = handout(session('half-and-half', { title: 'Year 10 history' }));
    expect(text(page.querySelector('h1'))).toBe(SUMMIT.scenario.title);
    expect(text(page.querySelector('.handout-class'))).toBe('Year 10 history');
    expect([...page.querySelectorAll('h2')].map(text)).toEqual([
      'How to join',
      'The situation',
      'The roles',
      'The rules in brief',
      'Questions for discussion',
    ]);
    const join = page.querySelector('.handout-join')!;
    expect(text(join.querySelector('.session-code-groups'))).toBe(code);
    expect(text(join)).toContain(link);
    expect(text(join)).toContain('Join a class');
    const rules = page.querySelectorAll('.handout-rules li');
    expect(rules.length).toBeGreaterThanOrEqual(5);
    expect(rules.length).toBeLessThanOrEqual(7);
  });

  it('quotes the briefing and every paragraph it cites, with the quote marked', () => {
    const { page } = handout(session('all-kim'));
    const { briefing } = SUMMIT.scenario;
    expect(text(page.querySelector('.handout-briefing'))).toBe(squash(briefing.text));
    const cited = [...page.querySelectorAll<HTMLElement>('.handout-paragraph')];
    expect(cited.map((li) => li.dataset.paragraph)).toEqual(briefing.paragraphs);
    for (const [i, id] of briefing.paragraphs.entries()) {
      expect(text(cited[i]!.querySelector('.handout-paragraph-text'))).toBe(squash(paragraph(id)!.text));
    }
    const marks = [...page.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === briefing.quote)).toBe(true);
  });

  it('shows the quote apart when no cited paragraph holds it', () => {
    const scenario = structuredClone(SUMMIT.scenario);
    scenario.briefing.quote = 'Words the article never says';
    const { page } = handout(session('all-kim'), scenario);
    expect(page.querySelector('mark')).toBeNull();
    expect(text(page.querySelector('.handout-quote'))).toBe('“Words the article never says”');
  });

  it('lists the questions and ends with the article’s source line', () => {
    const { page } = handout(session('all-kim'));
    expect([...page.querySelectorAll('.handout-questions li')].map(text)).toEqual(
      SUMMIT.scenario.questions.map(squash),
    );
    const footer = text(page.querySelector('.handout-footer'));
    expect(footer).toContain(ARTICLE.title);
    expect(footer).toContain(ARTICLE.publisher);
  });

  const expected: Record<RolePlan, { kim: string; putin: string; played: [string, string] }> = {
    'all-kim': {
      kim: 'Every student.',
      putin: 'The computer (Hard level).',
      played: ['students', 'computer'],
    },
    'all-putin': {
      kim: 'The computer (Hard level).',
      putin: 'Every student.',
      played: ['computer', 'students'],
    },
    pairs: {
      kim: 'One student of each pair.',
      putin: 'The other student of the pair.',
      played: ['students', 'students'],
    },
    'half-and-half': {
      kim: 'odd number on the class list',
      putin: 'even number on the class list',
      played: ['students', 'students'],
    },
  };

  it.each(ROLE_PLANS)('says who plays each role under "%s", and what each side is after', (plan) => {
    const { page } = handout(session(plan));
    const roles = page.querySelector('.handout-roles')!;
    const blocks = [...roles.querySelectorAll<HTMLElement>('.handout-role')];
    expect(blocks.map((b) => b.dataset.role)).toEqual(['kim', 'putin']);
    expect(blocks.map((b) => b.dataset.playedBy)).toEqual(expected[plan].played);
    expect(text(blocks[0]!.querySelector('.handout-played-by'))).toContain(expected[plan].kim);
    expect(text(blocks[1]!.querySelector('.handout-played-by'))).toContain(expected[plan].putin);
    expect(text(blocks[0]!.querySelector('h3'))).toContain('Kim Jong Un');
    for (const [i, role] of (['kim', 'putin'] as const).entries()) {
      const aims = [...blocks[i]!.querySelectorAll('li')].map(text);
      expect(aims).toEqual(
        SUMMIT.scenario.objectives.filter((o) => o.role === role).map((o) => squash(o.text)),
      );
    }
    expect(text(roles)).toContain(
      {
        'all-kim': 'Everyone plays Kim',
        'all-putin': 'Everyone plays Vladimir',
        pairs: 'Pairs',
        'half-and-half': 'Half and half',
      }[plan],
    );
    expect(text(roles).includes('joins with a name')).toBe(plan === 'half-and-half');
  });

  it('keeps a class title with markup as text', () => {
    const { page } = handout(session('all-kim', { title: SCRIPT_TITLE }));
    expect(page.querySelector('script, img')).toBeNull();
    expect(text(page.querySelector('.handout-class'))).toBe(SCRIPT_TITLE);
  });

  it('has Print and Back, outside the sheet that prints', () => {
    const { page, calls } = handout(session('all-kim'));
    const actions = page.querySelector('.handout-actions')!;
    expect(page.querySelector('.handout-sheet')!.contains(actions)).toBe(false);
    const buttons = [...actions.querySelectorAll('button')];
    expect(buttons.map(text)).toEqual(['Print', 'Back']);
    for (const b of buttons) b.click();
    expect(calls).toEqual(['print', 'back']);
    expect(page.querySelector('.handout-sheet button')).toBeNull();
  });
});
