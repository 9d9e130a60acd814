// The live class server's protocol, shared by the server (server/) and the page (src/live/client.ts):
// every HTTP body and answer, the room's join options and every message in both directions, as zod
// schemas with the types inferred from them. No Node import here: the page bundles this file.
// docs/live-server.md summarises it.
import { z } from 'zod';
import { ROLE_PLANS } from '../classroom/session.ts';
import { normalize } from '../classroom/base32.ts';
import { MAX_LABEL_LENGTH, MAX_TITLE_LENGTH } from '../classroom/text.ts';
import { LEVELS } from '../ai/settings.ts';
import { ROLES } from '../engine/vocabulary.ts';
import { hasControl, quoted } from '../persist/text.ts';
import type { ResultFile } from '../classroom/result.ts';
import type { LiveView } from './view.ts';

/** The one Colyseus room type; one room per live session, its roomId the session id. */
export const ROOM_NAME = 'class';
/** Where the HTTP API lives on the server's port. */
export const API_PREFIX = '/api/live';
export const DEFAULT_PORT = 2567;

/** The live join code: 8 Crockford base-32 symbols (40 random bits), shown as XXXX-XXXX. Never 16 long. */
export const JOIN_CODE_LENGTH = 8;
/** Session ids: 22 url-safe characters (128 random bits). */
export const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;
/** Teacher secrets and student tokens: 22 to 64 base64url characters (128+ random bits). */
const SECRET = /^[A-Za-z0-9_-]{22,64}$/;
/** Student ids within a session. */
const STUDENT_ID = /^[A-Za-z0-9_-]{1,24}$/;
/** Longest card or option id a move may name (as the replay format's MAX_ID_LENGTH). */
const MAX_ID = 80;

/** The join code as typed (any case, dashes and spaces aside, I/L read as 1 and O as 0), or null. */
export function normalizeJoinCode(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const read = normalize(text);
  return read.ok && read.symbols.length === JOIN_CODE_LENGTH ? read.symbols : null;
}

/** "ABCD-EFGH", as a code is shown on the board. */
export function showJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const freeTextOf = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.trim())
    .refine((s) => Array.from(s).length >= 1 && Array.from(s).length <= max && !hasControl(s), {
      message: `1 to ${max} characters, on one line`,
    });

const Role = z.enum(ROLES);
const JoinCode = z
  .string()
  .max(64)
  .refine((s) => normalizeJoinCode(s) !== null, {
    message: `a live class code has ${JOIN_CODE_LENGTH} letters and digits`,
  });

// ---------------------------------------------------------------------------------------------
// HTTP (JSON bodies; an error answer is ApiError with a 4xx status)

