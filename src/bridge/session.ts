// The one bridge between the view and the engine: it holds the game, applies actions through the
// engine and announces every change as a typed event. Scenes and HTML screens only read its state
// and call `choose`; no rule lives here or in the view.
import mitt from 'mitt';
import {
  applyAction,
  compileRules,
  greedyPolicy,
  newGame,
  type ChooseAction,
  type GameState,
  type Policy,
  type Rejection,
  type Role,
  type Rules,
} from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';

export type Seat = 'human' | 'computer';

export interface SessionOptions {
  scenario: Scenario;
  scenarioHash: string;
  seats: Record<Role, Seat>;
  seed: number;
}

export type SessionEvents = {
  /** After every applied action: the new state, the one before, and the action. */
  changed: { state: GameState; previous: GameState; action: ChooseAction };
  rejected: Rejection;
};

export class Session {
  readonly rules: Rules;
  readonly options: SessionOptions;
  readonly events = mitt<SessionEvents>();
  private current: GameState;
  private readonly computer: Policy;

  constructor(options: SessionOptions) {
    this.options = options;
    this.rules = compileRules(options.scenario);
    this.current = newGame(this.rules, options.seed);
    // The computer's own dice come from the game seed, so a game against it replays exactly.
    this.computer = greedyPolicy((options.seed ^ 0x5eed) >>> 0);
  }

  get state(): GameState {
    return this.current;
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  seat(role: Role): Seat {
    return this.options.seats[role];
  }

  /** The human roles of this game (one against the computer, two in hot-seat). */
  get humanRoles(): Role[] {
    return (['kim', 'putin'] as const).filter((r) => this.options.seats[r] === 'human');
  }

  /** True when the computer holds the move. */
  get computerToMove(): boolean {
    const active = this.current.active;
    return active !== null && this.options.seats[active] === 'computer';
  }

  choose(card: string, option: string): boolean {
    const role = this.current.active;
    if (role === null) return false;
    return this.apply({ type: 'choose', role, card, option });
  }

  /** Lets the computer make its move, if it holds the move. */
  playComputer(): boolean {
    if (!this.computerToMove) return false;
    const action = this.computer.choose(this.rules, this.current);
    return action !== null && this.apply(action);
  }

  private apply(action: ChooseAction): boolean {
    const result = applyAction(this.rules, this.current, action);
    if (!result.ok) {
      this.events.emit('rejected', result);
      return false;
    }
    const previous = this.current;
    this.current = result.state;
    this.events.emit('changed', { state: result.state, previous, action });
    return true;
  }

  dispose(): void {
    this.events.all.clear();
  }
}

/** The game in progress, shared by the scenes (there is one at a time). */
let active: Session | null = null;

export function startSession(options: SessionOptions): Session {
  active?.dispose();
  active = new Session(options);
  return active;
}

export function currentSession(): Session | null {
  return active;
}

export function endSession(): void {
  active?.dispose();
  active = null;
}
