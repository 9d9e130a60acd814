import * as Phaser from 'phaser';
import { currentSession } from '../bridge/session.ts';
import { monthLabel, type ChronicleEntry } from '../engine/index.ts';
import { h } from '../ui/dom.ts';
import { openModal } from '../ui/modal.ts';
import { announce } from '../ui/root.ts';
import { newsAnnouncement, renderNews } from '../ui/screens/news.ts';
import type { Visible } from '../ui/privacy.ts';
import { SCENES } from './keys.ts';

export interface NewsData {
  entries: ChronicleEntry[];
  /** The meters the player at the screen may see. */
  visible: Visible;
  onDone: () => void;
}

/** Runs over the play scene between months: the news as a window, then back to the game. */
export class NewsScene extends Phaser.Scene {
  constructor() {
    super(SCENES.news);
  }

  create(data: NewsData): void {
    const session = currentSession();
    if (!session) {
      this.scene.stop();
      return;
    }
    const state = session.state;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.scene.stop();
      data.onDone();
    };
    const month = (turn: number) => monthLabel(session.scenario.start, turn);
    const ended = data.entries[0]?.turn ?? state.turn;
    const modal = openModal({
      // events close the month that ended; delayed outcomes open the next one
      title:
        state.turn > ended
          ? `News: ${month(ended)} ends, ${month(state.turn)} begins`
          : `News: ${month(ended)}`,
      body: h(
        'div',
        {},
        // the new month, large: decorative, the window's title says it in words
        state.turn > ended ? h('p', { class: 'month-turn', 'aria-hidden': 'true' }, month(state.turn)) : null,
        renderNews(session.rules, data.entries, data.visible),
      ),
      className: 'news-dialog',
      closeLabel: 'Continue',
      closePrimary: true,
      onClose: finish,
    });
    // Continue first: reading the news is optional, moving on should be one key away
    modal.element.querySelector<HTMLElement>('.modal-actions button.modal-close')?.focus();
    announce(newsAnnouncement(data.entries));
  }
}
