// The shared session store (issue 12): every process of a cluster reads and writes the same Redis,
// so a session created through one process can be joined through any other, and a game whose
// process died is rebuilt by another from the same seed and log. Each change is one Lua script
// (atomic on the Redis side); with `appendfsync always` Redis answers a write only once it is on
// disk, so `appendMove` resolving means the move survives a crash of the server or of Redis
// (docs/deploy.md argues why this is durable enough).
//
// Keys (`sfo:` by default; the {session id} braces keep one session's keys in one cluster slot):
//   sfo:sessions                 sorted set of session ids by createdAt (listing, retention sweep)
//   sfo:code:CODE                the session id holding a join code
//   sfo:{ID}:session             hash: the session's fields (its set-up as JSON)
//   sfo:{ID}:students            list of student ids in join order; sfo:{ID}:student:SID a hash each
//   sfo:{ID}:games               list of game ids in creation order; sfo:{ID}:game:GID a hash each
//   sfo:{ID}:log:GID             list of the game's moves, one JSON action each
//   sfo:{ID}:owner               the process holding the session's room (server/clusterRooms.ts)
import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { ROLES } from '../../src/engine/vocabulary.ts';
import { LEVELS } from '../../src/ai/settings.ts';
import type { ClassSession } from '../../src/classroom/session.ts';
import type { ChooseAction } from '../../src/engine/index.ts';
import type { SessionStore, StoredGame, StoredSession, StoredStudent, StoreResult } from './types.ts';

export const DEFAULT_PREFIX = 'sfo:';

/**
 * Connection settings for every Redis client of a server process: a command issued while Redis is
 * away waits for it to come back (queued, then sent on reconnect) rather than failing, so a move
 * made during a Redis restart is stored, and acknowledged, once Redis is back.
 */
export const REDIS_CLIENT_OPTIONS: RedisOptions = {
  maxRetriesPerRequest: null,
  enableOfflineQueue: true,
  retryStrategy: (times) => Math.min(100 * times, 1000),
};

/** A client for `url` with REDIS_CLIENT_OPTIONS; resolves once Redis answers, or fails plainly. */
export async function connectRedis(url: string, timeoutMs = 5000): Promise<Redis> {
  const client = new Redis(url, { ...REDIS_CLIENT_OPTIONS, lazyConnect: true });
  let lastError = '';
  // reconnection is ioredis's job; failures surface per command
  client.on('error', (error: Error) => (lastError = error.message));
  const timer = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`Redis at ${url} did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    ),
  );
  try {
    await Promise.race([client.connect().then(() => client.ping()), timer]);
  } catch (error) {
    client.disconnect();
    throw new Error(
      `cannot reach Redis at ${url}: ${lastError || (error instanceof Error ? error.message : String(error))}`,
      { cause: error },
    );
  }
  return client;
}

// --- scripts -------------------------------------------------------------------------------------

// A write whose answer was lost (Redis killed after doing it, before replying) is sent again by
// the client on reconnection: each script below then finds its own work already done, and says so,
// rather than refusing it as a conflict (which would leave the server and the store disagreeing).

/** Lua: whether the hash KEYS[k] holds exactly the field/value pairs of ARGV from index `from`. */
const SAME_FIELDS = `
local function same(key, from)
  for i = from, #ARGV, 2 do
    if redis.call('HGET', key, ARGV[i]) ~= ARGV[i + 1] then return false end
  end
  return true
end`;

/** KEYS: session, code, sessions. ARGV: id, createdAt, field/value pairs. */
const CREATE_SESSION = `${SAME_FIELDS}
if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('GET', KEYS[2]) == ARGV[1] and same(KEYS[1], 3) then
  return 1
end
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
return 1`;

/** KEYS: hash. ARGV: field/value pairs. Changes the fields of an existing hash only. */
const PATCH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1`;

/** KEYS: session, item hash, item list[, log]. ARGV: id, log count, log entries…, field/value pairs. */
const ADD_ITEM = `${SAME_FIELDS}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = tonumber(ARGV[2])
if redis.call('EXISTS', KEYS[2]) == 1 then return same(KEYS[2], 3 + n) and 1 or 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 3 + n))
redis.call('RPUSH', KEYS[3], ARGV[1])
if n > 0 then redis.call('RPUSH', KEYS[4], unpack(ARGV, 3, 2 + n)) end
return 1`;

/**
 * KEYS: game, log. ARGV: index, action. Appends only if the log is exactly `index` long; a log
 * already one longer that ends with this very move is this write done before (its answer lost).
 */
const APPEND_MOVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local length = redis.call('LLEN', KEYS[2])
local index = tonumber(ARGV[1])
if length == index + 1 and redis.call('LINDEX', KEYS[2], -1) == ARGV[2] then return 1 end
if length ~= index then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[2])
return 1`;

/** KEYS: session, sessions. ARGV: id, prefix. Deletes the session and everything under it. */
const DELETE_SESSION = `
local p = ARGV[2] .. '{' .. ARGV[1] .. '}:'
local code = redis.call('HGET', KEYS[1], 'joinCode')
if code and redis.call('GET', ARGV[2] .. 'code:' .. code) == ARGV[1] then
  redis.call('DEL', ARGV[2] .. 'code:' .. code)
