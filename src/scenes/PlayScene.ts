import * as Phaser from 'phaser';
import { currentSession, type Session, type SessionEvents } from '../bridge/session.ts';
import { holds, type ChronicleEntry, type GameState, type Role } from '../engine/index.ts';
import { setKeymap, helpEntries, type KeyBinding } from '../ui/keys.ts';
import { openHelp } from '../ui/help.ts';
import { h } from '../ui/dom.ts';
import { openModal } from '../ui/modal.ts';
import { replayOf } from '../bridge/saving.ts';
import { currentClass, modeOf } from './flow.ts';
import { stateSummary, tintValues } from '../ui/mapTint.ts';
import { announce, showScreen } from '../ui/root.ts';
import { ROLE_NAMES } from '../ui/screens/briefing.ts';
import { PlayScreen, type AsOf, type Focus } from '../ui/screens/play.ts';
import { settings } from '../ui/settings.ts';
import { SCENES } from './keys.ts';
import { prefetchScene, startLazy } from './lazyScenes.ts';
import { mapHost } from './MapScene.ts';
import { fitMapToCell, sendShipments } from './mapStage.ts';
import { placeMapAlarms } from './mapAlarms.ts';
import { statesInDanger } from '../ui/danger.ts';
import { soundForSession, type GameSound } from '../audio/index.ts';
import { soundControls } from '../ui/soundControls.ts';

const COMPUTER_PAUSE_MS = 700;
const replayActions = () => import('../ui/replayActions.ts');

/**
 * The month-by-month loop: the hand, the outcome of each move, the computer's moves, the news
 * between months, then the debrief. It paces what the session does; the engine decides it.
 */
export class PlayScene extends Phaser.Scene {
  private session!: Session;
  private screen!: PlayScreen;
  private tint = 'munitions';
  /** Entries of the month change (news) waiting to be shown after the current outcome. */
  private pendingNews: ChronicleEntry[] = [];
  private slotObserver: ResizeObserver | null = null;
  /** In a two-player game, the role holding the device (null until someone has it). */
  private viewer: Role | null = null;
  /** The countdown of a class's turn timer, while a hand waits for the player. */
  private turnTimer: Phaser.Time.TimerEvent | null = null;
  /** The game's sound: the move's cues, and those waiting for the next screen. */
  private gameSound: GameSound | null = null;
  /** The tips already shown in this game (each shows once). */
  private readonly hintsShown = new Set<string>();

  constructor() {
    super(SCENES.play);
  }

