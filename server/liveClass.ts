// A live class: the session, its students and their games, and every rule of how they meet —
// joining and coming back, pairing, starting and pausing, moves (checked by the protocol's schema,
// then the seat, then the engine), the computer's moves and the turn timer, and what each device
// is told. It knows nothing of Colyseus: the room (room.ts) hands it messages and gives it an
// Outbox to answer through.
import { roleFor } from '../src/classroom/roles.ts';
import { otherRole, ROLES, type ChooseAction, type GameState, type Role } from '../src/engine/index.ts';
import type {
  ErrorCode,
  MovePayload,
  ResultsMessage,
  ServerMessages,
  StudentJoin,
  StudentRejoin,
} from '../src/live/protocol.ts';
import { viewFor } from '../src/live/view.ts';
import type { Catalogue, ServerScenario } from './catalogue.ts';
import { hashSecret, randomToken, secretMatches } from './ids.ts';
import { LiveGame } from './liveGame.ts';
import { resultsOf, rosterOf, type ClassFacts } from './classReport.ts';
import { seatsOf, STATUS_TEXT, statusOf } from './studentStatus.ts';
import { refuse, type Joined, type Outbox, type Refusal } from './answers.ts';
import type { SessionStore, StoredSession, StoredStudent } from './store/types.ts';

/** The most students a session takes (a class, with room for a few teams and rejoins). */
export const MAX_STUDENTS = 200;
/** Roster updates to the teacher are sent at most this often. */
const ROSTER_DELAY_MS = 150;

