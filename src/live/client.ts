// The one module through which the page talks to a class server (docs/live-server.md): its HTTP
// API (create a live session, look up a join code) and the room connection, for a student or the
// teacher. Every message from the server is checked with the protocol's schemas; a bad one is
// ignored with a console warning. Reconnection: the Colyseus SDK's own for short drops; past that
// (the server restarted, the page reloaded) the room is joined again by the session id with the
// stored token (students) or secret (the teacher), retrying with back-off until it works or the
// session is over. The SDK itself loads only here, on demand, so the title's download stays small.
import mitt from 'mitt';
import type { Room } from '@colyseus/sdk';
import type { ClassSession } from '../classroom/session.ts';
import {
  API_PREFIX,
  ApiError,
  CreateSessionAnswer,
  JoinAnswer,
  SERVER_MESSAGES,
  type ClientMessage,
  type JoinOptions,
  type ServerMessages,
  type ServerMessageType,
} from './protocol.ts';

// ---------------------------------------------------------------------------------------------
// HTTP

export type ApiResult<T> =
  | { ok: true; value: T }
  /** `noServer`: the page was not served by a class server (a plain static host, or offline). */
  | { ok: false; noServer: boolean; message: string };

const NO_SERVER =
  'This page is not served by a class server, so live play is not available here. Start one with “npm run server” on a computer of the class’s network and open the address it prints; the class code and the handout work without it.';

/** The same, for a student who typed a live code. */
export const NO_SERVER_STUDENT =
  'This is a live class’s code (8 letters and digits), but this page is not served by a class server: open the address your teacher gives you, and type the code there.';

/** POSTs `body` to the class server that served this page; the answer checked with `schema`. */
async function post<T>(
  path: string,
  body: unknown,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${location.origin}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, noServer: true, message: NO_SERVER };
  }
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('application/json') ? await response.json().catch(() => null) : null;
  if (response.ok) {
    const read = schema.safeParse(data);
    if (read.success) return { ok: true, value: read.data };
    return { ok: false, noServer: true, message: NO_SERVER };
  }
  const error = ApiError.safeParse(data);
  if (error.success) return { ok: false, noServer: false, message: error.data.error.message };
  // a static host answers 404 (or 405) with a page of its own: no class server behind it
  return { ok: false, noServer: true, message: NO_SERVER };
}

/** Creates a live session of `session` on this page's server: its id, join code and teacher secret. */
export function createLiveSession(session: ClassSession): Promise<ApiResult<CreateSessionAnswer>> {
  return post('/sessions', session, CreateSessionAnswer);
}

/** Which live session a join code opens. */
export function lookUpJoinCode(code: string): Promise<ApiResult<JoinAnswer>> {
  return post('/join', { code }, JoinAnswer);
}

// ---------------------------------------------------------------------------------------------
// Remembered tokens: a reload comes back to the same student and game

const TOKEN_KEY = (sessionId: string) => `sfo-live-token:${sessionId}`;

export function storedToken(sessionId: string): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY(sessionId));
  } catch {
    return null;
  }
}

export function storeToken(sessionId: string, token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY(sessionId), token);
  } catch {
    // private browsing without storage: a reload will ask for the name again
  }
}

export function forgetToken(sessionId: string): void {
  try {
    localStorage.removeItem(TOKEN_KEY(sessionId));
  } catch {
    // nothing stored
  }
}

// ---------------------------------------------------------------------------------------------
// The room connection

/**
 * `connecting`: the first join; `open`: messages flow; `reconnecting`: lost, trying again (moves
 * wait); `closed`: for good (left, or the session is over).
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type LinkEvents = ServerMessages & {
  connection: { state: ConnectionState; message: string | null };
};

/** Back-off of our own rejoin attempts, after the SDK's reconnection gave up (ms). */
const REJOIN_DELAYS = [300, 600, 1200, 2500, 5000];

/** Rejoins the server refuses (it answers, but not with a seat) before giving up. */
const MAX_REFUSALS = 5;

/** The SDK's reconnection: a few quick tries; a restarted server is ours to handle. */
const SDK_RETRIES = 6;