end
for _, s in ipairs(redis.call('LRANGE', p .. 'students', 0, -1)) do redis.call('DEL', p .. 'student:' .. s) end
for _, g in ipairs(redis.call('LRANGE', p .. 'games', 0, -1)) do
  redis.call('DEL', p .. 'game:' .. g, p .. 'log:' .. g)
end
redis.call('DEL', KEYS[1], p .. 'students', p .. 'games', p .. 'owner')
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

// --- what is read back is checked: a damaged record is named, never half-used ----------------------

const SessionFields = z.object({
  id: z.string(),
  setup: z.string(),
  joinCode: z.string(),
  teacherSecretHash: z.string(),
  createdAt: z.coerce.number().int(),
  started: z.enum(['0', '1']),
  paused: z.enum(['0', '1']),
});
const StudentFields = z.object({
  id: z.string(),
  sessionId: z.string(),
  tokenHash: z.string(),
  name: z.string(),
  number: z.string(),
  role: z.enum(ROLES),
  gameId: z.string(),
  order: z.coerce.number().int(),
  removed: z.enum(['0', '1']),
});
const GameFields = z.object({
  id: z.string(),
  sessionId: z.string(),
  seed: z.coerce.number(),
  players: z.string(),
  computer: z.string(),
  createdAt: z.coerce.number().int(),
});
const Players = z.partialRecord(z.enum(ROLES), z.string());
const Computer = z.partialRecord(z.enum(ROLES), z.object({ level: z.enum(LEVELS) }));
const Move = z.object({
  type: z.literal('choose'),
  role: z.enum(ROLES),
  card: z.string(),
  option: z.string(),
});

function damaged(what: string): never {
  throw new Error(`the shared store holds a damaged ${what}`);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const read = schema.safeParse(value);
  return read.success ? read.data : damaged(what);
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return damaged(what);
  }
}

const flag = (value: boolean): string => (value ? '1' : '0');
const pairs = (record: Record<string, string>): string[] => Object.entries(record).flat();

function sessionFields(s: StoredSession): Record<string, string> {
  return {
    id: s.id,
    setup: JSON.stringify(s.setup),
    joinCode: s.joinCode,
    teacherSecretHash: s.teacherSecretHash,
    createdAt: String(s.createdAt),
    started: flag(s.started),
    paused: flag(s.paused),
  };
}

function studentFields(s: StoredStudent): Record<string, string> {
  return {
    id: s.id,
    sessionId: s.sessionId,
    tokenHash: s.tokenHash,
    name: s.name,
    number: s.number === null ? '' : String(s.number),
    role: s.role,
    gameId: s.gameId ?? '',
    order: String(s.order),
    removed: flag(s.removed),
  };
}

function gameFields(g: StoredGame): Record<string, string> {
  return {
    id: g.id,
    sessionId: g.sessionId,
    seed: String(g.seed),
    players: JSON.stringify(g.players),
    computer: JSON.stringify(g.computer),
    createdAt: String(g.createdAt),
  };
}

