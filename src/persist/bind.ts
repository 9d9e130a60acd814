// The second step of reading a replay: joining it to its scenario, once that is at hand (the page
// loads each scenario on demand), and checking that every move names a card and option of it.
import type { Rules } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { isId, scenarioChanged } from './check.ts';
import type { ReplayFile } from './format.ts';
import { rulesFor, type ReplayLibrary } from './library.ts';
import type { ReplayError } from './replayError.ts';
import { fail } from './result.ts';
import { quoted } from './text.ts';

/** A replay whose every field checked out, with its scenario and that scenario's rules. */
export interface CheckedReplay {
  ok: true;
  replay: ReplayFile;
  scenario: Scenario;
  rules: Rules;
}

/** `replay` (read by check.ts, its scenario titled `title`) with its scenario, or why not. */
export function bindScenario(
  replay: ReplayFile,
  title: string,
  library: ReplayLibrary,
): CheckedReplay | ReplayError {
  const loaded = library.loaded(replay.scenario.id);
  if (!loaded) {
    return fail(
      'scenario-not-loaded',
      `The scenario "${title}" could not be loaded, so this replay cannot be played. Check the connection and try again.`,
    );
  }
  if (loaded.hash !== replay.scenario.hash) return scenarioChanged(title, replay.scenario.hash, loaded.hash);
  const rules = rulesFor(loaded.scenario);
  for (const [i, { card: cardId, option }] of replay.log.entries()) {
    // Checked here, so the engine's own messages (which quote ids) only ever quote the scenario's.
    const card = isId(cardId) ? rules.cards.get(cardId) : undefined;
    if (!card) return badMove(i, `names a card this scenario does not have (${quoted(cardId)})`);
    if (!isId(option) || !card.options.some((o) => o.id === option))
      return badMove(i, `names an option the card "${card.title}" does not have (${quoted(option)})`);
  }
  return { ok: true, replay, scenario: loaded.scenario, rules };
}

function badMove(index: number, problem: string): ReplayError {
  return fail('bad-log', `This replay is damaged: move ${index + 1} of the log ${problem}.`);
}
