import * as Phaser from 'phaser';
import { Session } from '../bridge/session.ts';
import { monthLabel, type ChronicleEntry, type GameState } from '../engine/index.ts';
import type { LoadedReplay } from '../persist/index.ts';
import { openHelp } from '../ui/help.ts';
import { helpEntries, setKeymap } from '../ui/keys.ts';
import { stateSummary, tintValues } from '../ui/mapTint.ts';
import { downloadReplay, shareReplay } from '../ui/replayActions.ts';
import { announce, showScreen } from '../ui/root.ts';
import { ROLE_NAMES } from '../ui/screens/briefing.ts';
import { PlayScreen } from '../ui/screens/play.ts';
import { ReplayControls, type Speed } from '../ui/screens/replayControls.ts';
import { settings } from '../ui/settings.ts';
import { branchFrom, choiceOf, rememberChoice } from './flow.ts';
import { SCENES } from './keys.ts';
import { startLazy } from './lazyScenes.ts';
import { mapHost } from './MapScene.ts';
import { fitMapToCell, sendShipments } from './mapStage.ts';

export interface ReplayData {
  loaded: LoadedReplay;
  /** The move to open at (default the start). */
  index?: number;
  /** Where leaving the viewer goes (default the title): the class dashboard, for one. */
  back?: { scene: string; data: unknown };
}

/** Time each move stays on screen at 1× speed. */
const MOVE_MS = 1600;

/**
 * The replay viewer: any moment of a finished or saved game, with the map, the meters and the move
 * that led there (and its source). Everything is visible: a replay is watched after the fact.
 */
export class ReplayScene extends Phaser.Scene {
  private loaded!: LoadedReplay;
  private session!: Session;
  private screen!: PlayScreen;
  private controls!: ReplayControls;
  private index = 0;
  private playing = false;
  private speed: Speed = 1;
  private timer: Phaser.Time.TimerEvent | null = null;
  private tint = 'munitions';
  private back: ReplayData['back'] | null = null;

  constructor() {
    super(SCENES.replay);
  }

