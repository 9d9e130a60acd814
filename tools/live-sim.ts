// Simulated devices of a live class, over the real protocol with the real browser SDK
// (@colyseus/sdk, which runs in Node on the `ws` package): a teacher and students who play. Used
// by the server's tests (tests/server/) and by npm run bench:server. A student mirrors its game
// with the engine from the log each view carries (the view has no dice), and picks its moves with
// the pure opponent at the easy level under its own seed.
import { Client, type Room } from '@colyseus/sdk';
import { decide } from '../src/ai/decide.ts';
import { applyAction, newGame, stableHash, type GameState, type Rules } from '../src/engine/index.ts';
import {
  API_PREFIX,
  type CreateSessionAnswer,
  type CreateSessionBody,
  type JoinAnswer,
  type JoinOptions,
  type ServerMessages,
} from '../src/live/protocol.ts';

export type Received = {
  [K in keyof ServerMessages]: { type: K; payload: ServerMessages[K]; at: number };
}[keyof ServerMessages];

export async function postJson(
  base: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${API_PREFIX}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body: parsed };
}

export async function createLiveSession(
  base: string,
  session: CreateSessionBody,
): Promise<CreateSessionAnswer> {
  const { status, body } = await postJson(base, '/sessions', session);
  if (status !== 201) throw new Error(`creating a session: ${status} ${JSON.stringify(body)}`);
  return body as CreateSessionAnswer;
}

export async function lookUpCode(base: string, code: string): Promise<JoinAnswer> {
  const { status, body } = await postJson(base, '/join', { code });
  if (status !== 200) throw new Error(`joining: ${status} ${JSON.stringify(body)}`);
  return body as JoinAnswer;
}

/** One device connected to a live class: every message it received, in order. */
export class Device {
  /**
   * Whether devices keep every message and frame they receive (tests read them); the bench keeps
   * only the latest message of each type, or 1,200 devices would hold every view of every game.
   */
  static keepHistory = true;
  readonly received: Received[] = [];
  /** Every WebSocket frame this device received, as bytes (what crossed the wire). */
  readonly frames: Uint8Array[] = [];
  private waiters: { test: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  closed: number | null = null;

  protected constructor(readonly room: Room) {
    const events = room.connection.events;
    const deliver = events.onmessage;
    // the SDK's transport events are plain callbacks, not an EventTarget
    // eslint-disable-next-line unicorn/prefer-add-event-listener
    events.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (!Device.keepHistory) {
        // nothing kept
      } else if (data instanceof ArrayBuffer) this.frames.push(new Uint8Array(data.slice(0)));
      else if (ArrayBuffer.isView(data)) this.frames.push(new Uint8Array(data.buffer.slice(0)));
      deliver?.(event);
    };
    room.onMessage('*', (type, payload) => {
      const m = { type, payload, at: performance.now() } as Received;
      if (!Device.keepHistory) {
        const i = this.received.findIndex((r) => r.type === m.type);
        if (i >= 0) this.received.splice(i, 1);
      }
      this.received.push(m);
      this.onReceived(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(m)) return true;
        w.resolve(m);
        return false;
      });
    });
    room.onLeave((code) => {
      this.closed = code;
    });
  }

  static async connect(base: string, sessionId: string, options: JoinOptions): Promise<Room> {
    const client = new Client(base);
    return client.joinById(sessionId, options);
  }

  protected onReceived(_m: Received): void {}

  /** The next message (from now on, or already received when `past`) that passes `test`. */
  waitFor<K extends Received['type']>(
    type: K,
    test: (payload: ServerMessages[K]) => boolean = () => true,
    timeoutMs = 10_000,
    past = true,
  ): Promise<ServerMessages[K]> {
    const match = (m: Received) => m.type === type && test(m.payload as ServerMessages[K]);
    const seen = past ? this.received.find(match) : undefined;
    if (seen) return Promise.resolve(seen.payload as ServerMessages[K]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        test: match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m.payload as ServerMessages[K]);
        },
      });
    });
  }

  last<K extends Received['type']>(type: K): ServerMessages[K] | undefined {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const m = this.received[i]!;
      if (m.type === type) return m.payload as ServerMessages[K];
    }
    return undefined;
  }

  send(type: string | number, payload?: unknown): void {
    this.room.send(type as string, payload);
  }

  async leave(): Promise<void> {
    if (this.closed === null) await this.room.leave(true).catch(() => undefined);
  }
}