function readSession(hash: Record<string, string>): StoredSession {
  const f = parse(SessionFields, hash, 'session');
  return {
    id: f.id,
    // the set-up was checked by checkSession before it was first stored; the server checks it again
    setup: json(f.setup, `session ${f.id}`) as ClassSession,
    joinCode: f.joinCode,
    teacherSecretHash: f.teacherSecretHash,
    createdAt: f.createdAt,
    started: f.started === '1',
    paused: f.paused === '1',
  };
}

function readStudent(hash: Record<string, string>): StoredStudent {
  const f = parse(StudentFields, hash, 'student');
  return {
    id: f.id,
    sessionId: f.sessionId,
    tokenHash: f.tokenHash,
    name: f.name,
    number: f.number === '' ? null : Number(f.number),
    role: f.role,
    gameId: f.gameId === '' ? null : f.gameId,
    order: f.order,
    removed: f.removed === '1',
  };
}

function readGame(hash: Record<string, string>, log: string[]): StoredGame {
  const f = parse(GameFields, hash, 'game');
  const what = `game ${f.sessionId}/${f.id}`;
  return {
    id: f.id,
    sessionId: f.sessionId,
    seed: f.seed,
    players: parse(Players, json(f.players, what), what),
    computer: parse(Computer, json(f.computer, what), what),
    log: log.map((entry): ChooseAction => parse(Move, json(entry, what), what)),
    createdAt: f.createdAt,
  };
}

const OK: StoreResult = { ok: true };
const CONFLICT: StoreResult = { ok: false, reason: 'conflict' };
const MISSING: StoreResult = { ok: false, reason: 'missing' };

// --- the store -----------------------------------------------------------------------------------

export class RedisSessionStore implements SessionStore {
  constructor(
    /** Shared by the store's calls; closed by close() when `ownsClient`. */
    private readonly redis: Redis,
    private readonly prefix = DEFAULT_PREFIX,
    private readonly ownsClient = true,
  ) {}

  /** Connects to `url` (failing plainly when Redis cannot be reached) and returns the store. */
  static async open(url: string, prefix = DEFAULT_PREFIX): Promise<RedisSessionStore> {
    return new RedisSessionStore(await connectRedis(url), prefix, true);
  }

  /** The key of `part` under session `id` (see the key list above). */
  key(id: string, part: string): string {
    return `${this.prefix}{${id}}:${part}`;
  }

  private get sessionsKey(): string {
    return `${this.prefix}sessions`;
  }

  private codeKey(code: string): string {
    return `${this.prefix}code:${code}`;
  }

  private run(script: string, keys: string[], args: string[]): Promise<number> {
    return this.redis.eval(script, keys.length, ...keys, ...args) as Promise<number>;
  }

  async createSession(session: StoredSession): Promise<StoreResult> {
    const keys = [this.key(session.id, 'session'), this.codeKey(session.joinCode), this.sessionsKey];
    const args = [session.id, String(session.createdAt), ...pairs(sessionFields(session))];
    return (await this.run(CREATE_SESSION, keys, args)) === 1 ? OK : CONFLICT;
  }

  async getSession(id: string): Promise<StoredSession | null> {
    const hash = await this.redis.hgetall(this.key(id, 'session'));
    return Object.keys(hash).length === 0 ? null : readSession(hash);
  }

  async findByJoinCode(joinCode: string): Promise<StoredSession | null> {
    const id = await this.redis.get(this.codeKey(joinCode));
    return id === null ? null : this.getSession(id);
  }

  async listSessions(): Promise<StoredSession[]> {
    const ids = await this.redis.zrange(this.sessionsKey, 0, -1);
    const hashes = await this.hashes(ids.map((id) => this.key(id, 'session')));
    return hashes.filter((hash) => Object.keys(hash).length > 0).map(readSession);
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<StoredSession, 'started' | 'paused'>>,
  ): Promise<StoreResult> {
    const fields: Record<string, string> = {};
    if (patch.started !== undefined) fields.started = flag(patch.started);
    if (patch.paused !== undefined) fields.paused = flag(patch.paused);
    return this.patch(this.key(id, 'session'), fields);
  }

