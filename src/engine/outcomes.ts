// Applies an outcome (meter changes, flags, stage moves) to a draft state.
import type { Outcome } from '../scenario/schema.ts';
import { holds } from './conditions.ts';
import type { Rules } from './rules.ts';
import type { GameState, MeterChanges } from './state.ts';
import { stageIndex } from './vocabulary.ts';

/**
 * Applies `outcome` to `draft` and adds the net meter changes to `changes`; returns the texts of
 * every part that applied. Conditional parts (`if`) are judged on the state before any of the
 * outcome applies, so an outcome's own effects never decide which of its parts count.
 */
export function applyOutcome(
  rules: Rules,
  draft: GameState,
  outcome: Outcome,
  changes: MeterChanges,
): string[] {
  const parts: Outcome[] = [];
  collect(rules, draft, outcome, parts);
  const texts: string[] = [];
  for (const part of parts) {
    applyPart(rules, draft, part, changes);
    if (part.text) texts.push(part.text);
  }
  return texts;
}

function collect(rules: Rules, state: GameState, outcome: Outcome, into: Outcome[]): void {
  into.push(outcome);
  if (!outcome.if) return;
  for (const branch of outcome.if) {
    if (holds(rules, state, branch.when)) collect(rules, state, branch, into);
  }
}

function applyPart(rules: Rules, draft: GameState, part: Outcome, changes: MeterChanges): void {
  if (part.effects) {
    for (const id in part.effects) {
      const def = rules.meters.get(id);
      if (!def) continue; // validation guarantees every meter exists
      const before = draft.meters[id]!;
      const after = Math.min(def.max, Math.max(def.min, before + part.effects[id]!));
      if (after !== before) {
        draft.meters[id] = after;
        changes[id] = (changes[id] ?? 0) + (after - before);
      }
    }
  }
  if (part.flags) for (const f of part.flags) draft.flags[f] = true;
  if (part.clearFlags) for (const f of part.clearFlags) draft.flags[f] = false;
  if (part.stage && stageIndex(part.stage) > stageIndex(draft.stage)) draft.stage = part.stage;
  if (part.stageFallsTo && stageIndex(part.stageFallsTo) < stageIndex(draft.stage))
    draft.stage = part.stageFallsTo;
}
