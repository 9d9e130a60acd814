import * as Phaser from 'phaser';
import { currentSession } from '../bridge/session.ts';
import { monthLabel } from '../engine/index.ts';
import { setKeymap } from '../ui/keys.ts';
import { announce, showScreen } from '../ui/root.ts';
import { renderDebrief } from '../ui/screens/debrief.ts';
import { lastTitleChoice, rememberChoice } from './flow.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './MapScene.ts';

export class DebriefScene extends Phaser.Scene {
  constructor() {
    super(SCENES.debrief);
  }

  create(): void {
    const session = currentSession();
    const choice = lastTitleChoice();
    if (!session || !choice || session.state.phase !== 'over') {
      this.scene.start(SCENES.title);
      return;
    }
    mapHost.scene?.fit(null);
    const playAgain = () => this.scene.start(SCENES.briefing);
    const swap = () => {
      rememberChoice({ ...choice, role: choice.role === 'kim' ? 'putin' : 'kim', mode: 'vs-computer' });
      this.scene.start(SCENES.briefing);
    };
    const title = () => this.scene.start(SCENES.title);
    setKeymap([]);
    showScreen(
      renderDebrief({
        rules: session.rules,
        state: session.state,
        humanRoles: session.humanRoles,
        monthLabel: (turn) => monthLabel(session.scenario.start, turn),
        onPlayAgain: playAgain,
        onSwapRole: swap,
        onTitle: title,
      }),
    );
    const ending = session.rules.endings.get(session.state.ending!.id);
    if (ending) announce(`The game is over: ${ending.title}.`);
  }
}
