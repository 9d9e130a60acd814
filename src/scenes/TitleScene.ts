import { content, loadScenario } from '../bridge/content.ts';
import {
  currentSaveId,
  forgetCurrent,
  listSavedGames,
  removeSavedGame,
  savedClass,
  type SavedClass,
} from '../bridge/saveList.ts';
import type { LoadedReplay } from '../persist/readReplay.ts';
import { h } from '../ui/dom.ts';
import { setKeymap } from '../ui/keys.ts';
import { openModal } from '../ui/modal.ts';
import { announce, showNotice, showScreen } from '../ui/root.ts';
import { replayFileOpener } from '../ui/screens/replayFileOpener.ts';
import { classroomPanel } from '../ui/screens/classStudent.ts';
import type { ClassSession } from '../classroom/session.ts';
import { renderTitle } from '../ui/screens/title.ts';
import { isScenarioFileName, scenarioFileOpener } from '../ui/screens/openScenario.ts';
import { freshSeed, lastTitleChoice, leaveGame, rememberChoice, setClass } from './choice.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './mapHost.ts';
import type { ReplayData } from './ReplayScene.ts';
import { startLiveStudent, startLiveTeacher } from './liveEntry.ts';
import { currentLive, forgetLive } from '../live/resume.ts';

import { HtmlScene } from './router.ts';

/** The first title of the page's life opens a shared link, or the game left in progress. */
let firstVisit = true;
/** A shared link of a scenario file not open yet: it opens once that file is opened. */
let waitingLink: { text: string; scenarioId: string } | null = null;

/** Opening saves, files and links, and resuming a game: loaded when first needed (with the engine). */
const opening = () => import('../bridge/opening.ts');

/** An HTML screen (router.ts): it appears and works before Phaser has loaded. */
export class TitleScene extends HtmlScene {
  private page: HTMLElement | null = null;

  constructor() {
    super(SCENES.title);
  }

