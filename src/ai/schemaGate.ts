// The worker protocol's scenario gate for Node (tests and tools): the full scenario schema.
// Kept apart from protocol.ts so the page's worker, which trusts only the scenarios it was built
// with, does not download the schema library.
import { ScenarioSchema } from '../scenario/schema.ts';
import type { ScenarioGate } from './protocol.ts';

export const schemaGate: ScenarioGate = (scenario) => {
  const parsed = ScenarioSchema.safeParse(scenario);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: 'it does not match the scenario format' };
};
