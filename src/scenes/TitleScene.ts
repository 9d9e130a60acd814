import * as Phaser from 'phaser';
import { content } from '../bridge/content.ts';
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
        scenarios: content.scenarios.map((s) => s.scenario),
        initial: lastTitleChoice() ?? {},
        freshSeed,
        onStart: (choice) => {
          rememberChoice(choice);
          this.scene.start(SCENES.briefing);
        },
      }),
    );
  }
}
