// The Colyseus room of one live session (roomId = the session id). It keeps no Schema state: each
// device gets its own messages, because each may see only its own side. It checks who joins
// (onAuth), hands every message to the class (liveClass.ts) after the protocol's check, and keeps
// a dropped device's seat for a short while (Colyseus reconnection).
import { type AuthContext, type Client, Room, ServerError } from '@colyseus/core';
import {
  parseClientMessage,
  parseJoinOptions,
  normalizeJoinCode,
  STUDENT_MESSAGES,
  TEACHER_MESSAGES,
  type ServerMessages,
} from '../src/live/protocol.ts';
import type { Catalogue } from './catalogue.ts';
import type { Outbox } from './answers.ts';
import { LiveClass } from './liveClass.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { SessionStore } from './store/types.ts';

/** What every room of this process shares (set once by app.ts before any room is created). */
export interface RoomContext {
  store: SessionStore;
  catalogue: Catalogue;
  retentionMs: number;
  /** Failed joins (wrong code, secret or token) per address. */
  failures: RateLimiter;
  /** Join attempts per address. */
  joins: RateLimiter;
  /** Live classes by session id (the room of each holds it). */
  classes: Map<string, LiveClass>;
}

let context: RoomContext | null = null;

export function setRoomContext(c: RoomContext): void {
  context = c;
}

function ctx(): RoomContext {
  if (!context) throw new Error('the room context is not set');
  return context;
}

/** Who a connection is. */
type Who = { kind: 'teacher' } | { kind: 'student'; studentId: string; token: string };

/** Seconds a dropped device keeps its place before it counts as gone (it can rejoin by token after). */
export const RECONNECT_SECONDS = 20;
/** Messages a device may send per second before it is cut off (a flood). */
export const MAX_MESSAGES_PER_SECOND = 40;

function addressOf(auth: AuthContext): string {
  const ip = Array.isArray(auth.ip) ? auth.ip[0] : auth.ip;
  return ip ?? 'unknown';
}

export class ClassRoom extends Room {
  private live: LiveClass | null = null;
  private readonly byStudent = new Map<string, Set<Client>>();
  private readonly teachers = new Set<Client>();
  /** Messages per connection in the current second (Colyseus' own count needs a ticking clock). */
  private readonly rates = new WeakMap<Client, { start: number; count: number }>();

  override async onCreate(options: { sessionId?: unknown }): Promise<void> {
    const sessionId = typeof options.sessionId === 'string' ? options.sessionId : '';
    this.roomId = sessionId;
    this.autoDispose = false;
    // Colyseus' own guard as a backstop (it closes only after the reconnection window); ours acts first
    this.maxMessagesPerSecond = 4 * MAX_MESSAGES_PER_SECOND;
    const { store, catalogue, classes } = ctx();
    const live = await LiveClass.load(store, catalogue, sessionId, this.outbox());
    if (!live) throw new ServerError(404, 'There is no live class with this id.');
    this.live = live;
    classes.set(sessionId, live);
    this.onMessage('*', (client, type, payload) => void this.handle(client, type, payload));
    live.resumeAll();
  }

  private outbox(): Outbox {
    return {
      toStudent: (studentId, type, payload) => {
        for (const c of this.byStudent.get(studentId) ?? []) c.send(type, payload);
      },
      toTeachers: (type, payload) => {
        for (const c of this.teachers) c.send(type, payload);
      },
      dropStudent: (studentId) => {
        for (const c of this.byStudent.get(studentId) ?? []) c.leave(4403);
      },
    };
  }

  override async onAuth(client: Client, options: unknown, auth: AuthContext): Promise<Who> {
    const { failures, joins } = ctx();
    const address = addressOf(auth);
    if (failures.blocked(address) || !joins.hit(address))
      throw new ServerError(429, 'Too many tries to join from this address: wait a minute and try again.');
    const fail = (code: number, message: string): never => {
      failures.hit(address);
      throw new ServerError(code, message);
    };
    const read = parseJoinOptions(options);
    if (!read.ok) return fail(400, read.message);
    const live = this.live;
    if (!live) return fail(404, 'There is no live class with this id.');
    const opts = read.message;
    if (opts.kind === 'teacher') {
      if (!live.checkTeacher(opts.secret))
        return fail(403, 'This teacher link is not the one of this class.');
      return { kind: 'teacher' };
    }
    if (normalizeJoinCode(opts.code) !== live.session.joinCode)
      return fail(403, 'This code is not the code of this class: check it with your teacher.');
    const joined = await live.join(opts);
    if (!joined.ok) return fail(joined.code === 'not-found' ? 404 : 403, joined.message);
    return {
      kind: 'student',
      studentId: joined.studentId,
      token: joined.token ?? ('token' in opts ? opts.token : ''),
    };
  }

