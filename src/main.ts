// The page's entry point: the HTML layer, settings, keys, and the one Phaser.Game for the page.
import * as Phaser from 'phaser';
import './styles/main.css';
import './styles/game.css';
import './styles/debrief.css';
import { BootScene } from './scenes/BootScene.ts';
import { BriefingScene } from './scenes/BriefingScene.ts';
import { DebriefScene } from './scenes/DebriefScene.ts';
import { MapScene } from './scenes/MapScene.ts';
import { NewsScene } from './scenes/NewsScene.ts';
import { PlayScene } from './scenes/PlayScene.ts';
import { PreloadScene } from './scenes/PreloadScene.ts';
import { TitleScene } from './scenes/TitleScene.ts';
import { openHelp } from './ui/help.ts';
import { installKeys } from './ui/keys.ts';
import { createRoot } from './ui/root.ts';
import { applySettings } from './ui/settings.ts';

applySettings();
createRoot();
installKeys(openHelp);

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  backgroundColor: '#0d1520',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  // The map scene runs under the others; the rest take turns above it.
  scene: [BootScene, PreloadScene, MapScene, TitleScene, BriefingScene, PlayScene, NewsScene, DebriefScene],
  banner: false,
  audio: { noAudio: true },
});

// For the browser tests and the benchmark: which scene is showing, without reaching into Phaser.
declare global {
  interface Window {
    shellsForOil?: { game: Phaser.Game };
  }
}
window.shellsForOil = { game };
