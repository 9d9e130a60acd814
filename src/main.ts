// The page's entry point: the HTML layer, settings, keys and the title screen, at once; Phaser and
// the map load beside them (game.ts) and take over the screens that draw on the map once in.
import './styles/main.css';
// (in the order the rules were written: later ones refine earlier ones)
import './styles/pages.css';
import './styles/play.css';
import './styles/screens.css';
import './styles/title-files.css';
import './styles/class-play.css';
import './styles/dialogs.css';
import './styles/feel.css';
import mapUrl from '../assets/map.json?url';
import { TitleScene } from './scenes/TitleScene.ts';
import { SCENES } from './scenes/keys.ts';
import { onceShown, onGameWanted, registerHtmlScene, startScene } from './scenes/router.ts';
import { h } from './ui/dom.ts';
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

/** Requests the game's files (Phaser's chunk among them) without running them: a fetch only. */
function preloadGame(): void {
  const files = document.querySelector('meta[name="game-files"]')?.getAttribute('content') ?? '';
  for (const href of files.split(' ').filter(Boolean))
    document.head.append(h('link', { rel: 'modulepreload', href }));
}

let booting = false;

/** Runs Phaser's chunk and boots the game (once). */
function bootGame(): void {
  if (booting) return;
  booting = true;
  for (const type of INTENT) removeEventListener(type, bootSoon, true);
  void import('./game.ts').then(({ startGame }) => setTimeout(() => startGame(requestMap())));
}

/** Boots the game after the next frame: what the player's click or key changed is drawn first. */
function bootSoon(): void {
  requestAnimationFrame(() => setTimeout(bootGame));
}

// Evaluating Phaser's 1.4 MB and booting WebGL blocks the page for a second or more on a slow
// machine, so it waits for a sign the player wants the game: their first click or key on the
// title (a Phaser screen asked for, e.g. by a replay link, boots it at once), or, for one who
// lingers reading, LINGER_MS of an idle title, after which the map paints behind it. The bytes
// are fetched meanwhile (preloadGame), so a player who presses Start at once waits no longer.
// (not focus: each screen moves focus to its heading itself, for screen readers)
const INTENT = ['click', 'keydown'] as const;
const LINGER_MS = 3000;
for (const type of INTENT) addEventListener(type, bootSoon, { capture: true, passive: true });
onGameWanted(bootSoon);

let map: Promise<unknown> | null = null;

/** The map's data, requested once. */
function requestMap(): Promise<unknown> {
  map ??= fetch(mapUrl)
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null);
  return map;
}

// the offline cache, once the title is up and the page idle (built sites only)
onceShown(SCENES.title, registerOfflineWhenIdle);
startScene(SCENES.title);
// Once the title's first frame is drawn: on a slow connection its own files come first, and the
// 1.4 MB of Phaser and the map after them (a game started before they are in waits for them);
// they run on the player's first sign of intent, or once the title has lingered (see INTENT).
requestAnimationFrame(() =>
  setTimeout(() => {
    void requestMap();
    preloadGame();
    setTimeout(() => requestIdleCallback(bootGame, { timeout: LINGER_MS }), LINGER_MS);
  }),
);