  override onJoin(client: Client, _options: unknown, who: Who): void {
    this.attach(client, who);
  }

  private attach(client: Client, who: Who): void {
    const live = this.live!;
    if (who.kind === 'teacher') {
      this.teachers.add(client);
      live.greetTeacher((type, payload) => client.send(type, payload), ctx().retentionMs);
      return;
    }
    let set = this.byStudent.get(who.studentId);
    if (!set) this.byStudent.set(who.studentId, (set = new Set()));
    set.add(client);
    live.connectedChanged(who.studentId, 1);
    // only this connection is greeted (with its token); the student's other tabs are up to date
    const only: Outbox = {
      toStudent: (id, type, payload) => {
        if (id === who.studentId) client.send(type, payload);
      },
      toTeachers: () => undefined,
      dropStudent: () => undefined,
    };
    live.setOutbox(only);
    try {
      live.greet(who.studentId, who.token);
    } finally {
      live.setOutbox(this.outbox());
    }
  }

  private detach(client: Client): void {
    const who = client.auth as Who | undefined;
    if (!who) return;
    if (who.kind === 'teacher') {
      this.teachers.delete(client);
      return;
    }
    const set = this.byStudent.get(who.studentId);
    if (set?.delete(client)) this.live?.connectedChanged(who.studentId, -1);
  }

  override async onDrop(client: Client): Promise<void> {
    this.detach(client);
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // the device did not come back in time: it can still rejoin with its token
    }
  }

  override onReconnect(client: Client): void {
    this.attach(client, client.auth as Who);
  }

  override onLeave(client: Client): void {
    this.detach(client);
  }

  override onDispose(): void {
    if (this.live) {
      this.live.dispose();
      const { classes } = ctx();
      if (classes.get(this.roomId) === this.live) classes.delete(this.roomId);
    }
  }

  private reply<K extends keyof ServerMessages>(client: Client, type: K, payload: ServerMessages[K]): void {
    client.send(type, payload);
  }

  /** True past the per-second limit: the first one over is told, twice the limit closes the connection. */
  private flooding(client: Client): boolean {
    const now = Date.now();
    let rate = this.rates.get(client);
    if (!rate || now - rate.start >= 1000) this.rates.set(client, (rate = { start: now, count: 0 }));
    rate.count++;
    if (rate.count <= MAX_MESSAGES_PER_SECOND) return false;
    if (rate.count === MAX_MESSAGES_PER_SECOND + 1)
      this.reply(client, 'error', { code: 'rate-limited', message: 'Too many messages: slow down.' });
    if (rate.count > 2 * MAX_MESSAGES_PER_SECOND) client.leave(4429);
    return true;
  }

  private async handle(client: Client, type: string | number, payload: unknown): Promise<void> {
    const live = this.live;
    const who = client.auth as Who | undefined;
    if (!live || !who || this.flooding(client)) return;
    const read = parseClientMessage(type, payload);
    if (!read.ok) return this.reply(client, 'error', { code: read.code, message: read.message });
    const m = read.message;
    const allowed = who.kind === 'teacher' ? TEACHER_MESSAGES : STUDENT_MESSAGES;
    if (!allowed.includes(m.type)) {
      const message =
        who.kind === 'teacher' ? 'The teacher’s view does not play moves.' : 'Only the teacher can do that.';
      return this.reply(client, 'error', { code: 'not-allowed', message });
    }
    try {
      if (m.type === 'move' && who.kind === 'student') return await live.move(who.studentId, m.payload);
      switch (m.type) {
        case 'start':
          return await live.start();
        case 'pause':
          return await live.setPaused(true);
        case 'resume':
          return await live.setPaused(false);
        case 'remove':
        case 'pair': {
          const refused =
            m.type === 'remove'
              ? await live.remove(m.payload.studentId)
              : await live.pair(m.payload.a, m.payload.b);
          if (refused) this.reply(client, 'error', { code: refused.code, message: refused.message });
          return;
        }
        case 'end':
          await live.end();
          await this.disconnect(4000);
          return;
      }
    } catch (error) {
      console.error(`live class ${live.id}:`, error);
      this.reply(client, 'error', {
        code: 'server-error',
        message: 'The server could not do that: try again.',
      });
    }
  }
}