  async deleteSession(id: string): Promise<void> {
    await this.run(DELETE_SESSION, [this.key(id, 'session'), this.sessionsKey], [id, this.prefix]);
  }

  async deleteSessionsBefore(createdBefore: number): Promise<string[]> {
    const ids = await this.redis.zrangebyscore(this.sessionsKey, '-inf', `(${createdBefore}`);
    for (const id of ids) await this.deleteSession(id);
    return ids;
  }

  async addStudent(student: StoredStudent): Promise<StoreResult> {
    const s = student.sessionId;
    const keys = [this.key(s, 'session'), this.key(s, `student:${student.id}`), this.key(s, 'students')];
    const args = [student.id, '0', ...pairs(studentFields(student))];
    return this.added(await this.run(ADD_ITEM, keys, args));
  }

  async updateStudent(
    sessionId: string,
    id: string,
    patch: Partial<Pick<StoredStudent, 'gameId' | 'removed'>>,
  ): Promise<StoreResult> {
    const fields: Record<string, string> = {};
    if (patch.gameId !== undefined) fields.gameId = patch.gameId ?? '';
    if (patch.removed !== undefined) fields.removed = flag(patch.removed);
    return this.patch(this.key(sessionId, `student:${id}`), fields);
  }

  async listStudents(sessionId: string): Promise<StoredStudent[]> {
    const ids = await this.redis.lrange(this.key(sessionId, 'students'), 0, -1);
    const hashes = await this.hashes(ids.map((id) => this.key(sessionId, `student:${id}`)));
    return hashes.filter((hash) => Object.keys(hash).length > 0).map(readStudent);
  }

  async addGame(game: StoredGame): Promise<StoreResult> {
    const s = game.sessionId;
    const keys = [
      this.key(s, 'session'),
      this.key(s, `game:${game.id}`),
      this.key(s, 'games'),
      this.key(s, `log:${game.id}`),
    ];
    const log = game.log.map((action) => JSON.stringify(action));
    const args = [game.id, String(log.length), ...log, ...pairs(gameFields(game))];
    return this.added(await this.run(ADD_ITEM, keys, args));
  }

  async appendMove(
    sessionId: string,
    gameId: string,
    index: number,
    action: ChooseAction,
  ): Promise<StoreResult> {
    const keys = [this.key(sessionId, `game:${gameId}`), this.key(sessionId, `log:${gameId}`)];
    const move: ChooseAction = {
      type: 'choose',
      role: action.role,
      card: action.card,
      option: action.option,
    };
    const done = await this.run(APPEND_MOVE, keys, [String(index), JSON.stringify(move)]);
    return done === 1 ? OK : done === 0 ? CONFLICT : MISSING;
  }

  async listGames(sessionId: string): Promise<StoredGame[]> {
    const ids = await this.redis.lrange(this.key(sessionId, 'games'), 0, -1);
    if (ids.length === 0) return [];
    const batch = this.redis.pipeline();
    for (const id of ids) {
      batch.hgetall(this.key(sessionId, `game:${id}`));
      batch.lrange(this.key(sessionId, `log:${id}`), 0, -1);
    }
    const replies = await this.replies(batch);
    const games: StoredGame[] = [];
    for (let i = 0; i < ids.length; i++) {
      const hash = replies[2 * i] as Record<string, string>;
      if (Object.keys(hash).length > 0) games.push(readGame(hash, replies[2 * i + 1] as string[]));
    }
    return games;
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async patch(key: string, fields: Record<string, string>): Promise<StoreResult> {
    if (Object.keys(fields).length === 0) return (await this.redis.exists(key)) === 1 ? OK : MISSING;
    return (await this.run(PATCH, [key], pairs(fields))) === 1 ? OK : MISSING;
  }

  private added(done: number): StoreResult {
    return done === 1 ? OK : done === 0 ? CONFLICT : MISSING;
  }

  private async hashes(keys: string[]): Promise<Record<string, string>[]> {
    if (keys.length === 0) return [];
    const batch = this.redis.pipeline();
    for (const key of keys) batch.hgetall(key);
    return (await this.replies(batch)) as Record<string, string>[];
  }

  private async replies(batch: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
    const results = (await batch.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      return value;
    });
  }
}
