import * as Phaser from 'phaser';
import { content, loadScenario } from '../bridge/content.ts';
import {
  currentSaveId,
  forgetCurrent,
  loadSave,
  readReplay,
  savedClass,
  saveStore,
  type SavedClass,
} from '../bridge/saving.ts';
import { endSession } from '../bridge/session.ts';
import { replayScenarioId, type LoadedReplay } from '../persist/index.ts';
import { h } from '../ui/dom.ts';
import { setKeymap } from '../ui/keys.ts';
import { openModal } from '../ui/modal.ts';
import { announce, showNotice, showScreen } from '../ui/root.ts';
import { replayFileOpener, savedGamesPanel } from '../ui/screens/savedGames.ts';
import { classroomPanel } from '../ui/screens/classStudent.ts';
import { MAX_LABEL_LENGTH } from '../classroom/text.ts';
import type { ClassSession } from '../classroom/session.ts';
import { renderTitle } from '../ui/screens/title.ts';
import { isScenarioFileName, scenarioFileOpener } from '../ui/screens/openScenario.ts';
import {
  choiceOf,
  freshSeed,
  lastTitleChoice,
  rememberChoice,
  resumeSave,
  setClass,
  stopSaving,
} from './flow.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './MapScene.ts';
import type { ReplayData } from './ReplayScene.ts';

/** The first title of the page's life opens a shared link, or the game left in progress. */
let firstVisit = true;
/** A shared link of a scenario file not open yet: it opens once that file is opened. */
let waitingLink: { text: string; scenarioId: string } | null = null;

export class TitleScene extends Phaser.Scene {
  private page: HTMLElement | null = null;

  constructor() {
    super(SCENES.title);
  }

  /** `opened`: a scenario file just opened, to be chosen on the rebuilt title. */
  create(data?: { opened?: string }): void {
    stopSaving();
    endSession();
    // coming back here from a game means leaving it: a reload should not drop the player back in
    if (!firstVisit) forgetCurrent();
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
      void readReplay(text).then((loaded) => {
        if (loaded.ok && this.scene.isActive()) this.watch(loaded);
      });
    }
  }

  /** A share link in the address opens its replay; otherwise the game left in progress resumes. */
  private async openOnArrival(): Promise<void> {
    if (location.hash.startsWith('#class=')) {
      const { parseSessionLink } = await import('../classroom/sessionLink.ts');
      const read = parseSessionLink(location.hash, content);
      history.replaceState(null, '', location.pathname + location.search);
      if (!this.scene.isActive()) return;
      if (read.ok) this.askWhoPlays(read.session);
      else this.problem(`This class link does not open a class. ${read.message}`);
      return;
    }
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
      if (unpacked.ok && loaded.code === 'scenario-not-loaded') {
        const scenarioId = replayScenarioId(unpacked.text);
        if (scenarioId !== null) waitingLink = { text: unpacked.text, scenarioId };
      }
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
    const scenarioOpener = scenarioFileOpener('title', (id) => this.scene.restart({ opened: id }));
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
    slot.replaceChildren(
      ...[panel, classroom, opener, scenarioOpener.element].filter((x): x is HTMLElement => x !== null),
    );
  }

  /** A class code typed on the title: the class's session, then who is playing. */
  private async join(code: string): Promise<string | null> {
    const { parseSessionCode } = await import('../classroom/session.ts');
    const read = parseSessionCode(code, content);
    if (!read.ok) return read.message;
    if (this.scene.isActive()) this.askWhoPlays(read.session);
    return null;
  }

  /** Asks the student's name or team (and, where it decides the side, their number), then starts. */
  private askWhoPlays(session: ClassSession): void {
    const byNumber = session.roles === 'half-and-half';
    const name = h('input', {
      type: 'text',
      id: 'class-label',
      maxlength: MAX_LABEL_LENGTH,
      autocomplete: 'off',
    });
    const number = h('input', { type: 'number', id: 'class-number', min: 1, step: 1, inputmode: 'numeric' });
    const error = h('p', { class: 'field-error', role: 'alert' });
    const title =
      content.scenarios.find((s) => s.cover.id === session.scenarioId)?.cover.title ?? session.scenarioId;
    const body = h(
      'div',
      { class: 'class-who' },
      h(
        'p',
        {},
        `${session.title ? `${session.title}: ` : ''}${title}. Everyone in the class plays the same world.`,
      ),
      h('label', { for: 'class-label' }, 'Your name or team'),
      name,
      byNumber
        ? h(
            'div',
            {},
            h(
              'label',
              { for: 'class-number' },
              'Your number on the class list (optional: odd numbers play Kim, even numbers Putin; without it your name decides)',
            ),
            number,
          )
        : null,
      error,
    );
    const start = async () => {
      // joining needs the session and role rules only, not the results' compression library
      const [{ roleFor }, { encodeSessionCode }] = await Promise.all([
        import('../classroom/roles.ts'),
        import('../classroom/session.ts'),
      ]);
      const label = name.value.trim();
      if (label === '' || label.length > MAX_LABEL_LENGTH) {
        error.textContent = `Type your name or your team's, up to ${MAX_LABEL_LENGTH} characters.`;
        name.focus();
        return;
      }
      const n = number.value.trim() === '' ? null : Number(number.value);
      if (byNumber && n !== null && (!Number.isSafeInteger(n) || n < 1)) {
        error.textContent = 'Your number on the class list is a whole number from 1.';
        number.focus();
        return;
      }
      const side = roleFor(session, n ?? label);
      const load = await loadScenario(session.scenarioId);
      if (!load.ok) {
        error.textContent = load.message;
        return;
      }
      modal.close();
      if (!this.scene.isActive()) return;
      setClass({ session, code: encodeSessionCode(session), label });
      rememberChoice({
        scenarioId: session.scenarioId,
        role: side === 'putin' ? 'putin' : 'kim',
        mode: side === 'both' ? 'hotseat' : 'vs-computer',
        seed: session.seed,
        level: session.level,
        personalities: {},
      });
      this.scene.start(SCENES.briefing);
    };
    for (const field of [name, number])
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') void start();
      });
    const modal = openModal({
      title: 'Join the class',
      body,
      actions: [{ label: 'Play', primary: true, onClick: () => void start() }],
      closeLabel: 'Cancel',
    });
    name.focus();
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
