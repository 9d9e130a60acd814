// The teacher's side of a class session: the form that prepares it (scenario, who plays what, the
// computer's level, a turn timer, the class's world, a title), then the screen that shares it (the
// code to read aloud, the link, what students do: sessionReady.ts). docs/classroom.md describes
// sessions.
// The classroom layer is imported module by module, not through its index, so that this screen
// does not bring the compression library (fflate) the results need.
// the teacher's screens bring their own styles: they load with these screens, not with the game
import '../../styles/classroom-setup.css';
import { LEVELS, LEVEL_NAMES, type Level } from '../../ai/settings.ts';
import { isSeed, type Role } from '../../engine/index.ts';
import {
  checkSession,
  MAX_TURN_SECONDS,
  ROLE_PLANS,
  TURN_SECONDS_STEP,
  type ClassSession,
  type RolePlan,
} from '../../classroom/session.ts';
import { MAX_TITLE_LENGTH } from '../../classroom/text.ts';
import type { ScenarioCover } from '../../scenario/cover.ts';
import { h } from '../dom.ts';

/** The highest world number (seeds are unsigned 32-bit). */
const MAX_SEED = 4294967295;

/** The timer choices the form offers (seconds); any other valid value given as initial is added. */
const TIMER_CHOICES = [30, 45, 60, 90, 120, 180, 300] as const;

/** Each plan in a few words: its name, and what the class does under it. */
export const PLAN_TEXT: Readonly<Record<RolePlan, { name: string; blurb: string }>> = {
  'all-kim': {
    name: 'Everyone plays Kim Jong Un',
    blurb: 'Each student plays North Korea; the computer plays Russia.',
  },
  'all-putin': {
    name: 'Everyone plays Vladimir Putin',
    blurb: 'Each student plays Russia; the computer plays North Korea.',
  },
  pairs: {
    name: 'Pairs on one device',
    blurb:
      'Two students share a device, one as Kim, one as Putin, and pass it when the game asks. No computer.',
  },
  'half-and-half': {
    name: 'Half and half',
    blurb:
      'Each student plays one side against the computer. By number on the class list: odd numbers play Kim, even numbers play Putin, so the class splits evenly.',
  },
};

/** The roles a plan needs the scenario to have. */
const PLAN_NEEDS: Readonly<Record<RolePlan, readonly Role[]>> = {
  'all-kim': ['kim'],
  'all-putin': ['putin'],
  pairs: ['kim', 'putin'],
  'half-and-half': ['kim', 'putin'],
};

const LEVEL_TEXT: Readonly<Record<Level, string>> = {
  easy: 'Plays its side’s priorities, and slips now and then.',
  normal: 'Thinks a move ahead, and about how the student will answer.',
  hard: 'Plays each choice out to the end many times: a stiff test.',
};

