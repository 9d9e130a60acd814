// Development preview of the debrief (served by `npx vite`, never part of the production build):
// plays a whole game with the greedy policy on both sides, then renders the debrief.
// ?scenario=mini uses the test fixture; otherwise the first shipped scenario (or the fixture while
// none is shipped). ?seed=N, ?human=kim|putin|both, ?large=1, ?cb=1, ?open=source|help.
import '../src/styles/main.css';
import '../src/styles/debrief.css';
import miniText from '../tests/fixtures/mini.scenario.yaml?raw';
import { content, loadScenario } from '../src/bridge/content.ts';
import {
  applyAction,
  compileRules,
  greedyPolicy,
  monthLabel,
  newGame,
  type GameState,
  type Role,
  type Rules,
} from '../src/engine/index.ts';
import { parseScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { h } from '../src/ui/dom.ts';
import { openHelp } from '../src/ui/help.ts';
import { renderDebrief } from '../src/ui/screens/debrief.ts';
import { openSource } from '../src/ui/source.ts';

const params = new URLSearchParams(location.search);
if (params.get('large') === '1') document.documentElement.classList.add('large-text');
if (params.get('cb') === '1') document.documentElement.classList.add('cb-palette');

async function pickScenario(): Promise<Scenario> {
  if (params.get('scenario') !== 'mini' && content.scenarios.length > 0) {
    const wanted = params.get('scenario');
    const id = (content.scenarios.find((s) => s.cover.id === wanted) ?? content.scenarios[0]!).cover.id;
    const load = await loadScenario(id);
    if (!load.ok) throw new Error(load.message);
    return load.loaded.scenario;
  }
  const result = parseScenarioText(miniText, 'tests/fixtures/mini.scenario.yaml', {
    article: content.article,
    tradeoffs: content.tradeoffs,
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

function playOut(rules: Rules, seed: number): GameState {
  const policies = { kim: greedyPolicy(seed), putin: greedyPolicy(seed + 1) };
  let state = newGame(rules, seed);
  for (let step = 0; step < 1000 && state.phase === 'playing' && state.active; step++) {
    const action = policies[state.active].choose(rules, state);
    if (!action) break;
    const result = applyAction(rules, state, action);
    if (!result.ok) throw new Error(result.message);
    state = result.state;
  }
  return state;
}

const KEYS = [
  { keys: '1 / 2 / 3', action: 'Pick the first, second or third option of the card in focus' },
  { keys: 'Tab / Shift+Tab', action: 'Move between cards, options and buttons' },
  { keys: 'S', action: 'Open the source of the card in focus' },
  { keys: 'M', action: 'Change the meter the map is tinted by' },
  { keys: 'Enter', action: 'Continue past the news' },
  { keys: '?', action: 'Show this help' },
  { keys: 'Esc', action: 'Close a dialog' },
];

const scenario = await pickScenario();
const rules = compileRules(scenario);
const seed = Number(params.get('seed') ?? 1);
const state = playOut(rules, seed);
const human = params.get('human') ?? 'kim';
const humanRoles: Role[] = human === 'both' ? ['kim', 'putin'] : human === 'putin' ? ['putin'] : ['kim'];
const ui = document.getElementById('ui')!;
const log = (what: string) => () => console.info(`[preview] ${what}`);

function firstSourcedCard() {
  const played = state.chronicle.find((e) => e.kind === 'choice' && rules.cards.get(e.id)?.quote);
  return rules.cards.get(played?.id ?? '') ?? scenario.cards.find((c) => c.quote) ?? scenario.cards[0]!;
}

function showSource(): void {
  const card = firstSourcedCard();
  openSource({
    title: card.title,
    paragraphs: card.paragraphs,
    quote: card.quote,
    tradeoffs: card.tradeoffs,
  });
}

const page = renderDebrief({
  rules,
  state,
  humanRoles,
  monthLabel: (turn) => monthLabel(scenario.start, turn),
  onPlayAgain: log('play again'),
  onSwapRole: log('swap role'),
  onTitle: log('back to title'),
  onWatch: log('watch the replay'),
  onDownload: log('save as a file'),
  onShare: log('share a link'),
});
const toolbar = h(
  'aside',
  { class: 'dev-toolbar', 'aria-label': 'Preview tools' },
  h('span', { class: 'muted' }, `Preview · ${scenario.id} · seed ${seed}`),
  h('button', { type: 'button', onclick: showSource }, 'Open a source'),
  h('button', { type: 'button', onclick: () => openHelp(KEYS) }, 'Keyboard help'),
);
const inner = page.querySelector('.page-inner')!;
inner.parentElement!.insertBefore(toolbar, inner);
ui.append(page);
page.querySelector('h1')?.focus();

document.addEventListener('keydown', (event) => {
  if (event.key === '?' && !document.querySelector('dialog[open]')) openHelp(KEYS);
});

const open = params.get('open');
if (open === 'source') showSource();
if (open === 'help') openHelp(KEYS);

const style = document.createElement('style');
style.textContent = `.dev-stage { background: radial-gradient(circle at 30% 30%, #24405e, #0d1520 70%); }
.dev-toolbar { max-width: 76rem; margin: 0 auto 1rem; display: flex; gap: 0.6rem; align-items: center;
  flex-wrap: wrap; font-size: 0.85rem; }
.dev-toolbar span { margin-right: auto; }`;
document.head.append(style);
