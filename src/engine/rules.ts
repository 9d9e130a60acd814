// A scenario indexed once for fast look-ups: the engine reads rules, never raw lists, on hot paths.
import type {
  Card,
  Ending,
  GameEvent,
  MeterDef,
  Objective,
  Option,
  Reaction,
  Scenario,
} from '../scenario/schema.ts';
import type { Role } from './vocabulary.ts';

export interface Rules {
  readonly scenario: Scenario;
  readonly cards: ReadonlyMap<string, Card>;
  readonly options: ReadonlyMap<string, Option>; // key "card/option"
  readonly cardsByRole: Readonly<Record<Role, readonly Card[]>>;
  readonly meters: ReadonlyMap<string, MeterDef>;
  readonly meterIds: readonly string[];
  readonly events: readonly GameEvent[];
  readonly reactions: readonly Reaction[];
  readonly collapseEndings: readonly Ending[];
  readonly finalEndings: readonly Ending[];
  readonly endings: ReadonlyMap<string, Ending>;
  readonly objectives: Readonly<Record<Role, readonly Objective[]>>;
  readonly turnOrder: readonly Role[];
}

/** Indexes a scenario that has already passed validation. */
export function compileRules(scenario: Scenario): Rules {
  const cards = new Map<string, Card>();
  const options = new Map<string, Option>();
  for (const card of scenario.cards) {
    cards.set(card.id, card);
    for (const option of card.options) options.set(`${card.id}/${option.id}`, option);
  }
  const playable = scenario.roles;
  const order = (scenario.turnOrder ?? ['kim', 'putin']).filter((r) => playable.includes(r));
  return {
    scenario,
    cards,
    options,
    cardsByRole: {
      kim: scenario.cards.filter((c) => c.role === 'kim' && !c.offer),
      putin: scenario.cards.filter((c) => c.role === 'putin' && !c.offer),
    },
    meters: new Map(Object.entries(scenario.meters)),
    meterIds: Object.keys(scenario.meters),
    events: scenario.events,
    reactions: scenario.reactions,
    collapseEndings: scenario.endings.filter((e) => e.kind === 'collapse'),
    finalEndings: scenario.endings.filter((e) => e.kind === 'final'),
    endings: new Map(scenario.endings.map((e) => [e.id, e])),
    objectives: {
      kim: scenario.objectives.filter((o) => o.role === 'kim'),
      putin: scenario.objectives.filter((o) => o.role === 'putin'),
    },
    turnOrder: order,
  };
}
