// Which screen is showing: the HTML screens (the title, the briefing, the teacher's screens) run
// without Phaser, so they appear and work while Phaser's chunk and the map still load; the screens
// that draw on the map (play, news, debrief, replay) are Phaser scenes and start once the game is
// up. Both kinds start each other by key, as Phaser scenes do (`this.scene.start(key, data)`):
// an HTML screen through this router, a Phaser scene through small stand-in scenes (game.ts) that
// hand an HTML key back here.
import type * as Phaser from 'phaser';
import { h } from '../ui/dom.ts';
import { showScreen } from '../ui/root.ts';

/** The part of Phaser's scene API the HTML screens use, with the same meaning. */
export interface HtmlScenePlugin {
  /** Leaves this screen for the scene `key` (HTML or Phaser), passing `data` to its `create`. */
  start(key: string, data?: object): void;
  /** True while this screen is the one showing (false once another has been started). */
  isActive(): boolean;
}

/** An HTML screen: `create(data)` runs every time it is started, as a Phaser scene's does. */
export abstract class HtmlScene {
  readonly scene: HtmlScenePlugin;

  constructor(readonly key: string) {
    this.scene = { start: (next, data) => startScene(next, data), isActive: () => current === this };
  }

  abstract create(data?: object): void;
}

/** The Phaser game, once loaded: starts one of its scenes (stopping none: they stop themselves). */
export interface GameSide {
  start(key: string, data?: object): void;
  /** Adds a scene loaded later (the live class's), once; it does not start it. */
  add(key: string, scene: Phaser.Types.Scenes.SceneType): void;
}

type Loader = () => Promise<HtmlScene>;

const screens = new Map<string, { scene: HtmlScene | null; load: Loader }>();
let current: HtmlScene | null = null;
let game: GameSide | null = null;
let waiting: { key: string; data: object | undefined } | null = null;
const gameListeners: ((side: GameSide) => void)[] = [];
/** Counts starts, so a screen whose module arrives after a later start is not shown. */
let generation = 0;
const shownListeners = new Map<string, (() => void)[]>();
let wanted: (() => void) | null = null;

/** Calls `listener` whenever a Phaser screen is asked for before the game is up (to boot it now). */
export function onGameWanted(listener: () => void): void {
  wanted = listener;
}

/** Registers an HTML screen: made at once, or loaded the first time it is started. */
export function registerHtmlScene(key: string, make: HtmlScene | Loader): void {
  screens.set(
    key,
    typeof make === 'function'
      ? { scene: null, load: make }
      : { scene: make, load: () => Promise.resolve(make) },
  );
}

export function isHtmlScene(key: string): boolean {
  return screens.has(key);
}

/** Starts the screen `key`: an HTML one now (or once its module is in), a Phaser one once the game is up. */
export function startScene(key: string, data?: object): void {
  const ticket = ++generation;
  current = null;
  const entry = screens.get(key);
  if (!entry) {
    if (game) game.start(key, data);
    else {
      waiting = { key, data };
      showLoading();
      wanted?.();
    }
    return;
  }
  waiting = null;
  const show = (scene: HtmlScene) => {
    if (ticket !== generation) return;
    current = scene;
    scene.create(data);
    for (const listener of shownListeners.get(key)?.splice(0) ?? []) listener();
  };
  if (entry.scene) show(entry.scene);
  else
    void entry.load().then((scene) => {
      entry.scene = scene;
      show(scene);
    });
}

/** The Phaser game is up: a Phaser scene asked for meanwhile starts now. */
export function attachGame(side: GameSide): void {
  game = side;
  for (const listener of gameListeners.splice(0)) listener(side);
  const next = waiting;
  waiting = null;
  if (next) side.start(next.key, next.data);
}

/** The Phaser game, once it is up (at once if it is); asking for it boots it if it has not been. */
export function whenGame(): Promise<GameSide> {
  if (game) return Promise.resolve(game);
  const promise = new Promise<GameSide>((resolve) => gameListeners.push(resolve));
  wanted?.();
  return promise;
}

/** Calls `listener` once, the next time the HTML screen `key` is shown. */
export function onceShown(key: string, listener: () => void): void {
  shownListeners.set(key, [...(shownListeners.get(key) ?? []), listener]);
}

let progress: HTMLElement | null = null;

/** The screen while a Phaser screen waits for the game (Phaser's chunk and the map). */
function showLoading(): void {
  progress = h('progress', { class: 'loading-bar', 'aria-label': 'Loading', max: 100 });
  showScreen(
    h(
      'main',
      { class: 'page loading-page' },
      h('h1', {}, 'Shells for Oil'),
      h('p', { class: 'muted' }, 'Loading the map…'),
      progress,
    ),
  );
}

/** How far the game's loading has come (0 to 1), for the loading screen if it is showing. */
export function reportLoading(value: number): void {
  progress?.setAttribute('value', String(Math.round(value * 100)));
}
