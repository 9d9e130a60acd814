// The title screen: scenario, role, mode and settings, then Start.
import { LEVELS, LEVEL_NAMES, type Level } from '../../ai/settings.ts';
import type { Role } from '../../engine/index.ts';
import type { ScenarioCover } from '../../scenario/cover.ts';
import { h } from '../dom.ts';
import { settings, updateSettings, type SwitchSetting } from '../settings.ts';
import { soundControls } from '../soundControls.ts';
import { portrait } from '../portraits.ts';

export type Mode = 'vs-computer' | 'hotseat' | 'watch';

export interface TitleChoice {
  scenarioId: string;
  role: Role;
  mode: Mode;
  seed: number;
  /** The computer's level, for every role it plays. */
  level: Level;
  /** The computer's personality per role it plays (a personality id of the scenario). */
  personalities: Partial<Record<Role, string>>;
}

const LEVEL_BLURB: Record<Level, string> = {
  easy: 'Follows its side’s priorities, with some slips.',
  normal: 'Weighs what each move leads to and how you are likely to answer.',
  hard: 'Plays every choice out to the end of the game many times before it moves.',
};

export interface TitleContext {
  scenarios: ScenarioCover[];
  initial: Partial<TitleChoice>;
  /** A new random world number (the page draws it; the engine never does). */
  freshSeed: () => number;
  /** Starts the game; resolves with a message for the player if it could not. */
  onStart: (choice: TitleChoice) => Promise<string | null>;
}

const ROLE_TEXT: Record<Role, { name: string; state: string; blurb: string }> = {
  kim: {
    name: 'Kim Jong Un',
    state: 'North Korea',
    blurb: 'Shells to sell, sanctions to escape, a weapons programme to feed.',
  },
  putin: {
    name: 'Vladimir Putin',
    state: 'Russia',
    blurb: 'A front short of shells, a veto at the UN, secrets to keep.',
  },
};

function radio(name: string, value: string, checked: boolean, label: Node[], disabled = false): HTMLElement {
  const id = `${name}-${value}`;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type: 'radio', name, value, id, checked, disabled }),
    h('label', { for: id }, ...label),
  );
}

function checkbox(key: SwitchSetting, label: string): HTMLElement {
  const id = `setting-${key}`;
  const input = h('input', { type: 'checkbox', id, checked: settings()[key] });
  input.addEventListener('change', () => updateSettings({ [key]: input.checked }));
  return h('div', { class: 'choice' }, input, h('label', { for: id }, label));
}

function radioValue(form: HTMLFormElement, name: string): string {
  return (form.elements.namedItem(name) as RadioNodeList).value;
}

