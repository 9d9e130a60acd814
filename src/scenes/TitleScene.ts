import * as Phaser from 'phaser';
import { content, loadScenario } from '../bridge/content.ts';
import { endSession } from '../bridge/session.ts';
import { setKeymap } from '../ui/keys.ts';
import { showScreen } from '../ui/root.ts';
import { renderTitle } from '../ui/screens/title.ts';
import { freshSeed, lastTitleChoice, rememberChoice } from './flow.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './MapScene.ts';

export class TitleScene extends Phaser.Scene {
  constructor() {
    super(SCENES.title);
  }

  create(): void {
    endSession();
    mapHost.scene?.fit(null);
    mapHost.scene?.setTints({});
    setKeymap([]);
    showScreen(
      renderTitle({
        scenarios: content.scenarios.map((s) => s.cover),
        initial: lastTitleChoice() ?? {},
        freshSeed,
        onStart: async (choice) => {
          const load = await loadScenario(choice.scenarioId);
          if (!load.ok) return load.message;
          // the player may have left the title (a key, the browser's back) while it loaded
          if (!this.scene.isActive()) return null;
          rememberChoice(choice);
          this.scene.start(SCENES.briefing);
          return null;
        },
      }),
    );
  }
}
