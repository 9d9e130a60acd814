// The page's entry point: the HTML layer, settings, keys, and the one Phaser.Game for the page.
import * as Phaser from 'phaser';
import './styles/main.css';
import './styles/game.css';
import './styles/debrief.css';
import './styles/feel.css';
import { BootScene } from './scenes/BootScene.ts';
import { BriefingScene } from './scenes/BriefingScene.ts';
import { DebriefScene } from './scenes/DebriefScene.ts';
import { MapScene } from './scenes/MapScene.ts';
import { NewsScene } from './scenes/NewsScene.ts';
import { PlayScene } from './scenes/PlayScene.ts';
import { PreloadScene } from './scenes/PreloadScene.ts';
import { ReplayScene } from './scenes/ReplayScene.ts';
import { ClassScene } from './scenes/ClassScene.ts';
import { TitleScene } from './scenes/TitleScene.ts';
import { ROUTES } from './scenes/shipments.ts';
import { opponentClient } from './bridge/opponentClient.ts';
import { SCENES } from './scenes/keys.ts';
import { openHelp } from './ui/help.ts';
import { installKeys } from './ui/keys.ts';
import { createRoot } from './ui/root.ts';
import { mapHost } from './scenes/MapScene.ts';
import { applySettings } from './ui/settings.ts';
import { registerOfflineWhenTitleShows } from './offline/register.ts';

applySettings();
createRoot();
installKeys(openHelp);

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  // the map's sea colour, so the map never ends in a hard edge against the page
  backgroundColor: '#0f1b2b',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  // The map scene runs under the others; the rest take turns above it.
  scene: [
    BootScene,
    PreloadScene,
    MapScene,
    TitleScene,
    BriefingScene,
    PlayScene,
    NewsScene,
    DebriefScene,
    ReplayScene,
    ClassScene,
  ],
  banner: false,
  audio: { noAudio: true },
});

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
// the offline cache, once the title is up (built sites only)
registerOfflineWhenTitleShows(game);
