// The one Phaser.Game for the page, loaded beside the HTML screens (main.ts imports this module
// without waiting for it): the map, and the screens that draw on it. Once it is up it takes over
// whatever the player asked of it meanwhile (router.ts).
import * as Phaser from 'phaser';
import { BootScene } from './scenes/BootScene.ts';
import { MapScene } from './scenes/MapScene.ts';
import { NewsScene } from './scenes/NewsScene.ts';
import { PlayScene } from './scenes/PlayScene.ts';
import { PreloadScene } from './scenes/PreloadScene.ts';
import { ROUTES } from './scenes/shipments.ts';
import { opponentClient } from './bridge/opponentClient.ts';
import { MAP_DATA, SCENES } from './scenes/keys.ts';
import { mapHost } from './scenes/mapHost.ts';
import { cannotLoad, isLazyScene, loadLazyScene } from './scenes/lazyScenes.ts';
import { attachGame, startScene } from './scenes/router.ts';

/**
 * Stands in the game for an HTML screen, so that a Phaser scene leaves for it as for any other
 * (`this.scene.start(SCENES.title)`): it stops at once and hands the key to the router.
 */
class HtmlScreen extends Phaser.Scene {
  create(data: object): void {
    this.scene.stop();
    startScene(this.scene.key, data);
  }
}

const htmlScreens = [SCENES.title, SCENES.briefing, SCENES.classroom].map(
  (key) => new HtmlScreen({ key, active: false }),
);

// For the browser tests and the benchmark: which scene is showing, without reaching into Phaser.
declare global {
  interface Window {
    shellsForOil?: { game: Phaser.Game; bench?: BenchHook };
  }
}

/** What `npm run bench` drives; present only on a page opened with `?bench` (read once, here). */
interface BenchHook {
  /** Turns the map's idle animation on or off; false while the map has not loaded. */
  animateMap(on: boolean): boolean;
  /** Sends a marker along every route; resolves with how many were sent once all have arrived. */
  sendShipments(): Promise<number>;
  /** Runs the play scene's clock (the computer's pause) this many times faster. */
  computerPace(times: number): void;
  /** The computer's decisions since the last call: milliseconds each, and where it decided. */
  opponentTimes(): { ms: number; where: 'worker' | 'page' }[];
}

/** Boots the game; `map` is the map's data, requested by the page at boot. */
export function startGame(map: Promise<unknown>): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: 'stage',
    // the map's sea colour, so the map never ends in a hard edge against the page
    backgroundColor: '#0f1b2b',
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    // The map scene runs under the others; the rest take turns above it. The scenes that come
    // after a game (and the live class's) join when first started (scenes/lazyScenes.ts).
    scene: [BootScene, PreloadScene, MapScene, ...htmlScreens, PlayScene, NewsScene],
    banner: false,
    audio: { noAudio: true },
  });
  game.registry.set(MAP_DATA, map);
  // the scenes added after boot (a scene added while the scene manager is mid-frame joins at its
  // next frame: getScene does not see it yet, hence the set)
  const joined = new Set<string>();
  const add = (key: string, scene: Phaser.Types.Scenes.SceneType) => {
    if (!joined.has(key) && !game.scene.getScene(key)) game.scene.add(key, scene, false);
    joined.add(key);
  };
  const run = (key: string, data?: object): void => {
    // (a scene started while the loop sleeps needs it awake: the scene manager works in the loop)
    mapHost.scene?.wake();
    game.loop.wake();
    game.scene.start(key, data);
  };
  // counts starts, so a scene whose code arrives after a later start is not started
  let ticket = 0;
  const start = (key: string, data?: object): void => {
    const mine = ++ticket;
    if (!isLazyScene(key) || joined.has(key) || game.scene.getScene(key)) {
      run(key, data);
      return;
    }
    loadLazyScene(key).then(
      (scene) => {
        add(key, scene);
        if (mine === ticket) run(key, data);
      },
      () => {
        if (mine === ticket) cannotLoad(key, () => start(key, data));
      },
    );
  };
  const whenReady = () => attachGame({ start, add });
  if (game.isBooted) whenReady();
  else game.events.once(Phaser.Core.Events.READY, whenReady);
  exposeForTests(game);
  return game;
}

function exposeForTests(game: Phaser.Game): void {
  const decisionTimes: { ms: number; where: 'worker' | 'page' }[] = [];
  const bench: BenchHook | undefined = new URLSearchParams(location.search).has('bench')
    ? {
        animateMap: (on) => {
          mapHost.scene?.view?.animateIdle(on);
          return !!mapHost.scene?.view;
        },
        sendShipments: async () => {
          const view = mapHost.scene?.view;
          if (!view) return 0;
          const routes = Object.values(ROUTES);
          await Promise.all(
            routes.map((route) =>
              view.sendShipment(route, { label: 'Shipment', reverse: false, reducedMotion: false }),
            ),
          );
          return routes.length;
        },
        computerPace: (times) => {
          game.scene.getScene(SCENES.play).time.timeScale = times;
        },
        opponentTimes: () => decisionTimes.splice(0),
      }
    : undefined;
  if (bench) opponentClient().onDecided = (ms, where) => decisionTimes.push({ ms, where });
  window.shellsForOil = bench ? { game, bench } : { game };
}