export class LiveClass {
  readonly students = new Map<string, StoredStudent>();
  readonly games = new Map<string, LiveGame>();
  /** Connections per student (several tabs count once). */
  private readonly connected = new Map<string, number>();
  private rosterTimer: NodeJS.Timeout | null = null;
  private ended = false;
  /** Joins, pairing and the teacher's commands, one at a time (they number students and games). */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    public session: StoredSession,
    readonly known: ServerScenario,
    private readonly store: SessionStore,
    private out: Outbox,
  ) {}

  /** The class as stored (every game replayed to where it stood); null if it is gone. */
  static async load(store: SessionStore, catalogue: Catalogue, sessionId: string, out: Outbox) {
    const session = await store.getSession(sessionId);
    if (!session) return null;
    const known = catalogue.get(session.setup.scenarioId);
    if (!known || known.hash !== session.setup.scenarioHash) return null;
    const live = new LiveClass(session, known, store, out);
    for (const s of await store.listStudents(sessionId)) live.students.set(s.id, s);
    for (const g of await store.listGames(sessionId)) live.games.set(g.id, new LiveGame(g, known));
    return live;
  }

  get id(): string {
    return this.session.id;
  }

  setOutbox(out: Outbox): void {
    this.out = out;
  }

  /** Every game starts moving (computer moves, timers) if the class is running. */
  resumeAll(): void {
    for (const game of this.games.values()) this.drive(game);
  }

  // -------------------------------------------------------------------------------------------
  // Joining

  checkTeacher(secret: string): boolean {
    return secretMatches(secret, this.session.teacherSecretHash);
  }

  /**
   * A student joining (a name) or coming back (a token). Joins run one at a time: a new student's
   * id and game id follow from how many there are, and with a store that answers over the network
   * (Redis, issue 12) two joins would otherwise read the same count across their awaits.
   */
  join(options: StudentJoin | StudentRejoin): Promise<Joined | Refusal> {
    return this.exclusive(() => this.joinNow(options));
  }

  /** Runs `task` after every class-wide task queued before it (joins, pairing, the teacher's commands). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async joinNow(options: StudentJoin | StudentRejoin): Promise<Joined | Refusal> {
    if (this.ended) return refuse('ended', 'This live class has ended.');
    if ('token' in options) {
      const hash = hashSecret(options.token);
      const student = [...this.students.values()].find((s) => s.tokenHash === hash);
      if (!student)
        return refuse('not-found', 'This device is not in this class any more: join again with your name.');
      if (student.removed) return refuse('not-allowed', 'Your teacher removed you from this class.');
      return { ok: true, studentId: student.id, token: null };
    }
    if (this.students.size >= MAX_STUDENTS)
      return refuse('not-allowed', `This class is full: it takes at most ${MAX_STUDENTS} students.`);
    const order = this.students.size;
    const setup = this.session.setup;
    const id = `s${order + 1}`;
    const token = randomToken(24);
    let role: Role;
    if (setup.roles === 'pairs') role = order % 2 === 0 ? 'kim' : 'putin';
    else {
      const side = roleFor(setup, options.number ?? options.name);
      role = side === 'both' ? 'kim' : side;
    }
    const student: StoredStudent = {
      id,
      sessionId: this.id,
      tokenHash: hashSecret(token),
      name: options.name,
      number: options.number ?? null,
      role,
      gameId: null,
      order,
      removed: false,
    };
    const added = await this.store.addStudent(student);
    if (!added.ok) return refuse('server-error', 'The server could not add you to the class: try again.');
    this.students.set(id, student);
    if (setup.roles !== 'pairs') await this.newGame([student], role);
    else if (this.session.started) await this.pairWaiting();
    this.rosterChanged();
    return { ok: true, studentId: id, token };
  }

  /** A game for these students (one against the computer, or a pair: the first plays `role`). */
  private async newGame(players: StoredStudent[], role: Role): Promise<LiveGame | null> {
    const id = `g${this.games.size + 1}`;
    const seats: Partial<Record<Role, string>> = {};
    seats[role] = players[0]!.id;
    if (players[1]) seats[otherRole(role)] = players[1].id;
    const computer = Object.fromEntries(
      ROLES.filter((r) => seats[r] === undefined).map((r) => [r, { level: this.session.setup.level }]),
    );
    const stored = {
      id,
      sessionId: this.id,
      seed: this.session.setup.seed,
      players: seats,
      computer,
      log: [] as ChooseAction[],
      createdAt: Date.now(),
    };
    const added = await this.store.addGame(stored);
    if (!added.ok) return null;
    const game = new LiveGame(stored, this.known);
    this.games.set(id, game);
    for (const p of players) {
      p.gameId = id;
      await this.store.updateStudent(this.id, p.id, { gameId: id });
    }
    for (const p of players) if (this.connected.has(p.id)) this.greet(p.id);
    this.drive(game);
    return game;
  }

  /** Pairs the students still waiting, in join order. */
  private async pairWaiting(): Promise<void> {
    const waiting = [...this.students.values()].filter((s) => !s.removed && s.gameId === null);
    for (let i = 0; i + 1 < waiting.length; i += 2) await this.newGame([waiting[i]!, waiting[i + 1]!], 'kim');
  }

  // -------------------------------------------------------------------------------------------
  // What each device is told

  /** The role a student plays: their seat in their game, or (a pair still waiting) the one they would. */
  roleOf(student: StoredStudent): Role {
    const game = this.gameOf(student);
    return game?.roleOf(student.id) ?? student.role;
  }

  private partnerOf(student: StoredStudent): StoredStudent | null {
    const game = this.gameOf(student);
    if (!game) return null;
    const other = game.stored.players[otherRole(this.roleOf(student))];
    return other === undefined ? null : (this.students.get(other) ?? null);
  }

  /** Welcome, then the game or the status line, to every connection of this student. */
  greet(studentId: string, token = ''): void {
    const student = this.students.get(studentId);
    if (!student) return;
    const role = this.roleOf(student);
    const game = this.gameOf(student);
    const partner = this.partnerOf(student);
    this.out.toStudent(studentId, 'welcome', {
      sessionId: this.id,
      studentId,
      token,
      name: student.name,
      role,
      session: this.session.setup,
      seats: seatsOf(this.session, student, game),
      partner: partner?.name ?? null,
    });
    if (game) this.sendView(game, studentId);
    this.sendStatus(studentId);
  }

  private gameOf(student: StoredStudent): LiveGame | undefined {
    return student.gameId === null ? undefined : this.games.get(student.gameId);
  }

  sendStatus(studentId: string): void {
    const student = this.students.get(studentId);
    if (!student) return;
    const status = statusOf(this.session, student, this.gameOf(student));
    this.out.toStudent(studentId, 'status', { status, message: STATUS_TEXT[status] });
  }

  private sendView(game: LiveGame, studentId: string): void {
    const role = game.roleOf(studentId);
    if (role === null) return;
    const student = this.students.get(studentId);
    const partner = student ? this.partnerOf(student) : null;
    this.out.toStudent(studentId, 'view', {
      game: viewFor(this.known.rules, game.state, role),
      logLength: game.state.log.length,
      partner: partner?.name ?? null,
    });
  }

  private playersOf(game: LiveGame): string[] {
    return ROLES.map((r) => game.stored.players[r]).filter(
      (id): id is string => id !== undefined && this.students.get(id)?.removed === false,
    );
  }

  /** The teacher's welcome, roster and results. */
  greetTeacher(
    send: <K extends keyof ServerMessages>(type: K, payload: ServerMessages[K]) => void,
    retentionMs: number,
  ) {
    send('teacher', {
      sessionId: this.id,
      joinCode: this.session.joinCode,
      session: this.session.setup,
      createdAt: new Date(this.session.createdAt).toISOString(),
      expiresAt: new Date(this.session.createdAt + retentionMs).toISOString(),
    });
    send('roster', this.roster());
    send('results', this.results(false));
  }

  roster(): ServerMessages['roster'] {
    return rosterOf(this.facts());
  }

  /** Finished games (every game when `final`), one result each (a pair's once). */
  results(final: boolean): ResultsMessage {
    return resultsOf(this.facts(), final);
  }

  /** What the teacher's reports read of this class. */
  private facts(): ClassFacts {
    return {
      session: this.session,
      known: this.known,
      students: this.students,
      games: this.games,
      isConnected: (id) => this.connected.has(id),
      roleOf: (student) => this.roleOf(student),
      partnerOf: (student) => this.partnerOf(student),
    };
  }

  private rosterChanged(): void {
    if (this.rosterTimer || this.ended) return;
    this.rosterTimer = setTimeout(() => {
      this.rosterTimer = null;
      if (!this.ended) this.out.toTeachers('roster', this.roster());
    }, ROSTER_DELAY_MS);
  }

  connectedChanged(studentId: string, delta: 1 | -1): void {
    const n = (this.connected.get(studentId) ?? 0) + delta;
    if (n > 0) this.connected.set(studentId, n);
    else this.connected.delete(studentId);
    this.rosterChanged();
  }

  // -------------------------------------------------------------------------------------------
  // Moves

  /** A student's move: checked against their seat, the class's state and the engine; answered. */
  async move(studentId: string, m: MovePayload): Promise<void> {
    const student = this.students.get(studentId);
    const game =
      student?.gameId === null || student?.gameId === undefined ? undefined : this.games.get(student.gameId);
    if (!student || student.removed)
      return this.error(studentId, 'not-allowed', 'You are not playing in this class.');
    if (!game) return this.error(studentId, 'waiting', 'You have no game yet: wait for a partner.');
    await game.run(async () => {
      const problem = this.moveProblem(studentId, game, m);
      if (problem) return this.error(studentId, problem.code, problem.message);
      const role = game.roleOf(studentId)!;
      const action: ChooseAction = { type: 'choose', role, card: m.card, option: m.option };
      const tried = game.tryMove(action);
      if (!tried.ok) return this.error(studentId, 'illegal-move', tried.message);
      await this.commit(game, action, studentId, tried.state);
    });
  }

  private moveProblem(studentId: string, game: LiveGame, m: MovePayload): Refusal | null {
    if (this.ended) return refuse('ended', 'This live class has ended.');
    if (!this.session.started)
      return refuse('not-started', 'The class has not started yet: wait for your teacher.');
    if (this.session.paused)
      return refuse('paused', 'Your teacher has paused the class: your move will wait.');
    const state = game.state;
    if (state.phase === 'over') return refuse('illegal-move', 'Your game is over.');
    if (m.logLength !== state.log.length || m.turn !== state.turn)
      return refuse('stale', 'The game has moved on since you chose: here it is as it stands now.');
    if (state.active !== game.roleOf(studentId)) return refuse('not-your-turn', 'It is not your move.');
    return null;
  }

  private error(studentId: string, code: ErrorCode, message: string): void {
    this.out.toStudent(studentId, 'error', { code, message });
    if (code === 'stale') {
      const game = this.students.get(studentId)?.gameId;
      const live = game === null || game === undefined ? undefined : this.games.get(game);
      if (live) this.sendView(live, studentId);
    }
  }

  /** Stores a checked move, then tells the game's players; the computer or the timer goes next. */
  private async commit(
    game: LiveGame,
    action: ChooseAction,
    mover: string | null,
    next: GameState | null = null,
  ): Promise<boolean> {
    let state = next;
    if (state === null) {
      const tried = game.tryMove(action);
      if (!tried.ok) return false;
      state = tried.state;
    }
    const index = game.state.log.length;
    const stored = await this.store.appendMove(this.id, game.id, index, action);
    if (!stored.ok || this.ended) {
      if (mover)
        this.error(mover, 'stale', 'The game has moved on since you chose: here it is as it stands now.');
      return false;
    }
    game.stored.log.push(action);
    game.state = state;
    game.clearTimer();
    if (mover) this.out.toStudent(mover, 'ack', { logLength: game.state.log.length });
    for (const id of this.playersOf(game)) this.sendView(game, id);
    if (game.state.phase === 'over') {
      for (const id of this.playersOf(game)) this.sendStatus(id);
      this.out.toTeachers('results', this.results(false));
    }
    this.rosterChanged();
    this.drive(game);
    return true;
  }

  /** A running game's next step: the computer moves, or the turn timer starts for a student. */
  private drive(game: LiveGame): void {
    game.clearTimer();
    const state = game.state;
    if (this.ended || !this.session.started || this.session.paused || state.phase !== 'playing') return;
    const role = state.active;
    if (role === null) return;
    const holder = game.stored.players[role];
    const human = holder !== undefined && this.students.get(holder)?.removed === false;
    if (!human) {
      const level = game.stored.computer[role]?.level ?? this.session.setup.level;
      // after the current message has been answered: a student's ack goes out first
      setImmediate(() => {
        void game.run(async () => {
          if (game.state !== state || this.ended || this.session.paused) return;
          const action = game.computerMove(level);
          if (action) await this.commit(game, action, null);
        });
      });
      return;
    }
    const seconds = this.session.setup.turnSeconds;
    if (seconds !== null) {
      // the time is up: the computer moves for the student, as the page's timer does (playFor)
      game.timer = setTimeout(() => {
        void game.run(async () => {
          if (game.state !== state || this.ended || this.session.paused) return;
          const action = game.computerMove(this.session.setup.level);
          if (action) await this.commit(game, action, null);
        });
      }, seconds * 1000);
    }
  }

  // -------------------------------------------------------------------------------------------
  // The teacher's powers

  start(): Promise<void> {
    return this.exclusive(() => this.startNow());
  }

  private async startNow(): Promise<void> {
    if (this.session.started) return;
    await this.store.updateSession(this.id, { started: true });
    this.session = { ...this.session, started: true };
    if (this.session.setup.roles === 'pairs') await this.pairWaiting();
    this.everyoneChanged();
  }

  setPaused(paused: boolean): Promise<void> {
    return this.exclusive(() => this.setPausedNow(paused));
  }

  private async setPausedNow(paused: boolean): Promise<void> {
    if (this.session.paused === paused) return;
    await this.store.updateSession(this.id, { paused });
    this.session = { ...this.session, paused };
    this.everyoneChanged();
  }

  private everyoneChanged(): void {
    for (const id of this.students.keys()) if (this.connected.has(id)) this.sendStatus(id);
    for (const game of this.games.values()) this.drive(game);
    this.out.toTeachers('roster', this.roster());
  }

  /** The teacher pairs two waiting students (a: Kim, b: Putin). */
  pair(a: string, b: string): Promise<Refusal | null> {
    return this.exclusive(() => this.pairNow(a, b));
  }

  private async pairNow(a: string, b: string): Promise<Refusal | null> {
    if (this.session.setup.roles !== 'pairs')
      return refuse('not-allowed', 'Only a class played in pairs has pairs.');
    const first = this.students.get(a);
    const second = this.students.get(b);
    if (!first || !second) return refuse('not-found', 'There is no such student in this class.');
    if (first.removed || second.removed || first.gameId !== null || second.gameId !== null)
      return refuse('not-allowed', 'Only two students who are both waiting for a partner can be paired.');
    await this.newGame([first, second], 'kim');
    this.rosterChanged();
    return null;
  }

  /** The teacher removes a student: their seat goes to the computer, their device is told and closed. */
  remove(studentId: string): Promise<Refusal | null> {
    return this.exclusive(() => this.removeNow(studentId));
  }

  private async removeNow(studentId: string): Promise<Refusal | null> {
    const student = this.students.get(studentId);
    if (!student) return refuse('not-found', 'There is no such student in this class.');
    if (student.removed) return null;
    await this.store.updateStudent(this.id, studentId, { removed: true });
    student.removed = true;
    this.sendStatus(studentId);
    this.out.dropStudent(studentId);
    const game = this.gameOf(student);
    if (game) this.drive(game);
    this.out.toTeachers('roster', this.roster());
    return null;
  }

  /** The teacher ends the class: final results to the teacher, every device told, everything deleted. */
  end(): Promise<void> {
    return this.exclusive(() => this.endNow());
  }

  private async endNow(): Promise<void> {
    if (this.ended) return;
    this.out.toTeachers('results', this.results(true));
    this.ended = true;
    for (const game of this.games.values()) game.clearTimer();
    if (this.rosterTimer) clearTimeout(this.rosterTimer);
    for (const id of this.students.keys()) {
      this.out.toStudent(id, 'status', { status: 'ended', message: STATUS_TEXT.ended });
    }
    await this.store.deleteSession(this.id);
  }

  /** Stops every timer (the room is going away; the class stays stored). */
  dispose(): void {
    this.ended = true;
    for (const game of this.games.values()) game.clearTimer();
    if (this.rosterTimer) clearTimeout(this.rosterTimer);
  }
}