  create(): void {
    const session = currentSession();
    if (!session) {
      this.scene.start(SCENES.title);
      return;
    }
    this.session = session;
    this.screen = new PlayScreen(
      session,
      {
        onContinue: () => this.afterOutcome(),
        onMenu: () => this.confirmLeave(),
        onHelp: () => openHelp(helpEntries()),
        onTint: (choice) => {
          this.tint = choice;
          this.paintMap();
        },
        onFocusState: (id) => {
          mapHost.scene?.view?.highlightState(id);
          this.screen.showStateInfo(
            id,
            id ? stateSummary(session.rules, session.state, id, this.screen.canSee) : '',
          );
        },
      },
      this.tint,
    );
    this.viewer = null;
    // a live class game is seen by one side for good: the rival's secrets are not even on this device
    this.screen.setViewer(session.viewer);
    this.hintsShown.clear();
    // the sounds of each move, and the quiet bed of the player's side
    const humans = session.humanRoles;
    const sound = (this.gameSound = soundForSession(
      session,
      humans.length === 1 ? humans[0]! : 'neutral',
      () => this.screen.canSee,
    ));
    showScreen(this.screen.element);
    const onChanged = (e: SessionEvents['changed']) => this.onChanged(e);
    session.events.on('changed', onChanged);
    const offHover = mapHost.scene?.onHover((id) => {
      this.screen.showStateInfo(
        id,
        id ? stateSummary(session.rules, session.state, id, this.screen.canSee) : '',
      );
    });
    // the map cell changes with the window (F11, rotating a tablet) and with the layout around it
    // (text wrapping, larger text): whenever its box changes, refit the map to it
    const observer = new ResizeObserver(() => this.fitMap());
    this.slotObserver = observer;
    const onResize = () => this.fitMap();
    window.addEventListener('resize', onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      observer.disconnect();
      sound.stop();
      window.removeEventListener('resize', onResize);
      session.events.off('changed', onChanged);
      offHover?.();
      mapHost.scene?.view?.highlightState(null);
    });
    this.continueGame();
  }

  /** Shows whatever comes next: the human's hand, the computer thinking, or the debrief. */
  private continueGame(): void {
    const state = this.session.state;
    if (state.phase === 'over') {
      void startLazy(this, SCENES.debrief);
      return;
    }
    // the debrief's code comes while the last month is played (an early ending waits for it)
    if (state.turn >= this.session.scenario.turns) prefetchScene(SCENES.debrief);
    if (this.session.computerToMove) {
      this.show({ kind: 'thinking', role: state.active! });
      // the move shows after a short pause even when the computer decides at once, so a player
      // sees whose move it was; the pause runs while the computer thinks, not after
      const pause = new Promise<void>((resolve) =>
        this.time.delayedCall(settings().reducedMotion ? 250 : COMPUTER_PAUSE_MS, resolve),
      );
      this.session.playComputer(pause).catch((error: unknown) => {
        console.error('The computer could not move:', error);
      });
      return;
    }
    const active = state.active!;
    if (this.hotSeat && this.viewer !== active) {
      this.passTo(active);
      return;
    }
    this.show({ kind: 'hand' });
    announce(`${ROLE_NAMES[active]}, your move.`);
    this.startTurnTimer();
  }

  /** Two people share the device: each keeps cards and secret meters from the other. */
  private get hotSeat(): boolean {
    return this.session.humanRoles.length === 2;
  }

  /** Hides the game until the next player says they hold the device. */
  private passTo(role: Role): void {
    const from = this.viewer;
    this.viewer = null;
    this.screen.setViewer(role); // nothing is drawn until they confirm, but the map must not tint
    mapHost.scene?.setTints({});
    mapHost.scene?.view?.highlightState(null);
    setKeymap([]);
    this.screen.renderPass(role, from, () => {
      this.viewer = role;
      this.screen.setViewer(role);
      this.continueGame();
    });
    announce(`Pass the device to ${ROLE_NAMES[role]}.`);
  }

  /** A class's turn timer: a countdown on the hand; at zero the move is made for the player. */
  private startTurnTimer(): void {
    this.turnTimer?.remove();
    this.turnTimer = null;
    const seconds = currentClass()?.session.turnSeconds;
    if (!seconds) return;
    let left = seconds;
    const shown = h('span', { class: 'turn-timer', role: 'timer', 'aria-label': 'Time left for this move' });
    const paint = () => {
      shown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
      shown.classList.toggle('short', left <= 10);
    };
    paint();
    this.screen.element.querySelector('.hand-head')?.append(shown);
    this.turnTimer = this.time.addEvent({
      delay: 1000,
      repeat: seconds - 1,
      callback: () => {
        left--;
        paint();
        if (left === 10) announce('Ten seconds left for this move.');
        if (left > 0) return;
        announce('Time ran out: a move was chosen for you.');
        void this.session.playFor('easy');
      },
    });
  }

  private onChanged({ state, previous }: SessionEvents['changed']): void {
    this.turnTimer?.remove();
    this.turnTimer = null;
    const fresh = state.chronicle.slice(previous.chronicle.length);
    const move = fresh.filter((e) => e.kind === 'choice' || e.kind === 'answer');
    this.pendingNews = fresh.filter((e) => e.kind !== 'choice' && e.kind !== 'answer');
    const byHuman = move[0]?.role !== undefined && this.session.seat(move[0].role) === 'human';
    this.show({ kind: 'outcome', entries: move, byHuman }, previous.meters, this.asOfMove(previous, move[0]));
    this.animate(previous, state, fresh);
    const entry = move[0];
    if (entry?.role) {
      const card = this.session.rules.cards.get(entry.id)!;
      const option = card.options.find((o) => o.id === entry.option)!;
      announce(`${byHuman ? 'You' : ROLE_NAMES[entry.role]} chose: ${option.label}. ${entry.text}`);
    }
  }

  private afterOutcome(): void {
    this.gameSound?.next();
    const news = this.pendingNews;
    this.pendingNews = [];
    if (news.some((e) => e.kind !== 'ending')) {
      this.scene.launch(SCENES.news, {
        entries: news,
        visible: this.screen.canSee,
        onDone: () => this.continueGame(),
      });
      return;
    }
    this.continueGame();
  }

  /** The month as it stood right after the move, if the month has turned since (news comes next). */
  private asOfMove(previous: GameState, move: ChronicleEntry | undefined): AsOf | undefined {
    if (!move || this.pendingNews.length === 0) return undefined;
    const meters = { ...previous.meters };
    for (const [id, delta] of Object.entries(move.changes)) meters[id] = (meters[id] ?? 0) + delta;
    return { turn: move.turn, stage: move.stage ?? previous.stage, meters };
  }

  private show(focus: Focus, previousMeters?: Record<string, number>, asOf?: AsOf): void {
    this.screen.setHint(this.nextHint(focus));
    this.screen.render(focus, previousMeters, asOf);
    const slot = this.screen.element.querySelector('.map-slot');
    if (slot && this.slotObserver) {
      this.slotObserver.disconnect();
      this.slotObserver.observe(slot);
    }
    this.setKeys(focus);
    this.fitMap();
    this.paintMap();
  }

  /** The scenario's first tip for this screen that has not been shown yet and whose moment has come. */
  private nextHint(focus: Focus): string | null {
    if (focus.kind !== 'hand' && focus.kind !== 'outcome') return null;
    const { rules, state } = this.session;
    const hint = (rules.scenario.hints ?? []).find(
      (tip) => tip.at === focus.kind && !this.hintsShown.has(tip.id) && holds(rules, state, tip.when),
    );
    if (!hint) return null;
    this.hintsShown.add(hint.id);
    return hint.text;
  }

  private fitMap(): void {
    fitMapToCell(this, this.screen, () => {
      const { rules, state } = this.session;
      const slot = this.screen.element.querySelector('.map-slot');
      placeMapAlarms(
        slot,
        statesInDanger(rules, this.screen.shownMeters ?? state.meters, this.screen.canSee),
      );
    });
  }

  private paintMap(): void {
    mapHost.scene?.setTints(
      this.tint === 'none'
        ? {}
        : tintValues(this.session.rules, this.session.state, this.tint, this.screen.canSee),
    );
  }

  private animate(previous: GameState, state: GameState, fresh: ChronicleEntry[]): void {
    sendShipments(previous, state, fresh);
  }

  private setKeys(focus: Focus): void {
    const bindings: KeyBinding[] = [];
    if (focus.kind === 'hand') {
      for (const n of [1, 2, 3]) {
        bindings.push({
          keys: [String(n)],
          shown: String(n),
          action: `Go to card ${n}'s first option`,
          run: () => this.focusCard(n),
        });
      }
    }
    if (focus.kind === 'outcome') {
      bindings.push({ keys: ['c', 'C'], shown: 'C', action: 'Continue', run: () => this.afterOutcome() });
    }
    bindings.push({
      keys: ['m', 'M'],
      shown: 'M',
      action: 'Back to the menu',
      run: () => this.scene.start(SCENES.title),
    });
    setKeymap(bindings);
  }

  /** Opens the source of the card (or outcome) holding the focus, else of the first one shown. */
  private openFocusedSource(): void {
    const focused = document.activeElement?.closest('.game-card, .outcome');
    const scope = focused ?? this.screen.element.querySelector('.game-card.selected, .outcome');
    scope?.querySelector<HTMLButtonElement>('.source-button')?.click();
  }

  private confirmLeave(): void {
    const replay = () => replayOf(this.session, modeOf(this.session.options.seats));
    const modal = openModal({
      title: 'Menu',
      body: h(
        'div',
        {},
        h(
          'p',
          {},
          this.session.live
            ? 'The class server keeps this game: join the class again with its code to come back to it.'
            : 'This game saves itself after every move: you can continue it later from “Saved games” on the title screen.',
        ),
        h('div', { class: 'menu-sound', role: 'group', 'aria-label': 'Sound' }, ...soundControls()),
      ),
      actions: [
        {
          label: 'Back to the title',
          primary: true,
          onClick: () => {
            modal.close();
            this.scene.start(SCENES.title);
          },
        },
        // in a two-player game a replay would show each side the other's secrets: only at the end
        // (and a live game is the class server's: its replay is whole only once it is over)
        ...(this.hotSeat || this.session.live
          ? []
          : [
              // (what saves and shares a replay loads the first time it is asked for)
              {
                label: 'Save the replay as a file',
                onClick: () => void replayActions().then((a) => a.downloadReplay(replay())),
              },
              {
                label: 'Share a link',
                onClick: () => {
                  modal.close();
                  void replayActions().then((a) => a.shareReplay(replay()));
                },
              },
            ]),
      ],
      closeLabel: 'Keep playing',
    });
  }

  private focusCard(n: number): void {
    this.screen.selectCard(n);
  }
}
