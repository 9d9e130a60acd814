// One room per live session across every process of a cluster, and a session whose process died
// picked up by another. Colyseus keeps its room list in Redis (RedisDriver) and reaches a room on
// another process through Redis pub/sub (RedisPresence), but nothing in it stops two processes from
// each creating a room with the same roomId when two clients of one session arrive at once (its
// create-or-join lock is a best-effort wait, and a room's id is only listed after onCreate). So:
//
// - a room claims its session in onCreate (`sfo:{ID}:owner` := its processId, by a Lua
//   compare-and-set) and gives it back in onDispose; a second room for the session fails in onCreate;
// - a claim held by a dead process may be taken over. A process is alive while it is subscribed to
//   its Colyseus process channel `p:PROCESS_ID` (the test Colyseus' own start-up health check uses):
//   a process killed with SIGKILL loses its Redis connections, and with them its subscriptions, at once;
// - `ensureRoom` (before a client joins a session by id) finds the session's room, clears what
//   Colyseus still lists of a dead process (its rooms and its load figures, as its own health check
//   would after a 2 s timeout), and creates the room where Colyseus places it.
// And whatever happens, the store appends a move only at the log length it extends, so two rooms of
// one session could never write two different futures.
import { matchMaker } from '@colyseus/core';
import type { Redis } from 'ioredis';
import { DEFAULT_PREFIX } from './store/redis.ts';

/** KEYS: owner. ARGV: me, the dead owner to replace ('' for none). */
const CLAIM = `
local owner = redis.call('GET', KEYS[1])
if owner == false or owner == ARGV[1] or (ARGV[2] ~= '' and owner == ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0`;

/** KEYS: owner. ARGV: me. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

export class RoomClaims {
  /** Sessions whose room this process holds or is creating. */
  private readonly held = new Set<string>();
  private readonly ensuring = new Map<string, Promise<void>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = DEFAULT_PREFIX,
  ) {}

  private ownerKey(sessionId: string): string {
    return `${this.prefix}{${sessionId}}:owner`;
  }

  /** Whether the Colyseus process `processId` is still connected to Redis (and so alive). */
  async alive(processId: string): Promise<boolean> {
    const reply = (await this.redis.pubsub('NUMSUB', `p:${processId}`)) as [string, number];
    return Number(reply[1]) > 0;
  }

  /** The process holding the session's room, if any (alive or not). */
  owner(sessionId: string): Promise<string | null> {
    return this.redis.get(this.ownerKey(sessionId));
  }

  /**
   * Claims the session for a room of this process (call it in onCreate); false if a live process,
   * this one included, already holds it. Every successful claim must be released (onDispose, or
   * when onCreate fails after it).
   */
  async claim(sessionId: string, me: string = matchMaker.processId): Promise<boolean> {
    if (this.held.has(sessionId)) return false;
    this.held.add(sessionId);
    try {
      if (await this.claimOnce(sessionId, me)) return true;
    } catch (error) {
      this.held.delete(sessionId);
      throw error;
    }
    this.held.delete(sessionId);
    return false;
  }

  private async claimOnce(sessionId: string, me: string): Promise<boolean> {
    const key = this.ownerKey(sessionId);
    if ((await this.redis.eval(CLAIM, 1, key, me, '')) === 1) return true;
    const owner = await this.owner(sessionId);
    if (owner === null) return (await this.redis.eval(CLAIM, 1, key, me, '')) === 1;
    if (await this.alive(owner)) return false;
    // compare-and-set: of several processes taking over from the same dead one, one wins
    return (await this.redis.eval(CLAIM, 1, key, me, owner)) === 1;
  }

  /** Gives the session back (only if this process holds it). */
  async release(sessionId: string, me: string = matchMaker.processId): Promise<void> {
    this.held.delete(sessionId);
    await this.redis.eval(RELEASE, 1, this.ownerKey(sessionId), me);
  }

  /**
   * Makes sure a live process holds a room for the session, creating it with `create` (which
   * should call matchMaker.createRoom) if there is none. Resolves once the room is listed, so a
   * joinById right after finds it; rejects with the last error after a few seconds of trying.
   * Calls for one session at once in this process share one attempt.
   */
  ensureRoom(sessionId: string, create: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
    const pending = this.ensuring.get(sessionId);
    if (pending) return pending;
    const attempt = this.ensureOnce(sessionId, create, timeoutMs).finally(() =>
      this.ensuring.delete(sessionId),
    );
    this.ensuring.set(sessionId, attempt);
    return attempt;
  }

  private async ensureOnce(
    sessionId: string,
    create: () => Promise<unknown>,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown = new Error(`no room could be opened for session ${sessionId}`);
    while (Date.now() < deadline) {
      const listed = await matchMaker.getRoomById(sessionId);
      if (listed) {
        if (listed.processId === matchMaker.processId || (await this.alive(listed.processId))) return;
        await forgetProcess(listed.processId);
      }
      const owner = await this.owner(sessionId);
      // a live owner not yet listed is still creating the room: wait for it rather than race it
      if (
        owner === null ||
        (owner === matchMaker.processId && !this.held.has(sessionId)) ||
        !(await this.alive(owner))
      ) {
        try {
          await create();
          return;
        } catch (error) {
          lastError = error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw lastError;
  }
}

/** Removes a dead process's rooms and load figures from Colyseus's shared lists. */
async function forgetProcess(processId: string): Promise<void> {
  await matchMaker.driver.cleanup?.(processId);
  await matchMaker.stats.excludeProcess(processId);
}
