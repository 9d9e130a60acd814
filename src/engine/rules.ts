// A scenario indexed once for fast look-ups: the engine reads rules, never raw lists, on hot paths.
import type {
  Card,
  Condition,
  Ending,
  GameEvent,
  MeterDef,
  Objective,
  Option,
  Reaction,
  Scenario,
} from '../scenario/schema.ts';
import { compileCondition, type Test } from './conditions.ts';
import type { Role } from './vocabulary.ts';

/** A scenario item with its condition compiled. */
export interface Compiled<T> {
  readonly item: T;
  readonly when: Test;
}

/** A card with its own and its options' conditions compiled, options in the card's order. */
export interface CompiledCard extends Compiled<Card> {
  readonly options: readonly Test[];
}

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
  /** The same items with their conditions compiled, for the hot paths. */
  readonly compiled: {
    readonly cards: ReadonlyMap<string, CompiledCard>;
    readonly deck: Readonly<Record<Role, readonly CompiledCard[]>>;
    readonly events: readonly Compiled<GameEvent>[];
    readonly reactions: readonly Compiled<Reaction>[];
    readonly collapseEndings: readonly Compiled<Ending>[];
    readonly finalEndings: readonly Compiled<Ending>[];
    readonly objectives: Readonly<Record<Role, readonly Compiled<Objective>[]>>;
  };
  /**
   * Every flag, card, choice and event of the scenario with its starting value. A state's records
   * hold all of these keys from the start, in this order, so every state has the same shape
   * (which keeps look-ups fast) and the same JSON for the same facts.
   */
  readonly records: {
    readonly flags: Readonly<Record<string, boolean>>;
    readonly played: Readonly<Record<string, number>>;
    readonly chose: Readonly<Record<string, boolean>>;
    readonly fired: Readonly<Record<string, number>>;
  };
}

const FLAG_KEYS = new Set(['flags', 'notFlags', 'clearFlags']);

/** Every flag id the scenario sets, clears or reads, wherever it appears. */
function flagIds(value: unknown, into: Set<string>, key = ''): Set<string> {
  if (Array.isArray(value)) {
    if (FLAG_KEYS.has(key)) for (const v of value) if (typeof v === 'string') into.add(v);
    for (const v of value) flagIds(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flagIds(v, into, k);
  }
  return into;
}

function compile<T extends { when?: Condition | undefined }>(item: T): Compiled<T> {
  return { item, when: compileCondition(item.when) };
}

/** Indexes a scenario that has already passed validation. */
export function compileRules(scenario: Scenario): Rules {
  const cards = new Map<string, Card>();
  const options = new Map<string, Option>();
  for (const card of scenario.cards) {
    cards.set(card.id, card);
    for (const option of card.options) options.set(`${card.id}/${option.id}`, option);
  }
  const compiledCards = new Map<string, CompiledCard>(
    scenario.cards.map((card) => [
      card.id,
      { ...compile(card), options: card.options.map((o) => compileCondition(o.when)) },
    ]),
  );
  const deckOf = (role: Role) =>
    scenario.cards.filter((c) => c.role === role && !c.offer).map((c) => compiledCards.get(c.id)!);
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
    compiled: {
      cards: compiledCards,
      deck: { kim: deckOf('kim'), putin: deckOf('putin') },
      events: scenario.events.map(compile),
      reactions: scenario.reactions.map(compile),
      collapseEndings: scenario.endings.filter((e) => e.kind === 'collapse').map(compile),
      finalEndings: scenario.endings.filter((e) => e.kind === 'final').map(compile),
      objectives: {
        kim: scenario.objectives.filter((o) => o.role === 'kim').map(compile),
        putin: scenario.objectives.filter((o) => o.role === 'putin').map(compile),
      },
    },
    records: {
      flags: Object.fromEntries([...flagIds(scenario, new Set())].toSorted().map((f) => [f, false])),
      played: Object.fromEntries(scenario.cards.map((c) => [c.id, 0])),
      chose: Object.fromEntries([...options.keys()].map((k) => [k, false])),
      fired: Object.fromEntries([...scenario.events, ...scenario.reactions].map((e) => [e.id, 0])),
    },
  };
}