  /** `opened`: a scenario file just opened, to be chosen on the rebuilt title. */
  create(data?: { opened?: string }): void {
    leaveGame();
    // coming back here from a game means leaving it: a reload should not drop the player back in
    if (!firstVisit) {
      forgetCurrent();
      forgetLive();
    }
    mapHost.scene?.fit(null);
    mapHost.scene?.setTints({});
    setKeymap([]);
    this.page = renderTitle({
      scenarios: content.scenarios.map((s) => s.cover),
      initial: { ...lastTitleChoice(), ...(data?.opened ? { scenarioId: data.opened } : {}) },
      freshSeed,
      onStart: async (choice) => {
        const load = await loadScenario(choice.scenarioId);
        if (!load.ok) return load.message;
        // the player may have left the title (a key, the browser's back) while it loaded
        if (!this.scene.isActive()) return null;
        setClass(null);
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
    } else if (data?.opened && waitingLink?.scenarioId === data.opened) {
      const { text } = waitingLink;
      waitingLink = null;
      void opening()
        .then(({ readReplay }) => readReplay(text))
        .then((loaded) => {
          if (loaded.ok && this.scene.isActive()) this.watch(loaded);
        });
    }
  }

  /** A share link in the address opens its replay; otherwise the game left in progress resumes. */
  private async openOnArrival(): Promise<void> {
    if (location.hash.startsWith('#live-teacher=')) {
      // the teacher's private link: the live view (the fragment stays, so a reload comes back)
      void startLiveTeacher(this, { fragment: location.hash });
      return;
    }
    if (location.hash.startsWith('#live=')) {
      const code = decodeURIComponent(location.hash.slice('#live='.length)).slice(0, 20);
      history.replaceState(null, '', location.pathname + location.search);
      const input = this.page?.querySelector<HTMLInputElement>('#class-code');
      if (input) {
        input.value = code;
        input.closest('form')?.requestSubmit();
      }
      return;
    }
    if (location.hash.startsWith('#class=')) {
      const { parseSessionLink } = await import('../classroom/sessionLink.ts');
      const read = parseSessionLink(location.hash, content);
      history.replaceState(null, '', location.pathname + location.search);
      if (!this.scene.isActive()) return;
      if (read.ok) await this.askWhoPlays(read.session);
      else this.problem(`This class link does not open a class. ${read.message}`);
      return;
    }
    if (location.hash.startsWith('#replay=')) {
      const { fragmentToReplayText } = await import('../persist/link.ts');
      const unpacked = fragmentToReplayText(location.hash);
      const loaded = unpacked.ok ? await (await opening()).readReplay(unpacked.text) : unpacked;
      if (!this.scene.isActive()) return;
      if (loaded.ok) {
        this.watch(loaded);
        return;
      }
      history.replaceState(null, '', location.pathname + location.search);
      if (unpacked.ok && loaded.code === 'scenario-not-loaded') {
        const { replayScenarioId } = await import('../persist/readReplay.ts');
        const scenarioId = replayScenarioId(unpacked.text);
        if (scenarioId !== null) waitingLink = { text: unpacked.text, scenarioId };
      }
      this.problem(`This link does not open a game. ${loaded.message}`);
      return;
    }
    // a reload in the middle of a live class: back into it
    const live = currentLive();
    if (live) {
      await startLiveStudent(this, live);
      return;
    }
    const id = currentSaveId();
    if (id === null) return;
    const loaded = await (await opening()).loadSave(id);
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
    await this.resume(loaded, id);
  }

  private async resume(loaded: LoadedReplay, id: string): Promise<void> {
    const { choiceOf, resumeSave } = await import('./flow.ts');
    if (!this.scene.isActive()) return;
    setClass(null);
    const saved = savedClass(id);
    if (saved) void this.restoreClass(saved);
    const session = resumeSave(loaded, id);
    if (!session) return;
    rememberChoice(choiceOf(session));
    announce('Your game is back where you left it.');
    this.scene.start(SCENES.play);
  }

  /** A resumed class game gets its class back, so its result can still be handed in. */
  private async restoreClass(saved: SavedClass): Promise<void> {
    const { parseSessionCode } = await import('../classroom/session.ts');
    const read = parseSessionCode(saved.code, content);
    if (read.ok) setClass({ session: read.session, code: saved.code, label: saved.label });
  }

  private watch(loaded: LoadedReplay): void {
    const data: ReplayData = { loaded };
    this.scene.start(SCENES.replay, data);
  }

  private problem(message: string): void {
    const slot = this.page?.querySelector('.title-problem');
    if (slot) slot.textContent = message;
  }

  /**
   * Below the title's form: joining a class, opening a replay file (or dropping one on the page)
   * or a scenario file, at once; and the saved games above them once read (their code loads only
   * when there are some).
   */
  private fillExtras(): void {
    const page = this.page;
    const slot = page?.querySelector('.title-extras');
    if (!page || !slot) return;
    const scenarioOpener = scenarioFileOpener('title', (id) =>
      this.scene.start(SCENES.title, { opened: id }),
    );
    const opener = replayFileOpener(
      page,
      (text, name) => void this.openFile(text, name),
      (message) => this.problem(message),
      // a scenario file dropped on the page is opened as one, not read as a replay
      (file) => {
        if (!isScenarioFileName(file.name)) return false;
        void scenarioOpener.open(file);
        return true;
      },
    );
    const classroom = classroomPanel({
      onJoin: (code) => this.join(code),
      onTeacher: () => this.scene.start(SCENES.classroom, { view: 'setup' }),
      onDashboard: () => this.scene.start(SCENES.classroom, { view: 'results' }),
    });
    slot.replaceChildren(h('div', { class: 'saved-slot' }), classroom, opener, scenarioOpener.element);
    void this.listSaves();
  }

  /** The saved games (or why there are none to show), into their place above the extras. */
  private async listSaves(): Promise<void> {
    const page = this.page;
    const listed = await listSavedGames();
    const savedGames =
      listed.ok && listed.saves.length > 0 ? await import('../ui/screens/savedGames.ts') : null;
    // (the title may have been left, or drawn again, while the saves were read)
    const slot = this.page === page ? page?.querySelector('.title-extras .saved-slot') : null;
    if (!slot || !this.scene.isActive()) return;
    const panel = !listed.ok
      ? h('p', { class: 'muted small' }, listed.message)
      : (savedGames?.savedGamesPanel(listed.saves, {
          onContinue: (id) => void this.openSave(id, 'continue'),
          onWatch: (id) => void this.openSave(id, 'watch'),
          onDelete: (id) => this.confirmDelete(id),
        }) ?? null);
    slot.replaceChildren(...(panel ? [panel] : []));
  }

  /** A class code typed on the title (offline or live): the class, then who is playing. */
  private async join(code: string): Promise<string | null> {
    const { joinClass } = await import('./titleJoin.ts');
    return joinClass(this, code);
  }

  /** A class link opened on arrival: who is playing, then the class's game. */
  private async askWhoPlays(session: ClassSession): Promise<void> {
    const { askWhoPlays } = await import('./titleJoin.ts');
    askWhoPlays(this, session);
  }

  private async openSave(id: string, how: 'continue' | 'watch'): Promise<void> {
    this.problem('');
    const loaded = await (await opening()).loadSave(id);
    if (!this.scene.isActive()) return;
    if (!loaded.ok) {
      this.problem(`This saved game could not be opened. ${loaded.message}`);
      return;
    }
    if (how === 'watch') this.watch(loaded);
    else await this.resume(loaded, id);
  }

  private async openFile(text: string, name: string): Promise<void> {
    this.problem('');
    const loaded = await (await opening()).readReplay(text);
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
            const removed = removeSavedGame(id);
            modal.close();
            if (!removed.ok) this.problem(removed.message);
            if (currentSaveId() === id) forgetCurrent();
            void this.listSaves();
            announce(removed.ok ? 'The saved game is deleted.' : removed.message);
          },
        },
      ],
    });
  }
}
