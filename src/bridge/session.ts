// The one bridge between the view and the engine: it holds the game, applies actions through the
// engine and announces every change as a typed event. Scenes and HTML screens only read its state
// and call `choose`; no rule lives here or in the view.
import mitt from 'mitt';
import {
  applyAction,
  compileRules,
  newGame,
  type ChooseAction,
  type GameState,
  type Rejection,
  type Role,
  type Rules,
} from '../engine/index.ts';
import type { Level } from '../ai/settings.ts';
import type { Scenario } from '../scenario/schema.ts';
import { opponentClient } from './opponentClient.ts';

export type Seat = 'human' | 'computer';

/** How the computer plays a role it holds: its level and, optionally, a personality id. */
export interface ComputerSetup {
  level: Level;
  personality?: string | undefined;
}

export interface SessionOptions {
  scenario: Scenario;
  scenarioHash: string;
  seats: Record<Role, Seat>;
  /** For each role the computer holds (default: normal, the scenario's first personality). */
  computer?: Partial<Record<Role, ComputerSetup>>;
  seed: number;
  /**
   * Where the game starts: a state of this scenario and seed (a resumed save, or a moment of a
   * replay to branch from). Default: the scenario's first state.
   */
  initial?: GameState;
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
  /** (protected: a live game, src/live/liveSession.ts, takes its states from the class server) */
  protected current: GameState;
  protected disposed = false;

  constructor(options: SessionOptions) {
    this.options = options;
    this.rules = compileRules(options.scenario);
    this.current = options.initial ?? newGame(this.rules, options.seed);
  }

  get state(): GameState {
    return this.current;
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  /**
   * Whose eyes are on this game's screen for good, their rival's secrets hidden (a live class
   * game: the student's role); null for a game on this device, which shows or hides by itself.
   */
  get viewer(): Role | null {
    return null;
  }

  /** True when the game is played on a class server, not on this device. */
  get live(): boolean {
    return false;
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

  /**
   * Shows another state of this game (the replay viewer steps through a game this way). It is not
   * a move: nothing is announced, and nothing is saved.
   */
  seek(state: GameState): void {
    this.current = state;
  }

  /** How the computer plays `role`. */
  computerSetup(role: Role): ComputerSetup {
    return this.options.computer?.[role] ?? { level: 'normal' };
  }

  /**
   * Lets the computer make its move, if it holds the move: it decides off the main thread and the
   * move applies when the answer comes, unless the game has moved on or ended meanwhile.
   * The move is not applied before `notBefore` settles (the page's pacing). Resolves true when a
   * move was applied.
   */
  async playComputer(notBefore: Promise<unknown> = Promise.resolve()): Promise<boolean> {
    if (!this.computerToMove) return false;
    const asked = this.current;
    const role = asked.active!;
    const setup = this.computerSetup(role);
    // The opponent's own dice are seeded by the game's seed, so a game against it replays exactly.
    const [{ action }] = await Promise.all([
      opponentClient().decide(this.rules, this.options.scenarioHash, asked, {
        level: setup.level,
        personality: setup.personality,
        seed: this.options.seed,
      }),
      notBefore,
    ]);
    if (this.disposed || this.current !== asked) return false;
    return this.apply(action);
  }

  /**
   * Moves for whoever holds the move, as the computer at `level` would (a class's turn timer runs
   * out). Resolves true when a move was applied.
   */
  async playFor(level: Level): Promise<boolean> {
    const asked = this.current;
    if (asked.active === null) return false;
    const { action } = await opponentClient().decide(this.rules, this.options.scenarioHash, asked, {
      level,
      seed: this.options.seed,
    });
    if (this.disposed || this.current !== asked) return false;
    return this.apply(action);
  }

  protected apply(action: ChooseAction): boolean {
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
    this.disposed = true;
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

/** Makes `session` (a live game) the game in progress. */
export function useSession(session: Session): Session {
  if (active !== session) active?.dispose();
  active = session;
  return active;
}

export function currentSession(): Session | null {
  return active;
}

export function endSession(): void {
  active?.dispose();
  active = null;
}