  create(data: ReplayData): void {
    if (!data?.loaded) {
      this.scene.start(SCENES.title);
      return;
    }
    this.loaded = data.loaded;
    this.back = data.back ?? null;
    this.index = Math.min(Math.max(0, data.index ?? 0), this.total);
    this.playing = false;
    const { replay, scenario } = this.loaded;
    this.session = new Session({
      scenario,
      scenarioHash: replay.scenario.hash,
      seed: replay.seed,
      // nobody is "you" in a replay: it is watched after the fact, every meter in view
      seats: { kim: 'computer', putin: 'computer' },
      initial: this.loaded.states[this.index]!,
    });
    this.screen = new PlayScreen(
      this.session,
      {
        onContinue: () => undefined,
        onMenu: () => this.leave(),
        onHelp: () => openHelp(helpEntries()),
        onTint: (choice) => {
          this.tint = choice;
          this.paintMap();
        },
        onFocusState: (id) => {
          mapHost.scene?.view?.highlightState(id);
          this.screen.showStateInfo(id, id ? stateSummary(this.session.rules, this.session.state, id) : '');
        },
      },
      this.tint,
    );
    this.controls = new ReplayControls(scenario.title, this.view(), {
      onSeek: (i) => this.seek(i),
      onPlay: (on) => this.play(on),
      onSpeed: (speed) => {
        this.speed = speed;
        if (this.playing) this.play(true);
      },
      onBranch: () => this.branch(),
      onDownload: () => downloadReplay(replay),
      onShare: () => void shareReplay(replay),
    });
    // the controls' area keeps one height from move to move, so the map does not jump about
    this.screen.element.classList.add('replay-view');
    showScreen(this.screen.element);
    this.render(null);
    this.setKeys();
    const offHover = mapHost.scene?.onHover((id) =>
      this.screen.showStateInfo(id, id ? stateSummary(this.session.rules, this.session.state, id) : ''),
    );
    const onResize = () => this.fitMap();
    window.addEventListener('resize', onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.timer?.remove();
      window.removeEventListener('resize', onResize);
      offHover?.();
      mapHost.scene?.view?.highlightState(null);
    });
    this.controls.element.querySelector<HTMLElement>('.replay-play')?.focus();
    announce(
      `Replay of ${scenario.title}: ${this.total} moves. Space plays and pauses; the arrow keys step.`,
    );
  }

  private get total(): number {
    return this.loaded.states.length - 1;
  }

  private seek(index: number): void {
    const to = Math.min(Math.max(0, index), this.total);
    if (to === this.index) return;
    const from = this.index;
    this.index = to;
    this.session.seek(this.loaded.states[to]!);
    // a step forward animates its shipments; a jump just shows the moment
    this.render(to === from + 1 ? this.loaded.states[from]! : null);
    if (to >= this.total && this.playing) this.play(false);
  }

  private play(on: boolean): void {
    this.timer?.remove();
    this.timer = null;
    if (on && this.index >= this.total) this.seek(0);
    this.playing = on;
    if (on) {
      this.timer = this.time.addEvent({
        delay: (settings().reducedMotion ? MOVE_MS / 2 : MOVE_MS) / this.speed,
        loop: true,
        callback: () => this.seek(this.index + 1),
      });
    }
    this.controls.update(this.view());
  }

  private view() {
    const state = this.loaded.states[this.index]!;
    const move = this.loaded.replay.log[this.index - 1];
    const month = monthLabel(this.loaded.scenario.start, state.turn);
    return {
      index: this.index,
      total: this.total,
      playing: this.playing,
      speed: this.speed,
      where: move ? `${month} · ${ROLE_NAMES[move.role]}` : month,
    };
  }

  /** Draws the moment; `previous` (the moment before) animates what moved between them. */
  private render(previous: GameState | null): void {
    const focused = document.activeElement;
    const state = this.loaded.states[this.index]!;
    const before = this.index > 0 ? this.loaded.states[this.index - 1]! : null;
    const entries: ChronicleEntry[] = before ? state.chronicle.slice(before.chronicle.length) : [];
    this.controls.update(this.view());
    this.screen.render(
      {
        kind: 'replay',
        entries,
        controls: this.controls.element,
        intro: this.index === 0 ? this.loaded.scenario.briefing.text : null,
      },
      before?.meters,
    );
    // the controls were moved with the screen: give the focus back to the one that had it (or to
    // Play, if that one is now disabled: at the start or the end)
    if (focused instanceof HTMLElement && this.controls.element.contains(focused)) {
      const usable = !(focused instanceof HTMLButtonElement && focused.disabled);
      (usable ? focused : this.controls.element.querySelector<HTMLElement>('.replay-play'))?.focus({
        preventScroll: true,
      });
    }
    this.fitMap();
    this.paintMap();
    if (previous) this.animate(previous, state, entries);
  }

  private fitMap(): void {
    fitMapToCell(this, this.screen);
  }

  private paintMap(): void {
    mapHost.scene?.setTints(
      this.tint === 'none' ? {} : tintValues(this.session.rules, this.session.state, this.tint),
    );
  }

  private animate(previous: GameState, state: GameState, fresh: ChronicleEntry[]): void {
    sendShipments(previous, state, fresh);
  }

  /** A new game from this moment, with the same random future. */
  private branch(): void {
    const session = branchFrom(this.loaded, this.index);
    if (!session) return;
    rememberChoice(choiceOf(session));
    if (session.state.phase === 'over') {
      void startLazy(this, SCENES.debrief);
      return;
    }
    this.scene.start(SCENES.play);
  }

  private leave(): void {
    // the link's replay stays in the address only while it is being watched
    if (location.hash.startsWith('#replay='))
      history.replaceState(null, '', location.pathname + location.search);
    if (this.back) this.scene.start(this.back.scene, this.back.data as object);
    else this.scene.start(SCENES.title);
  }

  private setKeys(): void {
    setKeymap([
      { keys: [' ', 'k', 'K'], shown: 'Space', action: 'Play or pause', run: () => this.play(!this.playing) },
      {
        keys: ['ArrowRight', 'l', 'L'],
        shown: '→',
        action: 'One move forward',
        run: () => this.seek(this.index + 1),
      },
      {
        keys: ['ArrowLeft', 'j', 'J'],
        shown: '←',
        action: 'One move back',
        run: () => this.seek(this.index - 1),
      },
      { keys: ['Home'], shown: 'Home', action: 'To the start', run: () => this.seek(0) },
      { keys: ['End'], shown: 'End', action: 'To the end', run: () => this.seek(this.total) },
      { keys: ['b', 'B'], shown: 'B', action: 'Play on from here', run: () => this.branch() },
      {
        keys: ['m', 'M'],
        shown: 'M',
        action: this.back ? 'Back' : 'Back to the title',
        run: () => this.leave(),
      },
    ]);
  }
}
