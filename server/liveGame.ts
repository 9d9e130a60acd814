// One game of a live class, held by the server: its stored record (seed, players, log) and the
// state the engine rebuilds from it. Moves are applied one at a time (`run` queues them), each
// written to the store before anything is sent. The computer's moves are made here with the same
// pure opponent and the same seed as the page's worker (src/bridge/session.ts), so a live game
// equals the same game played offline.
import { decide } from '../src/ai/decide.ts';
import type { Level } from '../src/ai/settings.ts';
import { applyAction, replay, type ChooseAction, type GameState, type Role } from '../src/engine/index.ts';
import type { ServerScenario } from './catalogue.ts';
import type { StoredGame } from './store/types.ts';

export class LiveGame {
  state: GameState;
  private queue: Promise<unknown> = Promise.resolve();
  /** The turn timer of the move being waited for, if any. */
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly stored: StoredGame,
    readonly known: ServerScenario,
  ) {
    const replayed = replay(known.rules, stored.seed, stored.log);
    if (!replayed.ok)
      throw new Error(
        `game ${stored.id} does not replay at move ${replayed.at}: ${replayed.rejection.message}`,
      );
    this.state = replayed.states.at(-1)!;
  }

  get id(): string {
    return this.stored.id;
  }

  /** Runs `task` after every task queued before it (one move at a time per game). */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The role a student holds in this game, if any. */
  roleOf(studentId: string): Role | null {
    if (this.stored.players.kim === studentId) return 'kim';
    if (this.stored.players.putin === studentId) return 'putin';
    return null;
  }

  /** The computer's move for the role to act, as the page's opponent would make it. */
  computerMove(level: Level): ChooseAction | null {
    const decision = decide(this.known.rules, this.state, { level, seed: this.stored.seed });
    return decision.ok ? decision.action : null;
  }

  /** The state after `action`, or the engine's rejection (the game is not changed). */
  tryMove(action: ChooseAction): ReturnType<typeof applyAction> {
    return applyAction(this.known.rules, this.state, action);
  }

  clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