export class Teacher extends Device {
  static async join(base: string, sessionId: string, secret: string): Promise<Teacher> {
    return new Teacher(await Device.connect(base, sessionId, { kind: 'teacher', secret }));
  }
}

export interface PlayOptions {
  rules: Rules;
  /** Milliseconds a student waits before each move (a reader's pace; 0 as fast as the server answers). */
  thinkMs?: number;
  /** The seed of the student's own choices. */
  choiceSeed?: number;
  /** Called with each move's round trip: from sending it to the view that shows it. */
  onRoundTrip?: (ms: number) => void;
}

/** A student who plays their game through to the end, move by move, as the server allows. */
export class Student extends Device {
  /** The game as the engine has it, rebuilt from the log of every view (the server's game, dice included). */
  mirror: GameState | null = null;
  token = '';
  studentId = '';
  private play: PlayOptions | null = null;
  private sentAt: { logLength: number; at: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  moves = 0;
  errors: ServerMessages['error'][] = [];

  static async join(base: string, sessionId: string, options: JoinOptions): Promise<Student> {
    const student = new Student(await Device.connect(base, sessionId, options));
    const welcome = await student.waitFor('welcome');
    await student.waitFor('status'); // the greeting's last message
    student.token = welcome.token;
    student.studentId = welcome.studentId;
    return student;
  }

  get role() {
    return this.last('welcome')?.role ?? null;
  }

  get finished(): boolean {
    return this.mirror?.phase === 'over';
  }

  /** The hash of the game as this device was last shown it (the engine's state, rebuilt). */
  get stateHash(): string | null {
    return this.mirror ? stableHash(this.mirror) : null;
  }

  autoplay(options: PlayOptions): void {
    this.play = options;
    const view = this.last('view');
    if (view) this.follow(view.game.log, view.game.seed);
    this.maybeMove();
  }

  stop(): void {
    this.play = null;
    if (this.timer) clearTimeout(this.timer);
  }

  protected override onReceived(m: Received): void {
    if (m.type === 'error') this.errors.push(m.payload);
    if (m.type !== 'view' && m.type !== 'status') return;
    if (m.type === 'view') {
      this.follow(m.payload.game.log, m.payload.game.seed);
      if (this.sentAt && m.payload.logLength > this.sentAt.logLength) {
        this.play?.onRoundTrip?.(m.at - this.sentAt.at);
        this.sentAt = null;
      }
    }
    this.maybeMove();
  }

  /** Brings the mirror up to the server's log. */
  private follow(log: readonly GameState['log'][number][], seed: number): void {
    const rules = this.play?.rules ?? this.rulesForMirror;
    if (!rules) return;
    if (!this.mirror || this.mirror.log.length > log.length) this.mirror = newGame(rules, seed);
    for (let i = this.mirror.log.length; i < log.length; i++) {
      const r = applyAction(rules, this.mirror, log[i]);
      if (!r.ok) throw new Error(`the server's log does not replay: ${r.message}`);
      this.mirror = r.state;
    }
  }

  /** Rules to mirror with before autoplay (tests that only watch). */
  rulesForMirror: Rules | null = null;

  private maybeMove(): void {
    const play = this.play;
    const state = this.mirror;
    if (!play || !state || this.timer || this.sentAt) return;
    const status = this.last('status')?.status;
    if (status !== 'playing' || state.phase !== 'playing' || state.active !== this.role) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const now = this.mirror;
      if (!this.play || !now || now !== state || now.active !== this.role) return this.maybeMove();
      const d = decide(play.rules, now, { level: 'easy', seed: play.choiceSeed ?? 1 });
      if (!d.ok) return;
      this.sentAt = { logLength: now.log.length, at: performance.now() };
      this.moves++;
      this.send('move', {
        card: d.action.card,
        option: d.action.option,
        turn: now.turn,
        logLength: now.log.length,
      });
    }, play.thinkMs ?? 0);
  }
}
