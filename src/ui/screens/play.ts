// The main screen: meters of both states, the alliance track, the map slot and the hand of cards
// (or the outcome of the last move). It reads the session and calls `choose`; it decides nothing.
import {
  legalActions,
  monthLabel,
  STAGE_NAMES,
  STAGES,
  stageIndex,
  type ChronicleEntry,
  type GameState,
  type Role,
} from '../../engine/index.ts';
import type { Session } from '../../bridge/session.ts';
import { h } from '../dom.ts';
import { changeChips } from '../changes.ts';
import { renderCard } from '../cards.ts';
import { animateMeters, meterPanel } from '../meters.ts';
import { leaderMood, MOOD_WORDS, type Mood } from '../mood.ts';
import { portrait } from '../portraits.ts';
import { settings } from '../settings.ts';
import { flyAway } from '../motion.ts';
import { SEE_ALL, visibleTo, type Visible } from '../privacy.ts';
import { sourceButton } from '../source.ts';
import { ROLE_NAMES } from './briefing.ts';
import { MAP_STATES, tintChoices } from '../mapTint.ts';

export interface PlayHandlers {
  onContinue: () => void;
  onMenu: () => void;
  onHelp: () => void;
  onTint: (choice: string) => void;
  onFocusState: (id: string | null) => void;
}

/** The month, stage and meters to show instead of the current ones. */
export type AsOf = Pick<GameState, 'turn' | 'stage' | 'meters'>;

/** What the bottom of the screen shows. */
export type Focus =
  | { kind: 'hand' }
  | { kind: 'thinking'; role: Role }
  | { kind: 'outcome'; entries: ChronicleEntry[]; byHuman: boolean }
  /** A moment of a replay: its controls, then what happened in the move that led to it. */
  | { kind: 'replay'; entries: ChronicleEntry[]; controls: HTMLElement; intro: string | null };

export class PlayScreen {
  readonly element: HTMLElement;
  private readonly session: Session;
  private readonly handlers: PlayHandlers;
  private previousMeters: Record<string, number> | undefined;
  private tint: string;
  /** Who is looking at the screen in a two-player game (their secrets show, the rival's don't). */
  private viewer: Role | null = null;
  private visible: Visible = SEE_ALL;
  /** A tip of the scenario's to show above the hand or the outcome (null: none). */
  private hint: string | null = null;
  /** The month and stage the last render showed, to mark the moment either moves. */
  private shownTurn: number | null = null;
  /** The meters the last render showed (the map's danger rings follow them). */
  shownMeters: GameState['meters'] | null = null;
  private shownStage: GameState['stage'] | null = null;
  private readonly shownMoods: Partial<Record<Role, Mood>> = {};

  constructor(session: Session, handlers: PlayHandlers, tint: string) {
    this.session = session;
    this.handlers = handlers;
    this.tint = tint;
    this.element = h('main', { class: 'play' });
  }

  /** The tip the next render shows at the top of its bottom panel (null for none). */
  setHint(text: string | null): void {
    this.hint = text;
  }

  /** Sets whose eyes are on the screen; null shows everything (one player, or watching). */
  setViewer(viewer: Role | null): void {
    this.viewer = viewer;
    this.visible = visibleTo(this.session.rules, viewer);
  }

  get canSee(): Visible {
    return this.visible;
  }

  /** Covers the whole game until the next player has the device: nothing of the game is in the page. */
  renderPass(to: Role, from: Role | null, onReady: () => void): void {
    const button = h(
      'button',
      { type: 'button', class: 'primary pass-ready', onclick: onReady },
      `I am ${ROLE_NAMES[to]}: show my cards`,
    );
    this.element.replaceChildren(
      h(
        'section',
        { class: `pass-screen role-${to}`, 'aria-labelledby': 'pass-title' },
        portrait(to, { className: 'pass-face' }),
        h('p', { class: 'eyebrow' }, 'Two players, one device'),
        h('h1', { id: 'pass-title' }, `Pass the device to ${ROLE_NAMES[to]}`),
        h(
          'p',
          { class: 'lede' },
          from
            ? `${ROLE_NAMES[from]}, look away now: your cards and secret meters are hidden.`
            : 'Each side keeps its cards and secret meters to itself.',
        ),
        button,
      ),
    );
    button.focus();
  }

