// What an option touches (shown before choosing: which meters, never by how much), and what it is
// expected to do (used by the simple policies, which must not peek at the dice).
import type { Option, Outcome } from '../scenario/schema.ts';

function addTouched(outcome: Outcome, into: Set<string>): void {
  for (const id in outcome.effects ?? {}) into.add(id);
  for (const branch of outcome.if ?? []) addTouched(branch, into);
}

/** Every meter the option may move: now, by chance or later. */
export function optionTouches(option: Option): string[] {
  const touched = new Set<string>();
  addTouched(option, touched);
  for (const branch of option.chances ?? []) addTouched(branch, touched);
  for (const delayed of option.later ?? []) addTouched(delayed, touched);
  return [...touched];
}

/** Whether the option moves the alliance track, sends an offer or works later. */
export function optionTraits(option: Option): {
  stage: boolean;
  offer: boolean;
  later: boolean;
  chance: boolean;
} {
  const stage = [option, ...(option.chances ?? []), ...(option.later ?? [])].some(
    (o) => o.stage || o.stageFallsTo,
  );
  return {
    stage,
    offer: option.offer !== undefined,
    later: (option.later?.length ?? 0) > 0,
    chance: !!option.chances,
  };
}
