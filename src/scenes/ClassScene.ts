import { content, loadScenario } from '../bridge/content.ts';
import type { ClassSession, ResultSource } from '../classroom/index.ts';
import { setKeymap } from '../ui/keys.ts';
import { scenarioFileOpener } from '../ui/screens/openScenario.ts';
import { copyText } from '../ui/replayActions.ts';
import { h } from '../ui/dom.ts';
import { announce, showScreen } from '../ui/root.ts';
import { freshSeed } from './flow.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './mapHost.ts';
import { HtmlScene } from './router.ts';
import { startLiveTeacher } from './liveEntry.ts';
import { dashboardScreen } from './dashboardScreen.ts';

export interface ClassData {
  /** The teacher's way in: prepare a session, or read the class's results. */
  view: 'setup' | 'results';
  /** Back from a replay: the results read so far (the dashboard opens on them again). */
  inputs?: ResultSource[];
}

/**
 * The teacher's screens: preparing a class session (code, link, printable handout) and the class
 * dashboard over the results the students handed in. The classroom code loads only here.
 */
export class ClassScene extends HtmlScene {
  private inputs: ResultSource[] = [];

  constructor() {
    super(SCENES.classroom);
  }

  create(data?: ClassData): void {
    mapHost.scene?.fit(null);
    mapHost.scene?.setTints({});
    setKeymap([]);
    this.inputs = data?.inputs ?? [];
    showScreen(h('main', { class: 'page' }, h('p', { class: 'page-inner muted' }, 'Loading…')));
    if (data?.view === 'results') void this.showResults();
    else void this.showSetup();
  }

  private back = (): void => {
    this.scene.start(SCENES.title);
  };

  // ------------------------------------------------------------------------------------------
  // Preparing a session

  private async showSetup(initial?: Partial<ClassSession>): Promise<void> {
    const { renderClassSetup } = await import('../ui/screens/classSetup.ts');
    if (!this.scene.isActive()) return;
    showScreen(
      renderClassSetup({
        scenarios: content.scenarios.map((s) => s.cover),
        hashes: Object.fromEntries(content.scenarios.map((s) => [s.cover.id, s.hash])),
        freshSeed,
        ...(initial ? { initial } : {}),
        onCreate: (session) => void this.showReady(session),
        onBack: this.back,
        // a scenario file opened here is listed, and chosen, for the session
        scenarioExtra: scenarioFileOpener(
          'class',
          (id) => void this.showSetup({ ...initial, scenarioId: id }),
        ).element,
      }),
    );
  }

  private async showReady(session: ClassSession): Promise<void> {
    const [{ encodeSessionCode, sessionLink }, { renderSessionReady }] = await Promise.all([
      import('../classroom/index.ts'),
      import('../ui/screens/sessionReady.ts'),
    ]);
    if (!this.scene.isActive()) return;
    const code = encodeSessionCode(session);
    const link = sessionLink(`${location.origin}${location.pathname}`, session);
    const title =
      content.scenarios.find((s) => s.cover.id === session.scenarioId)?.cover.title ?? session.scenarioId;
    showScreen(
      renderSessionReady({
        session,
        code,
        link,
        scenarioTitle: title,
        onPrintHandout: () => void this.showHandout(session, code, link),
        onCopyLink: () => void copyText(link),
        onOpenDashboard: () => void this.showResults(),
        onRunLive: () => this.runLive(session),
        onBack: this.back,
      }),
    );
    announce(`The class code is ${code}.`);
  }

  /** Creates the live session on this page's server, then opens the teacher's live view. */
  private async runLive(session: ClassSession): Promise<string | null> {
    const [{ createLiveSession }, { teacherFragment }] = await Promise.all([
      import('../live/client.ts'),
      import('../live/teacherLink.ts'),
    ]);
    const made = await createLiveSession(session);
    if (!made.ok) return made.message;
    if (!this.scene.isActive()) return null;
    const fragment = teacherFragment(made.value.sessionId, made.value.teacherSecret);
    history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
    await startLiveTeacher(this, { fragment });
    return null;
  }

  private async showHandout(session: ClassSession, code: string, link: string): Promise<void> {
    const [{ renderHandout }, load] = await Promise.all([
      import('../ui/screens/handout.ts'),
      loadScenario(session.scenarioId),
    ]);
    if (!this.scene.isActive() || !load.ok) return;
    showScreen(
      renderHandout({
        scenario: load.loaded.scenario,
        session,
        code,
        link,
        paragraph: (id) => content.paragraph(id),
        onPrint: () => window.print(),
        onBack: () => void this.showReady(session),
      }),
    );
  }

  // ------------------------------------------------------------------------------------------
  // The class's results

  /** The dashboard over the results read so far, or the loader when there are none (or more are wanted). */
  private async showResults(more = false): Promise<void> {
    if (!more && this.inputs.length > 0) {
      await this.read([]);
      return;
    }
    const { renderResultsLoader } = await import('../ui/screens/resultsLoader.ts');
    if (!this.scene.isActive()) return;
    const problem = h('p', { class: 'field-error', role: 'alert' });
    const page = h(
      'main',
      { class: 'page class-results-page' },
      h(
        'div',
        { class: 'page-inner' },
        h('h1', {}, 'The class’s results'),
        h(
          'p',
          { class: 'lede' },
          'Load the results your students handed in: their files (many at once, or a whole folder) or the codes they pasted. Each is checked; one that cannot be read is named and the others still count.',
        ),
        problem,
      ),
    );
    const loader = renderResultsLoader(
      {
        onInputs: (inputs) => void this.read(inputs),
        onProblem: (message) => (problem.textContent = message),
      },
      page,
    );
    page.firstElementChild!.append(
      loader,
      h('p', {}, h('button', { type: 'button', onclick: this.back }, 'Back to the title')),
    );
    showScreen(page);
  }

  /** Reads `more` with everything read before, then shows the dashboard (or why it cannot). */
  private async read(more: ResultSource[]): Promise<void> {
    const classroom = await import('../classroom/index.ts');
    const inputs = [...this.inputs, ...more];
    for (const id of classroom.resultScenarioIds(inputs)) await loadScenario(id);
    if (!this.scene.isActive()) return;
    const parsed = classroom.parseResults(inputs, content);
    const first = parsed.results[0];
    if (!first) {
      const why = parsed.errors.map((e) => `${e.name}: ${e.message}`).join(' ');
      showScreen(
        h(
          'main',
          { class: 'page' },
          h(
            'div',
            { class: 'page-inner' },
            h('h1', {}, 'No result could be counted'),
            h('p', { role: 'alert' }, why || 'Nothing was loaded.'),
            h(
              'button',
              { type: 'button', class: 'primary', onclick: () => void this.showResults() },
              'Try again',
            ),
            h('button', { type: 'button', onclick: this.back }, 'Back to the title'),
          ),
        ),
      );
      this.inputs = [];
      return;
    }
    this.inputs = inputs;
    const screen = await dashboardScreen({
      scene: this,
      parsed,
      back: { scene: SCENES.classroom, data: { view: 'results', inputs } },
      onLoadMore: () => void this.showResults(true),
      onBack: this.back,
    });
    if (!this.scene.isActive() || !screen) return;
    showScreen(screen.element);
    announce(
      `${parsed.results.length} results counted${parsed.errors.length ? `, ${parsed.errors.length} could not be read` : ''}.`,
    );
  }
}
