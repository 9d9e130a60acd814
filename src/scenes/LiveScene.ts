import * as Phaser from 'phaser';
import { loadScenario } from '../bridge/content.ts';
import { currentSession, endSession, useSession } from '../bridge/session.ts';
import type { Scenario } from '../scenario/schema.ts';
import { setKeymap } from '../ui/keys.ts';
import { openModal } from '../ui/modal.ts';
import { h } from '../ui/dom.ts';
import { announce, showNotice, showScreen } from '../ui/root.ts';
import { ROLE_NAMES, renderBriefing } from '../ui/screens/briefing.ts';
import type { JoinAnswer, StudentStatus, ViewMessage, WelcomeMessage } from '../live/protocol.ts';
import type { LiveLink } from '../live/client.ts';
import type { LiveSession } from '../live/liveSession.ts';
import { forgetLive, rememberLive } from '../live/resume.ts';
import { setClass } from './flow.ts';
import { cannotOpenPage, showSending } from '../ui/screens/liveStudent.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './mapHost.ts';

/** The statuses in which the student's game is on screen. */
const PLAYING = new Set<StudentStatus>(['playing', 'paused', 'finished']);

export interface LiveData {
  /** The join code as the student typed it, and what the server said it opens. */
  code: string;
  answer: JoinAnswer;
  /** A first join: the student's name or team (and number, in half and half). Absent: a rejoin by token. */
  name?: string;
  number?: number;
}

/**
 * A student's way into a live class: joins the room (or comes back to it with the stored token),
 * waits for the teacher or a partner, shows the briefing, then hands the game to the play scene.
 * The connection outlives this scene: the banner, the pause cover and the end of the session are
 * watched for as long as the game is played.
 */
export class LiveScene extends Phaser.Scene {
  constructor() {
    super(SCENES.live);
  }

  create(data: LiveData): void {
    mapHost.scene?.fit(null);
    mapHost.scene?.setTints({});
    setKeymap([]);
    endSession();
    setClass(null);
    showScreen(h('main', { class: 'page' }, h('p', { class: 'page-inner muted' }, 'Joining the class…')));
    void this.connect(data);
  }

  private problem(message: string): void {
    showScreen(
      cannotOpenPage('This live class cannot be joined', message, () => this.scene.start(SCENES.title)),
    );
  }

