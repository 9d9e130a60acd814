import * as Phaser from 'phaser';
import { content, loadScenario } from '../bridge/content.ts';
import { currentSaveId, forgetCurrent, loadSave, readReplay, saveStore } from '../bridge/saving.ts';
import { endSession } from '../bridge/session.ts';
import type { LoadedReplay } from '../persist/index.ts';
import { h } from '../ui/dom.ts';
import { setKeymap } from '../ui/keys.ts';
import { openModal } from '../ui/modal.ts';
import { announce, showNotice, showScreen } from '../ui/root.ts';
import { replayFileOpener, savedGamesPanel } from '../ui/screens/savedGames.ts';
import { renderTitle } from '../ui/screens/title.ts';
import { choiceOf, freshSeed, lastTitleChoice, rememberChoice, resumeSave, stopSaving } from './flow.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './MapScene.ts';
import type { ReplayData } from './ReplayScene.ts';

/** The first title of the page's life opens a shared link, or the game left in progress. */
let firstVisit = true;

export class TitleScene extends Phaser.Scene {
  private page: HTMLElement | null = null;

  constructor() {
    super(SCENES.title);
  }

  create(): void {
    stopSaving();
    endSession();
    // coming back here from a game means leaving it: a reload should not drop the player back in
    if (!firstVisit) forgetCurrent();
    mapHost.scene?.fit(null);
    mapHost.scene?.setTints({});
    setKeymap([]);
    this.page = renderTitle({
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
    });
    showScreen(this.page);
    this.fillExtras();
    if (firstVisit) {
      firstVisit = false;
      void this.openOnArrival();
    }
  }

  /** A share link in the address opens its replay; otherwise the game left in progress resumes. */
  private async openOnArrival(): Promise<void> {
    if (location.hash.startsWith('#replay=')) {
      const { fragmentToReplayText } = await import('../persist/link.ts');
      const unpacked = fragmentToReplayText(location.hash);
      const loaded = unpacked.ok ? await readReplay(unpacked.text) : unpacked;
      if (!this.scene.isActive()) return;
      if (loaded.ok) {
        this.watch(loaded);
        return;
      }
      history.replaceState(null, '', location.pathname + location.search);
      this.problem(`This link does not open a game. ${loaded.message}`);
      return;
    }
    const id = currentSaveId();
    if (id === null) return;
    const loaded = await loadSave(id);
    if (!this.scene.isActive()) return;
    if (!loaded.ok) {
      forgetCurrent();
      showNotice(`Your last game could not be picked up again: ${loaded.message}`);
      return;
    }
    if (loaded.states.at(-1)!.phase === 'over') {
      forgetCurrent();
      return;
    }
    this.resume(loaded, id);
  }

  private resume(loaded: LoadedReplay, id: string): void {
    const session = resumeSave(loaded, id);
    if (!session) return;
    rememberChoice(choiceOf(session));
    announce('Your game is back where you left it.');
    this.scene.start(SCENES.play);
  }

  private watch(loaded: LoadedReplay): void {
    const data: ReplayData = { loaded };
    this.scene.start(SCENES.replay, data);
  }

  private problem(message: string): void {
    const slot = this.page?.querySelector('.title-problem');
    if (slot) slot.textContent = message;
  }

  /** The saved games and the way to open a replay file. */
  private fillExtras(): void {
    const page = this.page;
    const slot = page?.querySelector('.title-extras');
    if (!page || !slot) return;
    const listed = saveStore().list();
    const panel = listed.ok
      ? savedGamesPanel(listed.saves, {
          onContinue: (id) => void this.openSave(id, 'continue'),
          onWatch: (id) => void this.openSave(id, 'watch'),
          onDelete: (id) => this.confirmDelete(id),
        })
      : h('p', { class: 'muted small' }, listed.message);
    const opener = replayFileOpener(
      page,
      (text, name) => void this.openFile(text, name),
      (message) => this.problem(message),
    );
    slot.replaceChildren(...[panel, opener].filter((x): x is HTMLElement => x !== null));
  }

  private async openSave(id: string, how: 'continue' | 'watch'): Promise<void> {
    this.problem('');
    const loaded = await loadSave(id);
    if (!this.scene.isActive()) return;
    if (!loaded.ok) {
      this.problem(`This saved game could not be opened. ${loaded.message}`);
      return;
    }
    if (how === 'watch') this.watch(loaded);
    else this.resume(loaded, id);
  }

  private async openFile(text: string, name: string): Promise<void> {
    this.problem('');
    const loaded = await readReplay(text);
    if (!this.scene.isActive()) return;
    if (!loaded.ok) {
      this.problem(`“${name.slice(0, 40)}” is not a replay this game can open. ${loaded.message}`);
      return;
    }
    this.watch(loaded);
  }

  private confirmDelete(id: string): void {
    const modal = openModal({
      title: 'Delete this saved game?',
      body: h('p', {}, 'It cannot be brought back. Replays saved as files are not affected.'),
      actions: [
        {
          label: 'Delete',
          primary: true,
          onClick: () => {
            const removed = saveStore().remove(id);
            modal.close();
            if (!removed.ok) this.problem(removed.message);
            if (currentSaveId() === id) forgetCurrent();
            this.fillExtras();
            announce(removed.ok ? 'The saved game is deleted.' : removed.message);
          },
        },
      ],
    });
  }
}
