// What the title screen shows of a scenario before it is loaded: its cover. The whole scenario is
// fetched only when a game of it starts (see vite-plugin.ts).
import type { Scenario } from './schema.ts';

export interface ScenarioCover {
  id: string;
  title: string;
  summary: string;
  start: string;
  turns: number;
  roles: Scenario['roles'];
  /** The computer's characters, to choose from on the title screen. */
  personalities: Pick<Scenario['personalities'][number], 'id' | 'role' | 'name' | 'description'>[];
}

export function scenarioCover(s: Scenario): ScenarioCover {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    start: s.start,
    turns: s.turns,
    roles: s.roles,
    personalities: s.personalities.map(({ id, role, name, description }) => ({
      id,
      role,
      name,
      description,
    })),
  };
}
