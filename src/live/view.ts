// What one student's device may see of a live game: the state without the dice (the rng) and
// without anything of the rival's private meters (the scenario marks them: rules.meters[].private
// with another owner, as src/ui/privacy.ts hides them on a shared device) — not in the meters, the
// month-by-month timeline, the chronicle or the news — and without the rival's hand. The server
// sends nothing else of a game to a student. Pure: no Node, no DOM.
import type { ChronicleEntry, GameState, MeterChanges, Role, Rules } from '../engine/index.ts';
import { visibleTo } from '../ui/privacy.ts';

export type LiveView = Omit<GameState, 'rng' | 'hands'> & {
  /** Whose device this view is for. */
  viewer: Role;
  /** The viewer's own hand only. */
  hands: Partial<Record<Role, string[]>>;
};

function pick(
  record: Readonly<Record<string, number>>,
  keep: (id: string) => boolean,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(record)) if (keep(id)) out[id] = value;
  return out;
}

function entryFor(entry: ChronicleEntry, keep: (id: string) => boolean): ChronicleEntry {
  return { ...entry, changes: pick(entry.changes, keep) as MeterChanges };
}

/**
 * `state` as `viewer`'s device may see it. The state is not changed; what the view shares with it
 * (its flags, offers, log…) is the engine's frozen data, sent as it is.
 */
export function viewFor(rules: Rules, state: GameState, viewer: Role): LiveView {
  const keep = visibleTo(rules, viewer);
  const { rng: _rng, hands, meters, timeline, chronicle, news, ...rest } = state;
  return {
    ...rest,
    viewer,
    hands: { [viewer]: [...hands[viewer]] },
    meters: pick(meters, keep),
    timeline: timeline.map((t) => pick(t, keep)),
    chronicle: chronicle.map((e) => entryFor(e, keep)),
    news: news.map((e) => entryFor(e, keep)),
  };
}

/** The meter ids `viewer` must never receive (the rival's private meters). */
export function hiddenMeters(rules: Rules, viewer: Role): string[] {
  const keep = visibleTo(rules, viewer);
  return [...rules.meters.keys()].filter((id) => !keep(id));
}