export function renderTitle(ctx: TitleContext): HTMLElement {
  const first = ctx.scenarios[0];
  const chosenScenario = ctx.initial.scenarioId ?? first?.id ?? '';
  const form = h('form', { class: 'title-form', id: 'title-form', novalidate: true });

  const scenarioList = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Scenario'),
    ...ctx.scenarios.map((s) =>
      radio('scenario', s.id, s.id === chosenScenario, [
        h('strong', {}, s.title),
        h(
          'span',
          { class: 'muted small' },
          ` · ${s.turns} months · ${s.roles.length === 2 ? 'both roles' : s.roles.join('')}`,
        ),
        h('span', { class: 'choice-blurb' }, s.summary),
      ]),
    ),
  );

  const roleList = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Play as'),
    ...(['kim', 'putin'] as const).map((r) =>
      radio('role', r, (ctx.initial.role ?? 'kim') === r, [
        h('strong', { class: `role-name role-${r}` }, ROLE_TEXT[r].name),
        h('span', { class: 'muted small' }, ` · ${ROLE_TEXT[r].state}`),
        h('span', { class: 'choice-blurb' }, ROLE_TEXT[r].blurb),
      ]),
    ),
  );

  const modeList = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Mode'),
    radio('mode', 'vs-computer', (ctx.initial.mode ?? 'vs-computer') === 'vs-computer', [
      h('strong', {}, 'Against the computer'),
      h('span', { class: 'choice-blurb' }, 'You play your side; the computer plays the other.'),
    ]),
    radio('mode', 'hotseat', ctx.initial.mode === 'hotseat', [
      h('strong', {}, 'Two players, one device'),
      h('span', { class: 'choice-blurb' }, 'One plays Kim, one plays Putin; pass the device when asked.'),
    ]),
    radio('mode', 'watch', ctx.initial.mode === 'watch', [
      h('strong', {}, 'Watch the computer play'),
      h('span', { class: 'choice-blurb' }, 'Both sides played by the computer, month by month.'),
    ]),
  );

  const levelList = h(
    'div',
    { class: 'level-list', role: 'radiogroup', 'aria-labelledby': 'level-heading' },
    ...LEVELS.map((level) =>
      radio('level', level, (ctx.initial.level ?? 'normal') === level, [h('strong', {}, LEVEL_NAMES[level])]),
    ),
  );
  const levelBlurb = h('p', { class: 'choice-blurb level-blurb', 'aria-live': 'polite' });
  const personalityHost = h('div', { class: 'personality-list' });
  const opponentNote = h('p', { class: 'muted small opponent-note' });
  const opponentBox = h(
    'fieldset',
    { class: 'card-panel opponent-panel' },
    h('legend', {}, 'Computer opponent'),
    opponentNote,
    h('h3', { class: 'sub-legend', id: 'level-heading' }, 'Level'),
    levelList,
    levelBlurb,
    personalityHost,
  );

  const seedInput = h('input', {
    type: 'number',
    id: 'seed',
    min: 0,
    max: 4294967295,
    step: 1,
    value: ctx.initial.seed ?? ctx.freshSeed(),
    inputmode: 'numeric',
  });
  const seedError = h('p', { class: 'field-error', id: 'seed-error', role: 'alert' });
  const world = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'World'),
    h(
      'p',
      { class: 'muted small' },
      'Every game with the same world number deals the same cards and the same luck. Share it to play the same world.',
    ),
    h(
      'div',
      { class: 'seed-row' },
      h('label', { for: 'seed' }, 'World number'),
      seedInput,
      h(
        'button',
        { type: 'button', onclick: () => (seedInput.value = String(ctx.freshSeed())) },
        'New world',
      ),
    ),
    seedError,
  );

  const settingsBox = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Settings'),
    checkbox('reducedMotion', 'Reduce motion'),
    checkbox('largeText', 'Larger text'),
    checkbox('colorBlind', 'Colour-blind-safe colours'),
    ...soundControls(),
  );

  const start = h('button', { type: 'submit', class: 'primary start' }, 'Start');
  const startError = h('p', { class: 'field-error start-error', role: 'alert' });
  form.append(
    h(
      'div',
      { class: 'title-columns' },
      h('div', {}, scenarioList, world, opponentBox),
      h('div', {}, roleList, modeList, settingsBox),
    ),
    h(
      'div',
      { class: 'title-actions' },
      start,
      h('span', { class: 'muted small' }, 'Press ? at any time for the keys.'),
      startError,
    ),
  );

  const syncRoles = () => {
    const id = (form.elements.namedItem('scenario') as RadioNodeList | null)?.value ?? chosenScenario;
    const scenario = ctx.scenarios.find((s) => s.id === id);
    const bothPlayed = (form.elements.namedItem('mode') as RadioNodeList | null)?.value === 'hotseat';
    for (const r of ['kim', 'putin'] as const) {
      const input = form.querySelector<HTMLInputElement>(`#role-${r}`)!;
      // with two players on one device both roles are played: the choice does not apply
      input.disabled = !scenario?.roles.includes(r) || bothPlayed;
      if (input.disabled && input.checked && !bothPlayed)
        form.querySelector<HTMLInputElement>(`#role-${r === 'kim' ? 'putin' : 'kim'}`)!.checked = true;
    }
  };
  /** The personalities to pick from: those of each role the computer will play. */
  const syncOpponent = () => {
    const id = (form.elements.namedItem('scenario') as RadioNodeList | null)?.value ?? chosenScenario;
    const scenario = ctx.scenarios.find((s) => s.id === id);
    const mode = (form.elements.namedItem('mode') as RadioNodeList | null)?.value as Mode | undefined;
    const role = (form.elements.namedItem('role') as RadioNodeList | null)?.value as Role | undefined;
    const computerRoles: Role[] =
      mode === 'hotseat'
        ? []
        : mode === 'watch'
          ? [...(scenario?.roles ?? [])]
          : (['kim', 'putin'] as const).filter((r) => r !== role);
    const picked = (r: Role) =>
      (form.elements.namedItem(`personality-${r}`) as RadioNodeList | null)?.value ||
      ctx.initial.personalities?.[r];
    const groups = computerRoles.map((r) =>
      personalityGroup(r, scenario?.personalities.filter((p) => p.role === r) ?? [], picked(r)),
    );
    personalityHost.replaceChildren(...groups);
    for (const input of levelList.querySelectorAll('input')) input.disabled = computerRoles.length === 0;
    levelBlurb.textContent =
      computerRoles.length === 0 ? '' : LEVEL_BLURB[radioValue(form, 'level') as Level];
    opponentNote.textContent =
      computerRoles.length === 0
        ? 'Two people play each other: no computer in this game.'
        : mode === 'watch'
          ? 'The computer plays both sides.'
          : `The computer plays ${ROLE_TEXT[computerRoles[0]!].name}.`;
  };
  form.addEventListener('change', (event) => {
    syncRoles();
    // rebuilding the personality list on its own change would move the focus away from it
    if (!(event.target instanceof HTMLInputElement) || !event.target.name.startsWith('personality-'))
      syncOpponent();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const seed = Number(seedInput.value);
    if (seedInput.value.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > 4294967295) {
      seedError.textContent = 'The world number is a whole number from 0 to 4294967295.';
      seedInput.setAttribute('aria-invalid', 'true');
      seedInput.setAttribute('aria-describedby', 'seed-error');
      seedInput.focus();
      return;
    }
    const choice: TitleChoice = {
      scenarioId: radioValue(form, 'scenario'),
      role: radioValue(form, 'role') as Role,
      mode: radioValue(form, 'mode') as Mode,
      seed,
      level: radioValue(form, 'level') as Level,
      personalities: Object.fromEntries(
        (['kim', 'putin'] as const)
          .map((r) => [r, (form.elements.namedItem(`personality-${r}`) as RadioNodeList | null)?.value])
          .filter(([, v]) => typeof v === 'string' && v !== ''),
      ),
    };
    // the scenario itself is fetched now: the Start buttons wait, and say why if it fails
    const buttons = page.querySelectorAll<HTMLButtonElement>('button[type=submit]');
    for (const b of buttons) {
      b.disabled = true;
      b.textContent = 'Loading…';
    }
    startError.textContent = '';
    void ctx.onStart(choice).then((problem) => {
      if (problem === null) return;
      for (const b of buttons) {
        b.disabled = false;
        b.textContent = 'Start';
      }
      startError.textContent = problem;
    });
  });

  const page = h(
    'div',
    { class: 'page title-page' },
    h(
      'main',
      { class: 'page-inner' },
      h(
        'header',
        { class: 'title-header title-hero' },
        portrait('kim', { className: 'hero-face hero-kim' }),
        h(
          'div',
          { class: 'hero-text' },
          h('p', { class: 'hero-kicker' }, 'Pyongyang · Moscow · 2023'),
          h('h1', {}, 'Shells for Oil'),
          h(
            'p',
            { class: 'lede' },
            'A strategy simulation of the 2023 arms deal between North Korea and Russia, built from one BBC article. Every choice is a trade-off the article describes — and cites it.',
          ),
          h('button', { type: 'submit', form: 'title-form', class: 'primary start-top' }, 'Start'),
          h('p', { class: 'hero-note' }, 'Pick a scenario, a side and a mode below, or start at once.'),
        ),
        portrait('putin', { className: 'hero-face hero-putin' }),
      ),
      // saved games and the replay opener go here (TitleScene fills it); problems are said here
      h('p', { class: 'field-error title-problem', role: 'alert' }),
      h('div', { class: 'title-extras' }),
      form,
    ),
  );
  queueMicrotask(() => {
    syncRoles();
    syncOpponent();
  });
  return page;
}

/** The personalities the computer can play `role` with; the first is the scenario's default. */
function personalityGroup(
  role: Role,
  personalities: ScenarioCover['personalities'],
  picked: string | undefined,
): HTMLElement {
  const chosen = personalities.some((p) => p.id === picked) ? picked : personalities[0]?.id;
  const headingId = `personality-${role}-heading`;
  return h(
    'div',
    { class: 'personality-group', role: 'radiogroup', 'aria-labelledby': headingId },
    h('h3', { class: 'sub-legend', id: headingId }, `${ROLE_TEXT[role].name}’s character`),
    ...(personalities.length === 0
      ? [h('p', { class: 'muted small' }, 'This scenario gives the computer no characters to choose from.')]
      : personalities.map((p) =>
          radio(`personality-${role}`, p.id, p.id === chosen, [
            h('strong', {}, p.name),
            h('span', { class: 'choice-blurb' }, p.description),
          ]),
        )),
  );
}
