import * as Phaser from 'phaser';
import { currentSession, type Session } from '../bridge/session.ts';
import { monthLabel } from '../engine/index.ts';
import { setKeymap } from '../ui/keys.ts';
import { announce, showScreen } from '../ui/root.ts';
import { renderDebrief } from '../ui/screens/debrief.ts';
import { replayOf } from '../bridge/saving.ts';
import { parseReplay, compactReplay } from '../persist/index.ts';
import { content } from '../bridge/content.ts';
import { downloadReplay, shareReplay } from '../ui/replayActions.ts';
import { choiceOf, lastTitleChoice, modeOf, rememberChoice } from './flow.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './MapScene.ts';

/** The finished game as a replay the viewer can step through (checked like any other). */
function replayOfSession(session: Session) {
  return parseReplay(compactReplay(replayOf(session, modeOf(session.options.seats))), content);
}

export class DebriefScene extends Phaser.Scene {
  constructor() {
    super(SCENES.debrief);
  }

  create(): void {
    const session = currentSession();
    if (!session || session.state.phase !== 'over') {
      this.scene.start(SCENES.title);
      return;
    }
    const choice = lastTitleChoice() ?? choiceOf(session);
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
        onWatch: () => {
          const loaded = replayOfSession(session);
          if (loaded.ok) this.scene.start(SCENES.replay, { loaded });
        },
        onDownload: () => downloadReplay(replayOf(session, modeOf(session.options.seats))),
        onShare: () => void shareReplay(replayOf(session, modeOf(session.options.seats))),
      }),
    );
    const ending = session.rules.endings.get(session.state.ending!.id);
    if (ending) announce(`The game is over: ${ending.title}.`);
  }
}