  /** How a leader's situation stands on the meters shown, as far as the viewer may see. */
  private moodOf(role: Role): Mood {
    return leaderMood(this.session.rules, this.shownMeters ?? this.session.state.meters, role, this.visible);
  }

  /** The empty cell the map is drawn behind, in page pixels. */
  mapRect(): DOMRect | null {
    return this.element.querySelector('.map-slot')?.getBoundingClientRect() ?? null;
  }

  /**
   * Draws the screen. `asOf` shows the month, stage and meters as they were right after a move,
   * when the month has since turned: the news of the turn is shown next, and its changes with it.
   */
  render(focus: Focus, previousMeters?: Record<string, number>, asOf?: AsOf): void {
    const state = this.session.state;
    const shown: GameState = asOf ? { ...state, ...asOf } : state;
    const rules = this.session.rules;
    this.previousMeters = previousMeters ?? this.previousMeters;
    const yours = (role: Role) =>
      this.viewer === null
        ? this.session.seat(role) === 'human' && this.session.humanRoles.length === 1
        : this.viewer === role;

    this.shownMeters = shown.meters;
    // each leader's face says how their situation stands (only from meters this viewer may see)
    const motion = !settings().reducedMotion;
    const face = (role: Role) => {
      const mood = this.moodOf(role);
      // a face that changes draws the eye to it
      const changed = motion && this.shownMoods[role] !== undefined && this.shownMoods[role] !== mood;
      this.shownMoods[role] = mood;
      return portrait(role, {
        mood,
        label: `${ROLE_NAMES[role]}, ${MOOD_WORDS[mood]}`,
        className: `panel-face${changed ? ' mood-changed' : ''}`,
      });
    };
    this.element.replaceChildren(
      this.topBar(shown, motion),
      meterPanel(
        rules,
        'dprk',
        `North Korea${yours('kim') ? ' (you)' : ''}`,
        shown.meters,
        previousMeters,
        'left role-kim',
        this.visible,
        face('kim'),
      ),
      this.mapSlot(),
      meterPanel(
        rules,
        'russia',
        `Russia${yours('putin') ? ' (you)' : ''}`,
        shown.meters,
        previousMeters,
        'right role-putin',
        this.visible,
        face('putin'),
      ),
      this.bottom(state, focus),
    );
    // the bars move once, on the render that brings the change (the shared ones keep their
    // change on show until the next move, but do not slide or flash again)
    if (previousMeters) animateMeters(this.element, motion);
    else for (const moved of this.element.querySelectorAll('.meter.moved')) moved.classList.remove('moved');
    this.shownTurn = shown.turn;
    this.shownStage = shown.stage;
    // a replay keeps the focus where the viewer's controls left it
    if (focus.kind === 'replay') return;
    const first = this.element.querySelector<HTMLElement>(
      '.bottom .option:not([disabled]), .bottom .continue',
    );
    first?.focus({ preventScroll: true });
  }

  private topBar(state: GameState, motion: boolean): HTMLElement {
    const rules = this.session.rules;
    const scenario = rules.scenario;
    // the alliance stepping forward or back, and the month turning, are marked as they happen
    const stepped =
      motion && this.shownStage !== null && this.shownStage !== state.stage
        ? stageIndex(state.stage) > stageIndex(this.shownStage)
          ? ' stepped forward'
          : ' stepped back'
        : '';
    const turned = motion && this.shownTurn !== null && this.shownTurn !== state.turn ? ' turned' : '';
    const track = h(
      'ol',
      { class: 'stage-track', 'aria-label': `Alliance stage: ${STAGE_NAMES[state.stage]}` },
      ...STAGES.map((stage) =>
        h(
          'li',
          {
            class: `stage ${stageIndex(stage) < stageIndex(state.stage) ? 'past' : ''} ${stage === state.stage ? `current${stepped}` : ''}`,
            'aria-current': stage === state.stage ? 'step' : null,
          },
          STAGE_NAMES[stage],
        ),
      ),
    );
    const shared = meterPanel(
      rules,
      'shared',
      'Shared',
      state.meters,
      this.previousMeters,
      'shared-meters',
      this.visible,
    );
    return h(
      'header',
      { class: 'top-bar' },
      h(
        'div',
        { class: 'when' },
        h('h1', { class: `month${turned}` }, monthLabel(scenario.start, state.turn)),
        h('span', { class: 'muted small' }, `Month ${state.turn} of ${scenario.turns} · ${scenario.title}`),
      ),
      track,
      shared,
      h(
        'div',
        { class: 'top-actions' },
        h('button', { type: 'button', onclick: this.handlers.onHelp, 'aria-label': 'Keys and help' }, '?'),
        h('button', { type: 'button', onclick: this.handlers.onMenu }, 'Menu'),
      ),
    );
  }

