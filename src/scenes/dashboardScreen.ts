// The class dashboard as a screen, over checked results: the figures (buildDashboard), each game
// one click from its replay, the two CSV exports and print. The teacher's results screen and the
// live view both show it; the classroom code loads with it.
import { content } from '../bridge/content.ts';
import { monthLabel } from '../engine/index.ts';
import type { ParsedResults } from '../classroom/index.ts';
import { downloadText } from '../ui/replayActions.ts';
import { SCENES } from './keys.ts';
import { startLazy, type SceneStarter } from './lazyScenes.ts';
import type { ReplayData } from './ReplayScene.ts';

export interface DashboardScreenOptions {
  /** The screen showing it (an HTML screen or a Phaser scene): it starts the replay viewer. */
  scene: SceneStarter;
  parsed: ParsedResults;
  /** Where the replay viewer's "back" returns. */
  back: NonNullable<ReplayData['back']>;
  onLoadMore?: () => void;
  onBack: () => void;
}

export interface DashboardScreen {
  element: HTMLElement;
  csv: () => void;
}

/** The dashboard of `parsed` (null when no result counts). */
export async function dashboardScreen(options: DashboardScreenOptions): Promise<DashboardScreen | null> {
  const { parsed } = options;
  const first = parsed.results[0];
  if (!first) return null;
  const [classroom, { renderDashboard }] = await Promise.all([
    import('../classroom/index.ts'),
    import('../ui/screens/classDashboard.ts'),
  ]);
  const dashboard = classroom.buildDashboard({
    scenario: first.scenario,
    results: parsed.results,
    session: parsed.session,
    tradeoffs: content.tradeoffs,
  });
  const csv = () =>
    downloadText(classroom.toCsv(dashboard), `${dashboard.scenario.id}-class.csv`, 'text/csv');
  const choicesCsv = () =>
    downloadText(classroom.choicesCsv(dashboard), `${dashboard.scenario.id}-choices.csv`, 'text/csv');
  const element = renderDashboard(
    dashboard,
    {
      parsed,
      paragraph: (id) => content.paragraph(id),
      monthLabel: (turn) => monthLabel(first.scenario.start, turn),
    },
    {
      onWatch: (index) => {
        const game = parsed.results[index];
        if (!game) return;
        const data: ReplayData = { loaded: { ok: true, ...game }, back: options.back };
        void startLazy(options.scene, SCENES.replay, data);
      },
      onCsv: csv,
      onChoicesCsv: choicesCsv,
      onPrint: () => window.print(),
      ...(options.onLoadMore ? { onLoadMore: options.onLoadMore } : {}),
      onBack: options.onBack,
    },
  );
  return { element, csv };
}
