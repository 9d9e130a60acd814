import * as Phaser from 'phaser';
import { currentSession, type Session } from '../bridge/session.ts';
import { monthLabel, replay } from '../engine/index.ts';
import { setKeymap } from '../ui/keys.ts';
import { announce, showScreen } from '../ui/root.ts';
import { renderDebrief } from '../ui/screens/debrief.ts';
import { replayOf } from '../bridge/saving.ts';
import type { LoadedReplay } from '../persist/index.ts';
import { downloadReplay, downloadText, shareReplay } from '../ui/replayActions.ts';
import {
  choiceOf,
  currentClass,
  lastTitleChoice,
  modeOf,
  rememberChoice,
  type ClassContext,
} from './flow.ts';
import { h } from '../ui/dom.ts';
import { handInPanel } from '../ui/screens/handIn.ts';
import { SCENES } from './keys.ts';
import { startLazy } from './lazyScenes.ts';
import { mapHost } from './MapScene.ts';

/**
 * The finished game as the viewer steps through it: every state, folded from the game's own log
 * (a game played here needs no checking, only its states).
 */
function replayOfSession(session: Session): LoadedReplay | null {
  const folded = replay(session.rules, session.options.seed, session.state.log);
  if (!folded.ok) return null;
  return {
    ok: true,
    replay: replayOf(session, modeOf(session.options.seats)),
    scenario: session.scenario,
    rules: session.rules,
    states: folded.states,
  };
}

export class DebriefScene extends Phaser.Scene {
  constructor() {
    super(SCENES.debrief);
  }

  /** The class game's result, as a file and a code (the classroom code loads only for class games). */
  private async fillHandIn(slot: HTMLElement, klass: ClassContext, session: Session): Promise<void> {
    const { buildResult, resultCode, serializeResult } = await import('../classroom/index.ts');
    const built = buildResult({
      label: klass.label,
      session: klass.session,
      replay: replayOf(session, modeOf(session.options.seats)),
    });
    if (!built.ok) {
      slot.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, built.message));
      return;
    }
    const fileName = `result-${klass.label.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'class'}.json`;
    slot.replaceWith(
      handInPanel({
        label: klass.label,
        code: resultCode(built.result),
        fileName,
        onDownload: () => downloadText(serializeResult(built.result), fileName),
      }),
    );
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
    const klass = currentClass();
    const handIn = klass ? h('div', { class: 'hand-in-slot' }) : null;
    if (klass && handIn) void this.fillHandIn(handIn, klass, session);
    showScreen(
      renderDebrief({
        handIn,
        rules: session.rules,
        state: session.state,
        humanRoles: session.humanRoles,
        monthLabel: (turn) => monthLabel(session.scenario.start, turn),
        onPlayAgain: playAgain,
        onSwapRole: swap,
        onTitle: title,
        onWatch: () => {
          const loaded = replayOfSession(session);
          if (loaded) void startLazy(this, SCENES.replay, { loaded });
        },
        onDownload: () => downloadReplay(replayOf(session, modeOf(session.options.seats))),
        onShare: () => void shareReplay(replayOf(session, modeOf(session.options.seats))),
      }),
    );
    const ending = session.rules.endings.get(session.state.ending!.id);
    if (ending) announce(`The game is over: ${ending.title}.`);
  }
}
