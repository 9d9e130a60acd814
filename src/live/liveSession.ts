// A live class game as the scenes see a game: the same surface as the page's own Session (state,
// 'changed' events, choose, seat, humanRoles, computerToMove, playComputer), so the play, news and
// debrief screens play it unchanged. Nothing is decided here: every state is a view the class
// server sent (src/live/view.ts: the rival's private meters and hand are not in it); `choose`
// sends the move; the rival's moves, the computer's or a partner's, arrive from the server and are
// shown when the play screen asks for them, as it asks the computer on this device. A move chosen
// while the connection is down is kept and sent once it is back.
import mitt from 'mitt';
import { replay, type ChooseAction, type GameState, type Role } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { Session, type Seat } from '../bridge/session.ts';
import type { LiveLink } from './client.ts';
import type { ViewMessage, WelcomeMessage } from './protocol.ts';
import type { LiveView } from './view.ts';

export type LiveSessionEvents = {
  /** The student's move is on its way (true) or has been applied or refused (false). */
  sending: boolean;
  /** The server refused the student's move (its words). */
  refused: string;
};

/** A view as the screens read a state: the rival's hand is simply empty (it is not known here). */
export function stateOfView(view: LiveView): GameState {
  const { viewer: _viewer, hands, ...rest } = view;
  // (the dice are the server's: an empty generator here, which nothing on the page draws from)
  return { ...rest, rng: [], hands: { kim: hands.kim ?? [], putin: hands.putin ?? [] } };
}

interface PendingMove {
  card: string;
  option: string;
  turn: number;
  logLength: number;
}

export class LiveSession extends Session {
  readonly link: LiveLink;
  readonly role: Role;
  readonly liveEvents = mitt<LiveSessionEvents>();
  /** The rival's moves that arrived, waiting until the play screen asks for them. */
  private queue: GameState[] = [];
  private waiter: (() => void) | null = null;
  private pending: PendingMove | null = null;
  private readonly off: (() => void)[] = [];

  constructor(link: LiveLink, welcome: WelcomeMessage, scenario: Scenario, first: ViewMessage) {
    // the partner's side reads as the computer's: this device never plays it
    const seats: Record<Role, Seat> = { kim: 'computer', putin: 'computer' };
    seats[welcome.role] = 'human';
    const initial = stateOfView(first.game);
    super({
      scenario,
      scenarioHash: welcome.session.scenarioHash,
      seats,
      seed: welcome.session.seed,
      computer: { kim: { level: welcome.session.level }, putin: { level: welcome.session.level } },
      initial,
    });
    this.link = link;
    this.role = welcome.role;
    this.current = this.complete(initial);
    const onView = (view: ViewMessage) => this.receive(view);
    const onError = (e: { code: string; message: string }) => this.refused(e.code, e.message);
    const onConnection = ({ state }: { state: string }) => {
      if (state === 'open') this.resend();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'playing') this.resend();
    };
    link.events.on('status', onStatus);
    this.off.push(() => link.events.off('status', onStatus));
    link.events.on('view', onView);
    link.events.on('error', onError);
    link.events.on('connection', onConnection);
    this.off.push(
      () => link.events.off('view', onView),
      () => link.events.off('error', onError),
      () => link.events.off('connection', onConnection),
    );
  }

  override get viewer(): Role {
    return this.role;
  }

  override get live(): boolean {
    return true;
  }

  /** A move chosen and not yet applied by the server (sent, or kept until the connection is back). */
  get waitingToSend(): boolean {
    return this.pending !== null;
  }

  /** True when the rival (the computer or a partner) holds the move: its move comes from the server. */
  override get computerToMove(): boolean {
    const active = this.current.active;
    return active !== null && active !== this.role;
  }

  override choose(card: string, option: string): boolean {
    const state = this.current;
    if (state.active !== this.role || this.pending || this.queue.length > 0) return false;
    this.pending = { card, option, turn: state.turn, logLength: state.log.length };
    this.liveEvents.emit('sending', true);
    this.link.send({ type: 'move', payload: this.pending });
    return true;
  }

  /**
   * Shows the rival's next move once it has arrived from the server (and `notBefore` has settled,
   * the page's pacing). Resolves true when a move was shown.
   */
  override async playComputer(notBefore: Promise<unknown> = Promise.resolve()): Promise<boolean> {
    if (!this.computerToMove) return false;
    const asked = this.current;
    while (this.queue.length === 0) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
      if (this.disposed) return false;
    }
    await notBefore;
    if (this.disposed || this.current !== asked) return false;
    this.show(this.queue.shift()!);
    return true;
  }

  /** A class's turn timer is the server's business in a live class, not the page's. */
  override playFor(): Promise<boolean> {
    return Promise.resolve(false);
  }

  override dispose(): void {
    for (const off of this.off) off();
    this.off.length = 0;
    this.waiter?.();
    this.liveEvents.all.clear();
    this.link.close();
    super.dispose();
  }

  private receive(message: ViewMessage): void {
    const next = this.complete(stateOfView(message.game));
    // the latest known state: the one shown, or the last one waiting in the queue
    const known = this.queue.at(-1) ?? this.current;
    const fresh = next.log.length - known.log.length;
    if (fresh < 0) return; // older than what we have (a late duplicate)
    if (fresh === 0) {
      // the same moment sent again (a reconnection): nothing to announce
      if (this.queue.length === 0) this.current = next;
      this.resend();
      return;
    }
    const first = next.log[known.log.length]!;
    if (first.role === this.role && this.queue.length === 0) {
      // the student's own move, applied by the server: show it at once
      this.pending = null;
      this.liveEvents.emit('sending', false);
      this.show(next);
      return;
    }
    this.queue.push(next);
    const wake = this.waiter;
    this.waiter = null;
    wake?.();
  }

  private show(next: GameState): void {
    const previous = this.current;
    this.current = next;
    const action: ChooseAction = next.log.at(-1) ?? { type: 'choose', role: this.role, card: '', option: '' };
    this.events.emit('changed', { state: next, previous, action });
  }

  /**
   * A finished game: its whole last state, folded by the engine from the world number and the
   * moves (as a game on one device shows everything once it is over). While it runs, the view.
   */
  private complete(state: GameState): GameState {
    if (state.phase !== 'over') return state;
    const folded = replay(this.rules, state.seed, state.log);
    if (!folded.ok) return state;
    const last = folded.states.at(-1)!;
    return last.log.length === state.log.length && last.phase === 'over' ? last : state;
  }

  /** The kept move, sent again once the connection is back (if the game still waits for it). */
  private resend(): void {
    const move = this.pending;
    if (!move || this.link.connection !== 'open') return;
    if (this.current.log.length !== move.logLength || this.queue.length > 0) {
      // the game moved on without it (the server had it already, or the teacher's clock played)
      return;
    }
    this.link.send({ type: 'move', payload: move });
  }

  private refused(code: string, message: string): void {
    if (!this.pending) return;
    if (code === 'paused' || code === 'not-started') return; // kept: sent again when play resumes
    this.pending = null;
    this.liveEvents.emit('sending', false);
    if (code !== 'stale') this.liveEvents.emit('refused', message);
  }
}