/** "No timer", "45 seconds", "1 minute", "1 minute 30 seconds". */
export function timerWords(seconds: number | null): string {
  if (seconds === null) return 'No timer';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '',
    rest > 0 ? `${rest} seconds` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** The computer's part in a session, in words. */
export function computerWords(session: ClassSession): string {
  return session.roles === 'pairs'
    ? 'None: the students play both sides.'
    : `${LEVEL_NAMES[session.level]} level`;
}

/**
 * The session code, large: its groups of four apart, in a monospace font; a screen reader hears
 * it spelled symbol by symbol ("2 5 F 8, 1 N K 0, …") rather than as words or numbers.
 */
export function codeBlock(code: string): HTMLElement {
  const groups = code.split('-');
  return h(
    'p',
    { class: 'session-code' },
    h(
      'span',
      { class: 'session-code-groups', 'aria-hidden': 'true' },
      ...groups.flatMap((group, i) => [
        i > 0 ? h('span', { class: 'session-code-dash' }, '-') : null,
        h('span', { class: 'session-code-group' }, group),
      ]),
    ),
    h('span', { class: 'visually-hidden' }, groups.map((g) => [...g].join(' ')).join(', ')),
  );
}

/** What students do with a session, in two sentences. */
export const STUDENT_STEPS =
  'On the title screen, each student chooses “Join a class”, types this code (or opens the link) and their name or team. ' +
  'At the end of the game they hand in a result, as a small file or a code to paste, however your class passes work around.';

export interface ClassSetupContext {
  scenarios: ScenarioCover[];
  /** Scenario id → its content hash (16 hex digits), as the library lists it. */
  hashes: Record<string, string>;
  /** A new random world number (the page draws it; the classroom layer never does). */
  freshSeed(): number;
  initial?: Partial<ClassSession>;
  /** Called with the checked session (title trimmed, an empty one dropped). */
  onCreate(session: ClassSession): void;
  onBack(): void;
  /** Shown under the scenarios (the page's "Open a scenario file…"). */
  scenarioExtra?: HTMLElement;
}

/** A radio choice: the input inside its label, so the whole line is the target. */
function option(name: string, value: string, checked: boolean, ...label: (Node | string)[]): HTMLElement {
  return h(
    'label',
    { class: 'choice' },
    h('input', { type: 'radio', name, value, checked }),
    h('span', {}, ...label),
  );
}

function checkedValue(form: HTMLFormElement, name: string): string {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

/** The form that prepares a class session. */
export function renderClassSetup(ctx: ClassSetupContext): HTMLElement {
  const initial = ctx.initial ?? {};
  const chosenScenario =
    ctx.scenarios.find((s) => s.id === initial.scenarioId)?.id ?? ctx.scenarios[0]?.id ?? '';
  const form = h('form', { class: 'class-setup-form', novalidate: true });

  const scenarioSet = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Scenario'),
    ...ctx.scenarios.map((s) =>
      option(
        'class-scenario',
        s.id,
        s.id === chosenScenario,
        h('strong', {}, s.title),
        h('span', { class: 'muted small' }, ` · ${s.turns} months`),
        h('span', { class: 'choice-blurb' }, s.summary),
      ),
    ),
    ctx.scenarios.length === 0 ? h('p', { class: 'muted' }, 'This game has no scenarios to play.') : null,
    ctx.scenarioExtra,
  );

  const plan = initial.roles ?? 'half-and-half';
  const rolesSet = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Who plays what'),
    ...ROLE_PLANS.map((p) =>
      option(
        'class-roles',
        p,
        p === plan,
        h('strong', {}, PLAN_TEXT[p].name),
        h('span', { class: 'choice-blurb' }, PLAN_TEXT[p].blurb),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      'Under “Half and half”, a student who joins with a name instead of a number is given a side drawn from the name: about half each.',
    ),
  );

  const levelNote = h('p', { class: 'muted small class-level-note', 'aria-live': 'polite' });
  const levelSet = h(
    'fieldset',
    { class: 'card-panel class-level' },
    h('legend', {}, 'The computer’s level'),
    levelNote,
    ...LEVELS.map((level) =>
      option(
        'class-level',
        level,
        level === (initial.level ?? 'normal'),
        h('strong', {}, LEVEL_NAMES[level]),
        h('span', { class: 'choice-blurb' }, LEVEL_TEXT[level]),
      ),
    ),
  );

  const timerChoices: number[] = [...TIMER_CHOICES];
  const turnSeconds = initial.turnSeconds ?? null;
  if (turnSeconds !== null && !timerChoices.includes(turnSeconds)) {
    timerChoices.push(turnSeconds);
    timerChoices.sort((a, b) => a - b);
  }
  const timer = h(
    'select',
    { id: 'class-timer', 'aria-describedby': 'class-timer-note' },
    h('option', { value: '' }, 'No timer'),
    ...timerChoices.map((s) => h('option', { value: s }, `${timerWords(s)} a move`)),
  );
  timer.value = turnSeconds === null ? '' : String(turnSeconds);
  const timerSet = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Turn timer'),
    h('div', { class: 'seed-row' }, h('label', { for: 'class-timer' }, 'Time for each move'), timer),
    h(
      'p',
      { class: 'muted small', id: 'class-timer-note' },
      `Optional. A timer is a multiple of ${TURN_SECONDS_STEP} seconds, up to ${timerWords(MAX_TURN_SECONDS)}.`,
    ),
  );

  const seedInput = h('input', {
    type: 'number',
    id: 'class-seed',
    min: 0,
    max: MAX_SEED,
    step: 1,
    inputmode: 'numeric',
    'aria-describedby': 'class-seed-note',
  });
  seedInput.value = String(initial.seed ?? ctx.freshSeed());
  const worldSet = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'The class’s world'),
    h(
      'p',
      { class: 'muted small', id: 'class-seed-note' },
      `Every student plays this world: the same cards and the same luck, so their games can be compared. A whole number from 0 to ${MAX_SEED}.`,
    ),
    h(
      'div',
      { class: 'seed-row' },
      h('label', { for: 'class-seed' }, 'World number'),
      seedInput,
      h(
        'button',
        {
          type: 'button',
          class: 'class-new-world',
          onclick: () => {
            seedInput.value = String(ctx.freshSeed());
            seedInput.removeAttribute('aria-invalid');
          },
        },
        'New world',
      ),
    ),
  );

  const titleInput = h('input', {
    type: 'text',
    id: 'class-title',
    autocomplete: 'off',
    placeholder: 'e.g. Year 10 history, group B',
    'aria-describedby': 'class-title-note',
  });
  titleInput.value = initial.title ?? '';
  const titleSet = h(
    'fieldset',
    { class: 'card-panel' },
    h('legend', {}, 'Class title'),
    h(
      'div',
      { class: 'class-title-row' },
      h('label', { for: 'class-title' }, 'Title (optional)'),
      titleInput,
    ),
    h(
      'p',
      { class: 'muted small', id: 'class-title-note' },
      `Up to ${MAX_TITLE_LENGTH} characters, on one line. It travels with the link and the handout, not in the code.`,
    ),
  );

  const error = h('p', { class: 'field-error class-setup-error', role: 'alert' });
  form.append(
    h(
      'div',
      { class: 'title-columns' },
      h('div', {}, scenarioSet, rolesSet),
      h('div', {}, levelSet, timerSet, worldSet, titleSet),
    ),
    h(
      'div',
      { class: 'title-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Create the session'),
      h('button', { type: 'button', onclick: () => ctx.onBack() }, 'Back'),
      error,
    ),
  );

  /** Plans the chosen scenario cannot hold are off; the level is off when no computer plays. */
  const sync = () => {
    const scenario = ctx.scenarios.find((s) => s.id === checkedValue(form, 'class-scenario'));
    const plans = [...form.querySelectorAll<HTMLInputElement>('input[name="class-roles"]')];
    for (const input of plans) {
      input.disabled =
        scenario !== undefined &&
        !PLAN_NEEDS[input.value as RolePlan].every((r) => scenario.roles.includes(r));
    }
    if (plans.some((p) => p.checked && p.disabled)) {
      const first = plans.find((p) => !p.disabled);
      if (first) first.checked = true;
    }
    const noComputer = checkedValue(form, 'class-roles') === 'pairs';
    levelSet.disabled = noComputer;
    for (const input of levelSet.querySelectorAll('input')) input.disabled = noComputer;
    levelNote.textContent = noComputer
      ? 'In pairs the students play both sides: there is no computer.'
      : 'The computer plays the side no student holds.';
  };
  form.addEventListener('change', sync);
  sync();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const scenarioId = checkedValue(form, 'class-scenario');
    const seedText = seedInput.value.trim();
    const session: ClassSession = {
      scenarioId,
      scenarioHash: ctx.hashes[scenarioId] ?? '',
      roles: checkedValue(form, 'class-roles') as RolePlan,
      level: checkedValue(form, 'class-level') as Level,
      turnSeconds: timer.value === '' ? null : Number(timer.value),
      seed: seedText === '' ? Number.NaN : Number(seedText),
      title: titleInput.value,
    };
    for (const input of [seedInput, titleInput]) input.removeAttribute('aria-invalid');
    const checked = checkSession(session);
    if (checked.ok) {
      error.textContent = '';
      ctx.onCreate(checked.session);
      return;
    }
    error.textContent = checked.message;
    // point at the field at fault, when it is one the teacher types into
    const culprit = !isSeed(session.seed)
      ? seedInput
      : checkSession({ ...session, title: undefined }).ok
        ? titleInput
        : null;
    if (culprit) {
      culprit.setAttribute('aria-invalid', 'true');
      culprit.focus();
    }
  });

  return teacherPage(
    'class-setup-page',
    'Prepare a class session',
    'Choose what the class plays. Every student gets the same world. Nothing is sent anywhere: you share a code to read aloud, or a link.',
    form,
  );
}

/** A teacher's full-screen page: its heading and lede, then the rest. */
export function teacherPage(
  className: string,
  heading: string,
  lede: Node | string,
  ...body: (Node | null)[]
): HTMLElement {
  return h(
    'div',
    { class: `page ${className}` },
    h(
      'main',
      { class: 'page-inner' },
      h('p', { class: 'eyebrow' }, 'For teachers'),
      h('h1', {}, heading),
      h('p', { class: 'lede' }, lede),
      ...body,
    ),
  );
}