  private tintSelect(): HTMLElement {
    const select = h(
      'select',
      { id: 'tint', 'aria-label': 'Colour the map by' },
      ...tintChoices(this.session.rules).map((c) =>
        h(
          'option',
          { value: c.id, selected: c.id === this.tint },
          c.id === 'none' ? 'Map: no colour' : `Map: ${c.label}`,
        ),
      ),
    );
    select.addEventListener('change', () => {
      this.tint = select.value;
      this.handlers.onTint(select.value);
    });
    return select;
  }

  private mapSlot(): HTMLElement {
    // The canvas shows through this cell; the buttons give keyboard and screen-reader users the
    // same look at each state's meters as a pointer hovering the map.
    return h(
      'section',
      { class: 'map-slot', 'aria-label': 'Map of the region' },
      h('div', { class: 'map-controls' }, this.tintSelect()),

      h(
        'ul',
        { class: 'map-states' },
        ...MAP_STATES.map((s) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'map-state',
                'data-state': s.id,
                onfocus: () => this.handlers.onFocusState(s.id),
                onblur: () => this.handlers.onFocusState(null),
                onmouseenter: () => this.handlers.onFocusState(s.id),
                onmouseleave: () => this.handlers.onFocusState(null),
              },
              s.name,
            ),
          ),
        ),
      ),
      h('div', { class: 'map-tooltip', id: 'map-tooltip', role: 'status' }),
    );
  }

  private bottom(state: GameState, focus: Focus): HTMLElement {
    const rules = this.session.rules;
    const area = h('section', { class: 'bottom', 'aria-label': 'Your move' });
    if (this.hint && (focus.kind === 'hand' || focus.kind === 'outcome'))
      area.append(h('aside', { class: 'hint', 'aria-label': 'Tip' }, h('strong', {}, 'Tip '), this.hint));
    if (focus.kind === 'thinking') {
      area.append(
        h(
          'div',
          { class: 'thinking', role: 'status' },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          `${ROLE_NAMES[focus.role]} is deciding…`,
        ),
      );
      return area;
    }
    if (focus.kind === 'outcome') {
      area.append(this.outcome(focus.entries, focus.byHuman));
      return area;
    }
    if (focus.kind === 'replay') {
      area.setAttribute('aria-label', 'Replay');
      const news = focus.entries.filter((e) => e.kind !== 'choice' && e.kind !== 'answer');
      area.append(
        focus.controls,
        h(
          'div',
          { class: 'outcome-wrap replay-moment' },
          this.moveBlock(focus.entries, false) ??
            (focus.intro ? h('p', { class: 'replay-intro' }, focus.intro) : null),
          news.length
            ? h(
                'ul',
                { class: 'replay-news' },
                ...news.map((e) => h('li', {}, h('strong', {}, `${e.title}: `), e.text)),
              )
            : null,
        ),
      );
      return area;
    }
    const role = state.active;
    if (role === null) return area;
    const legal = legalActions(rules, state);
    const open = new Set(legal.map((a) => `${a.card}/${a.option}`));
    const offer = state.offers[0];
    const cardIds = offer ? [offer.card] : state.hands[role];
    const cards = cardIds.map((id, i) => {
      const card = rules.cards.get(id)!;
      const el: HTMLElement = renderCard(rules, {
        card,
        index: i + 1,
        offerFrom: offer ? ROLE_NAMES[offer.from] : undefined,
        face: offer ? offer.from : card.role,
        mood: this.moodOf(offer ? offer.from : card.role),
        isOpen: (optionId) => open.has(`${id}/${optionId}`),
        onChoose: (optionId) => {
          // the chosen card leaves the table (a copy flies off; the move itself does not wait)
          if (!settings().reducedMotion) flyAway(el);
          this.session.choose(id, optionId);
        },
      });
      el.classList.toggle('selected', i === 0);
      return el;
    });
    // On short screens only the selected card is shown in full; these buttons pick it.
    const picks = cardIds.map((id, i) =>
      h(
        'button',
        {
          type: 'button',
          class: 'hand-pick',
          'aria-pressed': i === 0 ? 'true' : 'false',
          onclick: () => this.selectCard(i + 1),
        },
        `${i + 1}. ${rules.cards.get(id)!.title}`,
      ),
    );
    area.append(
      h(
        'div',
        { class: 'hand-head' },
        h(
          'h2',
          { class: 'hand-title' },
          offer
            ? `${ROLE_NAMES[role]}: ${ROLE_NAMES[offer.from]} makes an offer. Answer it.`
            : `${ROLE_NAMES[role]}: play one card`,
        ),
        cardIds.length > 1
          ? h('div', { class: 'hand-picks', role: 'group', 'aria-label': 'Show card' }, ...picks)
          : null,
      ),
      h('div', { class: 'hand' }, ...cards),
    );
    return area;
  }

  private outcome(entries: ChronicleEntry[], byHuman: boolean): HTMLElement {
    return h(
      'div',
      { class: 'outcome-wrap' },
      this.moveBlock(entries, byHuman),
      h(
        'button',
        { type: 'button', class: 'primary continue', onclick: this.handlers.onContinue },
        'Continue',
      ),
    );
  }

  /** The move among `entries`: who chose what, what it did, and its source. */
  private moveBlock(entries: ChronicleEntry[], byHuman: boolean): HTMLElement | null {
    const rules = this.session.rules;
    const move = entries.find((e) => e.kind === 'choice' || e.kind === 'answer');
    if (move && move.role) {
      const card = rules.cards.get(move.id)!;
      const option = card.options.find((o) => o.id === move.option)!;
      const who = byHuman ? 'You' : ROLE_NAMES[move.role];
      const notes: string[] = [];
      if (option.later?.length) {
        const months = option.later.map((l) => l.after);
        notes.push(
          `More will follow in ${months.join(' and ')} month${months.length === 1 && months[0] === 1 ? '' : 's'}.`,
        );
      }
      if (option.offer) notes.push(`An offer goes to ${ROLE_NAMES[move.role === 'kim' ? 'putin' : 'kim']}.`);
      return h(
        'div',
        { class: `outcome role-${move.role}` },
        portrait(move.role, { mood: this.moodOf(move.role), className: 'outcome-face' }),
        h('h2', {}, `${who} chose: ${option.label}`),
        h('p', { class: 'muted small' }, card.title),
        h('p', { class: 'outcome-text' }, move.text),
        changeChips(rules, move.changes, this.visible),
        notes.length ? h('p', { class: 'later-note' }, notes.join(' ')) : null,
        sourceButton(card),
      );
    }
    return null;
  }

  /** Brings card n (1-based) forward (short screens show one at a time) and focuses its first option. */
  selectCard(n: number): void {
    const cards = this.element.querySelectorAll<HTMLElement>('.game-card');
    if (n < 1 || n > cards.length) return;
    cards.forEach((c, i) => c.classList.toggle('selected', i === n - 1));
    this.element
      .querySelectorAll<HTMLElement>('.hand-pick')
      .forEach((b, i) => b.setAttribute('aria-pressed', i === n - 1 ? 'true' : 'false'));
    cards[n - 1]!.querySelector<HTMLElement>('.option:not([disabled])')?.focus();
  }

  /** Shows a state's meters next to the map (pointer hover or keyboard focus). */
  showStateInfo(id: string | null, text: string): void {
    const tip = this.element.querySelector<HTMLElement>('#map-tooltip');
    if (!tip) return;
    tip.textContent = id ? text : '';
    tip.classList.toggle('visible', id !== null);
  }
}
