// The page's entry point: the HTML layer, settings, keys and the title screen, at once; Phaser and
// the map load beside them (game.ts) and take over the screens that draw on the map once in.
import './styles/main.css';
import './styles/game.css';
import './styles/debrief.css';
import './styles/feel.css';
import mapUrl from '../assets/map.json?url';
import { TitleScene } from './scenes/TitleScene.ts';
import { SCENES } from './scenes/keys.ts';
import { onceShown, registerHtmlScene, startScene } from './scenes/router.ts';
import { openHelp } from './ui/help.ts';
import { installKeys } from './ui/keys.ts';
import { createRoot } from './ui/root.ts';
import { applySettings } from './ui/settings.ts';
import { registerOfflineWhenIdle } from './offline/register.ts';

applySettings();
createRoot();
installKeys(openHelp);

registerHtmlScene(SCENES.title, new TitleScene());
registerHtmlScene(
  SCENES.briefing,
  async () => new (await import('./scenes/BriefingScene.ts')).BriefingScene(),
);
registerHtmlScene(SCENES.classroom, async () => new (await import('./scenes/ClassScene.ts')).ClassScene());

/** The map's data and Phaser's chunk, requested together; the game boots in a task of its own. */
function loadGame(): void {
  const map = fetch(mapUrl)
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null);
  void import('./game.ts').then(({ startGame }) => setTimeout(() => startGame(map)));
}

// the offline cache, once the title is up and the page idle (built sites only)
onceShown(SCENES.title, registerOfflineWhenIdle);
startScene(SCENES.title);
// Once the title's first frame is drawn: on a slow connection its own files come first, and the
// 1.4 MB of Phaser and the map after them (a game started before they are in waits for them).
requestAnimationFrame(() => setTimeout(loadGame));