  private async connect(data: LiveData): Promise<void> {
    const [client, load, student, live] = await Promise.all([
      import('../live/client.ts'),
      loadScenario(data.answer.scenarioId),
      import('../ui/screens/liveStudent.ts'),
      import('../live/liveSession.ts'),
    ]);
    if (!this.scene.isActive()) return;
    if (!load.ok) {
      this.problem(load.message);
      return;
    }
    const scenario = load.loaded.scenario;
    const sessionId = data.answer.sessionId;
    let token = data.name === undefined ? client.storedToken(sessionId) : null;
    if (data.name === undefined && token === null) {
      this.problem('This device has no place in that class yet: join it with your name.');
      return;
    }
    const link = new client.LiveLink({
      sessionId,
      joinOptions: () =>
        token !== null
          ? { kind: 'student', code: data.code, token }
          : {
              kind: 'student',
              code: data.code,
              name: data.name ?? '',
              ...(data.number !== undefined ? { number: data.number } : {}),
            },
    });
    let welcome: WelcomeMessage | null = null;
    let status: StudentStatus = 'waiting-start';
    let started = false;
    const waiting = () => {
      if (!welcome || started || !this.scene.isActive()) return;
      showScreen(
        student.renderWaiting({
          name: welcome.name,
          role: welcome.role,
          scenarioTitle: scenario.title,
          classTitle: data.answer.title,
          status: status === 'waiting-partner' ? 'waiting-partner' : 'waiting-start',
          partner: welcome.partner,
          onLeave: () => {
            link.close();
            this.scene.start(SCENES.title);
          },
        }),
      );
    };
    let first: ViewMessage | null = null;
    // the game shows once the class plays (the server sends the game before the teacher starts it)
    const tryBegin = () => {
      if (started || !welcome || !first || !PLAYING.has(status)) return;
      started = true;
      this.begin(
        new live.LiveSession(link, welcome, scenario, first),
        scenario,
        first,
        data.name !== undefined,
      );
    };
    link.events.on('welcome', (w) => {
      welcome = w;
      rememberLive({ code: data.code, answer: data.answer });
      // (a rejoin's welcome carries no new token: the stored one stays)
      if (w.token !== '') {
        token = w.token;
        client.storeToken(sessionId, w.token);
      }
      // (what shows next comes with the status: waiting, or the game itself)
    });
    link.events.on('status', (s) => {
      status = s.status;
      student.showPaused(s.status === 'paused');
      if (s.status === 'ended' || s.status === 'removed') {
        client.forgetToken(sessionId);
        forgetLive();
        this.over(link, s.message);
        return;
      }
      if (s.status === 'waiting-partner' || s.status === 'waiting-start') waiting();
      tryBegin();
    });
    link.events.on('connection', ({ state, message }) => {
      if (state === 'reconnecting') student.showConnection('lost', message);
      else if (state === 'open') student.showConnection(welcome ? 'back' : 'none');
      else {
        student.clearLiveOverlays();
        // closed by the server's refusal, not by the student: say why
        if (state === 'closed' && message !== null && started) showNotice(message);
      }
    });
    link.events.on('view', (view) => {
      if (started) return; // the game's own views go to the game
      first = view;
      tryBegin();
    });
    const failed = await link.open();
    if (failed !== null) {
      // a token the server no longer knows (the session ended): forget it
      if (failed !== client.UNREACHABLE) {
        if (token !== null && data.name === undefined) client.forgetToken(sessionId);
        forgetLive();
      }
      if (this.scene.isActive()) this.problem(failed);
    }
  }

  /** The game has begun: the briefing on a first join, straight back into the game on a rejoin. */
  private begin(session: LiveSession, scenario: Scenario, view: ViewMessage, fresh: boolean): void {
    useSession(session);
    session.liveEvents.on('refused', (message) => showNotice(`Your move was not played: ${message}`));
    session.liveEvents.on('sending', (on) => showSending(on));
    if (!this.scene.isActive()) {
      // (the student left the waiting screen meanwhile)
      return;
    }
    if (!fresh && view.logLength > 0) {
      announce('Your game is back where you left it.');
      this.scene.start(SCENES.play);
      return;
    }
    const play = () => this.scene.start(SCENES.play);
    setKeymap([{ keys: ['Enter'], shown: 'Enter', action: 'Begin', run: play }]);
    const page = renderBriefing({
      scenario,
      humanRoles: session.humanRoles,
      seed: session.options.seed,
      onBegin: play,
      onBack: () => {
        endSession();
        this.scene.start(SCENES.title);
      },
    });
    const partner = view.partner;
    if (partner) {
      page
        .querySelector('.lede')
        ?.append(` Your partner, ${partner}, plays ${ROLE_NAMES[session.role === 'kim' ? 'putin' : 'kim']}.`);
    }
    showScreen(page);
  }

  /** The teacher ended the session or removed this student: say so, and back to the title. */
  private over(link: LiveLink, message: string): void {
    link.close();
    const game = currentSession();
    const finished = game?.state.phase === 'over';
    if (finished) return; // the debrief stays: the game is over anyway
    const modal = openModal({
      title: 'The live class is over',
      body: h('p', {}, message),
      closeLabel: 'Back to the title',
      closePrimary: true,
      onClose: () => {
        endSession();
        // whichever screen is up (waiting, playing, the news) gives way to the title
        for (const scene of this.game.scene.getScenes(true))
          if (scene.scene.key !== SCENES.map) scene.scene.stop();
        this.game.scene.start(SCENES.title);
      },
    });
    modal.element.querySelector<HTMLElement>('button')?.focus();
  }
}
