import * as Phaser from 'phaser';
import { content, loadScenario } from '../bridge/content.ts';
import type { ClassSession } from '../classroom/session.ts';
import { setKeymap } from '../ui/keys.ts';
import { h } from '../ui/dom.ts';
import { announce, showScreen } from '../ui/root.ts';
import { copyText } from '../ui/replayActions.ts';
import { readTeacherFragment } from '../live/teacherLink.ts';
import type { LiveLink } from '../live/client.ts';
import type { ResultsMessage, TeacherWelcomeMessage } from '../live/protocol.ts';
import type { LiveTeacherView } from '../ui/screens/liveTeacher.ts';
import { cannotOpenPage } from '../ui/screens/liveStudent.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './mapHost.ts';
import { dashboardScreen, type DashboardScreen } from './dashboardScreen.ts';

export interface LiveTeacherData {
  /** The teacher's link's fragment: "#live-teacher=SESSION.SECRET". */
  fragment: string;
}

/**
 * The teacher's live view, opened by the private teacher link: the roster as students join and
 * play, the class's controls, and the class dashboard over the games as they finish (the same
 * dashboard as for handed-in results, fed with the results the server sends).
 */
export class LiveTeacherScene extends Phaser.Scene {
  private link: LiveLink | null = null;

  constructor() {
    super(SCENES.liveTeacher);
  }

  create(data: LiveTeacherData): void {
    mapHost.scene?.fit(null);
    mapHost.scene?.setTints({});
    setKeymap([]);
    const read = readTeacherFragment(data?.fragment ?? '');
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.link?.close();
      this.link = null;
    });
    if (!read) {
      this.problem(
        'This teacher link is damaged: it should end with “#live-teacher=” and two codes joined by a dot.',
      );
      return;
    }
    // the address keeps the link, so a reload (or a bookmark) opens this view again
    if (location.hash !== data.fragment) history.replaceState(null, '', data.fragment);
    showScreen(
      h('main', { class: 'page' }, h('p', { class: 'page-inner muted' }, 'Connecting to the class…')),
    );
    void this.connect(read.sessionId, read.secret, data.fragment);
  }

  private problem(message: string): void {
    showScreen(cannotOpenPage('The live class cannot be opened', message, () => this.leave()));
  }

  private leave(): void {
    history.replaceState(null, '', location.pathname + location.search);
    this.scene.start(SCENES.title);
  }

  private async connect(sessionId: string, secret: string, fragment: string): Promise<void> {
    const [client, screens, protocol] = await Promise.all([
      import('../live/client.ts'),
      import('../ui/screens/liveTeacher.ts'),
      import('../live/protocol.ts'),
    ]);
    if (!this.scene.isActive()) return;
    const link = new client.LiveLink({ sessionId, joinOptions: () => ({ kind: 'teacher', secret }) });
    this.link = link;
    let view: LiveTeacherView | null = null;
    let session: ClassSession | null = null;
    let latest: ResultsMessage | null = null;
    let exports: DashboardScreen | null = null;

    link.events.on('teacher', (welcome: TeacherWelcomeMessage) => {
      if (view) return;
      session = welcome.session;
      const base = `${location.origin}${location.pathname}`;
      const scenarioTitle =
        content.scenarios.find((s) => s.cover.id === welcome.session.scenarioId)?.cover.title ??
        welcome.session.scenarioId;
      view = screens.renderLiveTeacher({
        joinCode: protocol.showJoinCode(welcome.joinCode),
        joinLink: `${base}#live=${protocol.showJoinCode(welcome.joinCode)}`,
        teacherLink: `${base}${fragment}`,
        classTitle: welcome.session.title ?? '',
        scenarioTitle,
        expires: new Date(welcome.expiresAt).toLocaleString(),
        pairs: welcome.session.roles === 'pairs',
        endingTitle: (id) =>
          content.loaded(welcome.session.scenarioId)?.scenario.endings.find((e) => e.id === id)?.title ?? id,
        onStart: () => link.send({ type: 'start', payload: undefined }),
        onPause: () => link.send({ type: 'pause', payload: undefined }),
        onResume: () => link.send({ type: 'resume', payload: undefined }),
        onEnd: () => link.send({ type: 'end', payload: undefined }),
        onRemove: (studentId) => link.send({ type: 'remove', payload: { studentId } }),
        onCsv: () => exports?.csv(),
        onCopy: (text) => void copyText(text),
        onBack: () => this.leave(),
      });
      view.setDashboard(null, 0);
      showScreen(view.element);
      void loadScenario(welcome.session.scenarioId);
      announce(`The join code is ${protocol.showJoinCode(welcome.joinCode)}.`);
      if (latest) void fill(latest);
    });
    link.events.on('roster', (roster) => view?.setRoster(roster));
    link.events.on('status', (s) => {
      if (s.status === 'ended') {
        link.close();
        view?.setConnection(`${s.message} The session is deleted from the server.`);
      }
    });
    link.events.on('error', (e) => view?.setConnection(e.message));
    link.events.on('connection', ({ state, message }) => {
      if (state === 'reconnecting')
        view?.setConnection(
          `Connection to the class server lost: trying again…${message ? ` (${message})` : ''}`,
        );
      else if (state === 'open') view?.setConnection(null);
      else if (message !== null) view?.setConnection(message);
    });

    // the class dashboard over the finished games: the existing reading and figures, fed by the server
    let filling = Promise.resolve();
    const fill = (message: ResultsMessage): Promise<void> => {
      filling = filling.then(async () => {
        if (!view || !session) return;
        const [classroom] = await Promise.all([
          import('../classroom/index.ts'),
          loadScenario(session.scenarioId),
        ]);
        const inputs = message.results.map((r) => ({ name: r.name, text: JSON.stringify(r.result) }));
        const parsed = classroom.parseResults(inputs, content, session);
        const screen = await dashboardScreen({
          scene: this,
          parsed,
          back: { scene: SCENES.liveTeacher, data: { fragment } },
          onBack: () => this.leave(),
        });
        exports = screen;
        if (!this.scene.isActive()) return;
        const scroll = document.querySelector('#ui .page')?.scrollTop ?? 0;
        view.setDashboard(screen?.element ?? null, message.results.length);
        const page = document.querySelector('#ui .page');
        if (page) page.scrollTop = scroll;
      });
      return filling;
    };
    link.events.on('results', (message) => {
      latest = message;
      void fill(message);
      if (message.final) {
        // the teacher ended the class: the server deletes it and closes every connection
        link.close();
        view?.ended();
        history.replaceState(null, '', location.pathname + location.search);
      }
    });

    const failed = await link.open();
    if (failed !== null && this.scene.isActive()) this.problem(failed);
  }
}
