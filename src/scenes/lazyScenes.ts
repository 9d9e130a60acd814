// The Phaser scenes a player does not need to start playing load the first time they are wanted,
// and join the game's scenes then: the debrief and the replay viewer (after a game, or from a saved
// game or a link), the live class's scenes (only in a live class). A game against the computer
// downloads none of them before its first move (issue 14); the debrief is fetched ahead while the
// last month is played, so the ending shows without a wait.
//
// Either kind of screen starts one by key as it starts any other: an HTML screen through the router
// (which hands the key to game.ts, which loads it), a Phaser scene through `startLazy` below (a
// Phaser scene's own `this.scene.start` knows only scenes already added).
import type * as Phaser from 'phaser';
import { openModal } from '../ui/modal.ts';
import { h } from '../ui/dom.ts';
import { SCENES } from './keys.ts';
import { whenGame, type HtmlScenePlugin } from './router.ts';

type SceneClass = Phaser.Types.Scenes.SceneType;

const LOADERS: Record<string, { load: () => Promise<SceneClass>; what: string }> = {
  [SCENES.debrief]: {
    load: () => import('./DebriefScene.ts').then((m) => m.DebriefScene),
    what: 'the debrief',
  },
  [SCENES.replay]: {
    load: () => import('./ReplayScene.ts').then((m) => m.ReplayScene),
    what: 'the replay viewer',
  },
  [SCENES.live]: { load: () => import('./LiveScene.ts').then((m) => m.LiveScene), what: 'the live class' },
  [SCENES.liveTeacher]: {
    load: () => import('./LiveTeacherScene.ts').then((m) => m.LiveTeacherScene),
    what: "the live class's teacher view",
  },
};

const loading = new Map<string, Promise<SceneClass>>();

export function isLazyScene(key: string): boolean {
  return key in LOADERS;
}

/** The scene class of `key`, fetched once (a failed fetch is tried again the next time). */
export function loadLazyScene(key: string): Promise<SceneClass> {
  const loader = LOADERS[key];
  if (!loader) return Promise.reject(new Error(`no lazy scene "${key}"`));
  let promise = loading.get(key);
  if (!promise) {
    promise = loader.load();
    loading.set(key, promise);
    promise.catch(() => loading.delete(key));
  }
  return promise;
}

/** Fetches `key`'s code now, so that starting it later does not wait (a failure waits for the start). */
export function prefetchScene(key: string): void {
  loadLazyScene(key).catch(() => undefined);
}

/** Where a lazy scene is started from: an HTML screen or a Phaser scene (both have these two). */
export interface SceneStarter {
  scene: Pick<HtmlScenePlugin, 'isActive' | 'start'>;
}

/**
 * Leaves `from` for the lazy scene `key` once its code is in and it has joined the game; `from`
 * stays on screen meanwhile, and nothing happens if the player has left it by then. If the code
 * cannot be fetched (the network dropped, no offline copy yet) the player is told and can try again.
 */
export async function startLazy(from: SceneStarter, key: string, data?: object): Promise<void> {
  try {
    const [scene, game] = await Promise.all([loadLazyScene(key), whenGame()]);
    game.add(key, scene);
  } catch {
    if (from.scene.isActive()) cannotLoad(key, () => void startLazy(from, key, data));
    return;
  }
  if (from.scene.isActive()) from.scene.start(key, data);
}

/** Says that `key`'s code did not arrive, with a way to try again. */
export function cannotLoad(key: string, retry: () => void): void {
  const what = LOADERS[key]?.what ?? 'this screen';
  const modal = openModal({
    title: 'Could not load',
    body: h(
      'p',
      {},
      `The game could not download ${what}. Check the connection, then try again: nothing of your game is lost.`,
    ),
    actions: [
      {
        label: 'Try again',
        primary: true,
        onClick: () => {
          modal.close();
          retry();
        },
      },
    ],
  });
}