/** POST /api/live/sessions: the class session as the set-up screen builds it (then checkSession). */
export const CreateSessionBody = z.strictObject({
  scenarioId: z.string().min(1).max(MAX_ID),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  roles: z.enum(ROLE_PLANS),
  level: z.enum(LEVELS),
  turnSeconds: z.number().int().nullable(),
  seed: z.number().int().min(0).max(4294967295),
  title: z
    .string()
    .max(MAX_TITLE_LENGTH * 4)
    .optional(),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const CreateSessionAnswer = z.strictObject({
  sessionId: z.string().regex(SESSION_ID),
  /** Canonical, 8 symbols; show it with showJoinCode. */
  joinCode: z.string().length(JOIN_CODE_LENGTH),
  /** Alone gives teacher powers: keep it in the teacher's link (#fragment), never on the board. */
  teacherSecret: z.string().regex(SECRET),
});
export type CreateSessionAnswer = z.infer<typeof CreateSessionAnswer>;

/** POST /api/live/join: a student's join code → which session it opens. */
export const JoinBody = z.strictObject({ code: JoinCode });
export type JoinBody = z.infer<typeof JoinBody>;

export const JoinAnswer = z.strictObject({
  sessionId: z.string().regex(SESSION_ID),
  title: z.string().nullable(),
  scenarioId: z.string(),
  scenarioHash: z.string(),
  roles: z.enum(ROLE_PLANS),
});
export type JoinAnswer = z.infer<typeof JoinAnswer>;

export const API_ERROR_CODES = [
  'bad-request',
  'bad-session',
  'unknown-code',
  'not-found',
  'rate-limited',
  'too-large',
  'server-error',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
export const ApiError = z.strictObject({
  error: z.strictObject({ code: z.enum(API_ERROR_CODES), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiError>;

// ---------------------------------------------------------------------------------------------
// Joining the room: client.joinById(sessionId, options); checked in the room's onAuth

export const StudentJoin = z.strictObject({
  kind: z.literal('student'),
  code: JoinCode,
  /** The student's first name or team (1–40 characters, one line). */
  name: freeTextOf(MAX_LABEL_LENGTH),
  /** Half and half: the student's number on the class list (odd Kim, even Putin); else by name. */
  number: z.number().int().min(1).max(999).optional(),
});
export const StudentRejoin = z.strictObject({
  kind: z.literal('student'),
  code: JoinCode,
  /** From the welcome message; the page keeps it in localStorage keyed by the session id. */
  token: z.string().regex(SECRET),
});
export const TeacherJoin = z.strictObject({ kind: z.literal('teacher'), secret: z.string().regex(SECRET) });
export const JoinOptions = z.union([StudentRejoin, StudentJoin, TeacherJoin]);
export type StudentJoin = z.infer<typeof StudentJoin>;
export type StudentRejoin = z.infer<typeof StudentRejoin>;
export type TeacherJoin = z.infer<typeof TeacherJoin>;
export type JoinOptions = z.input<typeof JoinOptions>;
export type CheckedJoinOptions = z.output<typeof JoinOptions>;

// ---------------------------------------------------------------------------------------------
// Client → server messages (room.send(type, payload))

export const MoveMessage = z.strictObject({
  card: z.string().min(1).max(MAX_ID),
  option: z.string().min(1).max(MAX_ID),
  /** The month the student saw when choosing. */
  turn: z.number().int().min(1).max(1000),
  /** The game's log length the student saw: a stale or doubled move is answered `error stale`. */
  logLength: z.number().int().min(0).max(100_000),
});
const Empty = z.strictObject({}).optional();
export const RemoveMessage = z.strictObject({ studentId: z.string().regex(STUDENT_ID) });
export const PairMessage = z
  .strictObject({ a: z.string().regex(STUDENT_ID), b: z.string().regex(STUDENT_ID) })
  .refine((p) => p.a !== p.b, { message: 'a student cannot be paired with themselves' });

export const CLIENT_MESSAGES = {
  move: MoveMessage,
  start: Empty,
  pause: Empty,
  resume: Empty,
  end: Empty,
  remove: RemoveMessage,
  pair: PairMessage,
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;
export const STUDENT_MESSAGES: readonly ClientMessageType[] = ['move'];
export const TEACHER_MESSAGES: readonly ClientMessageType[] = [
  'start',
  'pause',
  'resume',
  'end',
  'remove',
  'pair',
];

export type ClientMessage =
  | { type: 'move'; payload: z.output<typeof MoveMessage> }
  | { type: 'start' | 'pause' | 'resume' | 'end'; payload: undefined }
  | { type: 'remove'; payload: z.output<typeof RemoveMessage> }
  | { type: 'pair'; payload: z.output<typeof PairMessage> };
export type MovePayload = z.output<typeof MoveMessage>;

export const ERROR_CODES = [
  'bad-message',
  'unknown-type',
  'not-allowed',
  'not-started',
  'paused',
  'ended',
  'waiting',
  'stale',
  'not-your-turn',
  'illegal-move',
  'not-found',
  'rate-limited',
  'server-error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Parsed<T> = { ok: true; message: T } | { ok: false; code: ErrorCode; message: string };

/** Longest message type name a client may send (anything longer is refused unread). */
const MAX_TYPE = 32;

/**
 * A message from a client, checked: its type one of CLIENT_MESSAGES and its payload that type's
 * schema. Never throws; a wrong one gives a plain message (quoting at most 32 characters of it).
 */
export function parseClientMessage(type: unknown, payload: unknown): Parsed<ClientMessage> {
  if (typeof type !== 'string' || type.length > MAX_TYPE || !Object.hasOwn(CLIENT_MESSAGES, type)) {
    const shown = typeof type === 'string' ? quoted(type) : typeof type;
    return {
      ok: false,
      code: 'unknown-type',
      message: `There is no message ${shown}: this server knows ${Object.keys(CLIENT_MESSAGES).join(', ')}.`,
    };
  }
  const name = type as ClientMessageType;
  const read = CLIENT_MESSAGES[name].safeParse(payload);
  if (!read.success) {
    const issue = read.error.issues[0];
    const where =
      issue && issue.path.length > 0 ? ` (at ${issue.path.map(String).join('.').slice(0, 40)})` : '';
    return {
      ok: false,
      code: 'bad-message',
      message: `This "${name}" message is malformed${where}: ${plain(issue?.message ?? 'wrong shape')}.`,
    };
  }
  return { ok: true, message: { type: name, payload: read.data } as ClientMessage };
}

/** A schema's message (which may name keys the client sent): short, and nothing that could be markup. */
function plain(text: string): string {
  return Array.from(text)
    .slice(0, 120)
    .map((c) => (/[\p{L}\p{M}\p{N} _.,:;/()'"+#@!?*=-]/u.test(c) ? c : '?'))
    .join('');
}

/** The room's join options, checked (never throws). */
export function parseJoinOptions(options: unknown): Parsed<CheckedJoinOptions> {
  const read = JoinOptions.safeParse(options);
  if (read.success) return { ok: true, message: read.data };
  return {
    ok: false,
    code: 'bad-message',
    message:
      'To join a live class send { kind: "student", code, name } (or { kind: "student", code, token } ' +
      'to come back), or { kind: "teacher", secret }.',
  };
}

// ---------------------------------------------------------------------------------------------
// Server → client messages (client.send(type, payload)); the page may check them with these schemas

/** What a student's status line says. */
export const STUDENT_STATUSES = [
  'waiting-start', // the teacher has not started the class
  'waiting-partner', // a pair: no partner yet
  'playing',
  'paused',
  'finished',
  'ended', // the teacher ended the session: it is deleted
  'removed', // the teacher removed this student
] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const RosterStatus = z.enum(['waiting', 'playing', 'finished', 'disconnected', 'removed']);
export type RosterStatus = z.infer<typeof RosterStatus>;

const SessionSetup = z.strictObject({
  scenarioId: z.string(),
  scenarioHash: z.string(),
  roles: z.enum(ROLE_PLANS),
  level: z.enum(LEVELS),
  turnSeconds: z.number().nullable(),
  seed: z.number(),
  title: z.string().optional(),
});

export const WelcomeMessage = z.strictObject({
  sessionId: z.string(),
  studentId: z.string(),
  /** Keep it (localStorage, keyed by sessionId): rejoin with { kind: 'student', code, token }. */
  token: z.string(),
  name: z.string(),
  /** The role this student plays. */
  role: Role,
  session: SessionSetup,
  /** Who holds each role of this student's game (a pair: both human). */
  seats: z.strictObject({ kim: z.enum(['human', 'computer']), putin: z.enum(['human', 'computer']) }),
  /** The partner's name in a pair, once paired. */
  partner: z.string().nullable(),
});
export type WelcomeMessage = z.infer<typeof WelcomeMessage>;

/** The game as this student's device may see it (view.ts). Checked loosely: the page trusts its server. */
export const ViewMessage = z.strictObject({
  game: z.custom<LiveView>((v) => typeof v === 'object' && v !== null && !('rng' in v)),
  /** The game's log length: send it back with the next move. */
  logLength: z.number().int(),
  partner: z.string().nullable(),
});
export type ViewMessage = z.infer<typeof ViewMessage>;

/** The student's own move is stored on disk: it will survive a restart. */
export const AckMessage = z.strictObject({ logLength: z.number().int() });
export type AckMessage = z.infer<typeof AckMessage>;

export const StatusMessage = z.strictObject({
  status: z.enum(STUDENT_STATUSES),
  /** Plain text for the status line. */
  message: z.string(),
});
export type StatusMessage = z.infer<typeof StatusMessage>;

export const ErrorMessage = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** The teacher's welcome: the session, its code for the board. */
export const TeacherWelcomeMessage = z.strictObject({
  sessionId: z.string(),
  joinCode: z.string(),
  session: SessionSetup,
  createdAt: z.string(),
  /** When the server deletes it unless the teacher ends it first (ISO date). */
  expiresAt: z.string(),
});
export type TeacherWelcomeMessage = z.infer<typeof TeacherWelcomeMessage>;

export const RosterEntry = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: Role,
  /** The month the student's game is in. */
  month: z.number().int(),
  status: RosterStatus,
  /** The partner's student id in a pair. */
  partner: z.string().nullable(),
  /** The ending reached, once finished. */
  ending: z.string().optional(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const RosterMessage = z.strictObject({
  students: z.array(RosterEntry),
  started: z.boolean(),
  paused: z.boolean(),
});
export type RosterMessage = z.infer<typeof RosterMessage>;

/**
 * Finished games as the classroom's result objects (src/classroom/result.ts), ready for
 * parseResults and buildDashboard. Sent whole on every change. `final`: the session is ending, and
 * unfinished games are included too (the dashboard counts them as "Not finished").
 */
export const ResultsMessage = z.strictObject({
  results: z.array(
    z.strictObject({
      studentId: z.string(),
      /** For parseResults' `name`: e.g. "Ada (live)". */
      name: z.string(),
      result: z.custom<ResultFile>((v) => typeof v === 'object' && v !== null),
    }),
  ),
  final: z.boolean(),
});
export type ResultsMessage = z.infer<typeof ResultsMessage>;

export const SERVER_MESSAGES = {
  welcome: WelcomeMessage,
  view: ViewMessage,
  ack: AckMessage,
  status: StatusMessage,
  error: ErrorMessage,
  teacher: TeacherWelcomeMessage,
  roster: RosterMessage,
  results: ResultsMessage,
} as const;
export type ServerMessageType = keyof typeof SERVER_MESSAGES;
export type ServerMessages = { [K in ServerMessageType]: z.infer<(typeof SERVER_MESSAGES)[K]> };