let sdk: Promise<typeof import('@colyseus/sdk')> | null = null;

function loadSdk(): Promise<typeof import('@colyseus/sdk')> {
  sdk ??= import('@colyseus/sdk');
  return sdk;
}

export interface LinkOptions {
  sessionId: string;
  /** The options of the next join (a student's change after the welcome: a token instead of a name). */
  joinOptions: () => JoinOptions;
}

/** One device's connection to its live session's room. */
export class LiveLink {
  readonly events = mitt<LinkEvents>();
  private room: Room | null = null;
  private state: ConnectionState = 'connecting';
  private closed = false;
  private attempt = 0;
  private refusals = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: LinkOptions;

  constructor(options: LinkOptions) {
    this.options = options;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  /** Joins the room; resolves with a message when the first join fails (null when it worked). */
  async open(): Promise<string | null> {
    return this.join(true);
  }

  /** Sends a message now; false when not connected (the caller keeps it for later). */
  send(message: ClientMessage): boolean {
    if (this.state !== 'open' || !this.room) return false;
    try {
      this.room.send(message.type, message.payload ?? {});
      return true;
    } catch {
      return false;
    }
  }

  /** Leaves for good. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.setState('closed', null);
    const room = this.room;
    this.room = null;
    room?.leave(true).catch(() => undefined);
  }

  private setState(state: ConnectionState, message: string | null): void {
    if (this.state === state) return;
    this.state = state;
    this.events.emit('connection', { state, message });
  }

  private async join(first: boolean): Promise<string | null> {
    let room: Room;
    try {
      const { Client } = await loadSdk();
      const client = new Client(location.origin);
      room = await client.joinById(this.options.sessionId, this.options.joinOptions());
    } catch (error) {
      const message = joinError(error);
      // a server that answers and refuses, again and again, means it: the session is gone
      if (message !== UNREACHABLE) this.refusals++;
      if (first || this.refusals >= MAX_REFUSALS) {
        this.closed = true;
        this.setState('closed', message);
        return message;
      }
      this.scheduleRejoin(message);
      return message;
    }
    if (this.closed) {
      room.leave(true).catch(() => undefined);
      return null;
    }
    this.attach(room);
    this.attempt = 0;
    this.refusals = 0;
    this.setState('open', null);
    return null;
  }

  private attach(room: Room): void {
    this.room = room;
    room.reconnection.maxRetries = SDK_RETRIES;
    room.reconnection.maxDelay = 2000;
    room.onMessage('*', (type, payload) => this.receive(type, payload));
    room.onDrop(() => this.setState('reconnecting', null));
    room.onReconnect(() => this.setState('open', null));
    room.onLeave(() => {
      if (this.room !== room) return;
      this.room = null;
      // whatever closed it (the SDK gave up, a restarted server refused the old seat), join again:
      // only the page (close) or the server's word (a removed student, an ended session) stops it
      if (!this.closed) this.scheduleRejoin(null);
    });
  }

  private scheduleRejoin(message: string | null): void {
    if (this.closed) return;
    this.setState('reconnecting', message);
    const delay = REJOIN_DELAYS[Math.min(this.attempt, REJOIN_DELAYS.length - 1)]!;
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.join(false);
    }, delay);
  }

  private receive(type: string | number, payload: unknown): void {
    if (typeof type !== 'string' || !Object.hasOwn(SERVER_MESSAGES, type)) {
      console.warn(`The class server sent a message this page does not know (${String(type).slice(0, 32)}).`);
      return;
    }
    const name = type as ServerMessageType;
    const read = SERVER_MESSAGES[name].safeParse(payload);
    if (!read.success) {
      console.warn(`The class server sent a malformed "${name}" message; it is ignored.`);
      return;
    }
    // (each schema gives its own message type: the pairing of name and data is the map's)
    this.events.emit(name, read.data as never);
  }
}

export const UNREACHABLE = 'The class server cannot be reached: check the network, and try again.';

/** A failed join, in words. */
function joinError(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (/fetch|network|failed to|ECONNREFUSED|load failed/i.test(text) || text === '') return UNREACHABLE;
  return text.slice(0, 300);
}
