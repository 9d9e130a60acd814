// The game state: plain, serialisable data. Everything a game is lives here, the random
// generator included, so a state can be saved, hashed and replayed.
import type { Actor, EndResult, Role, Stage } from './vocabulary.ts';
import type { RandomState } from './random.ts';

/** The only kind of action: a role picks an option of a card in its hand, or answers an offer. */
export interface ChooseAction {
  type: 'choose';
  role: Role;
  card: string;
  option: string;
}
export type Action = ChooseAction;

/** An offer waiting for an answer: `card` is the other role's offer card. */
export interface PendingOffer {
  card: string;
  from: Role;
  /** The card whose option sent the offer. */
  via: string;
}

/** A delayed outcome waiting for its turn; it points into the scenario rather than copying it. */
export interface PendingOutcome {
  due: number;
  card: string;
  option: string;
  index: number;
  role: Role;
}

export type MeterChanges = Record<string, number>;

/** One line of the game's story, for the news, the timeline and the debrief. */
export interface ChronicleEntry {
  turn: number;
  kind: 'choice' | 'answer' | 'delayed' | 'event' | 'reaction' | 'ending';
  /** Card, event, reaction or ending id. */
  id: string;
  option?: string;
  role?: Role;
  actor?: Actor;
  title: string;
  /** What happened, in words from the scenario. */
  text: string;
  /** Net change of each meter this entry caused. */
  changes: MeterChanges;
  stage?: Stage;
}

export interface EndingReached {
  id: string;
  turn: number;
  result: Record<Role, EndResult>;
}

export interface GameState {
  scenarioId: string;
  seed: number;
  rng: RandomState;
  /** 1-based month number. */
  turn: number;
  phase: 'playing' | 'over';
  /** Whose move it is; null once the game is over. */
  active: Role | null;
  meters: Record<string, number>;
  stage: Stage;
  /** Every flag of the scenario, set or not. */
  flags: Record<string, boolean>;
  /** Times each card was played (dealt cards and answered offers); every card has an entry. */
  played: Record<string, number>;
  /** Every "card/option" pair, true once chosen. */
  chose: Record<string, boolean>;
  /** Turn an event or reaction last fired, 0 if never. */
  fired: Record<string, number>;
  hands: Record<Role, string[]>;
  /** Whether each role has played its card for this turn. */
  done: Record<Role, boolean>;
  offers: PendingOffer[];
  pending: PendingOutcome[];
  /** What happened between the last turn and this one: delayed outcomes, events, reactions. */
  news: ChronicleEntry[];
  chronicle: ChronicleEntry[];
  /** Meter values at the start of each turn (index 0 = turn 1), and at the end of the game. */
  timeline: Record<string, number>[];
  /** Points from objectives met, as of the start of this month (and final once the game ends). */
  score: Record<Role, number>;
  ending: EndingReached | null;
  log: Action[];
}
