// `npm run server -- --redis URL` (or REDIS_URL): this process joins every other process on the
// same Redis (docs/deploy.md). Colyseus's RedisPresence and RedisDriver share matchmaking and
// pub/sub, RedisSessionStore the session records, and RoomClaims (clusterRooms.ts) keeps one room
// per session across the cluster and moves a dead process's sessions to a live one. app.ts takes
// what joinCluster returns as its `cluster` option; without it the server is one process on SQLite.
import { matchMaker, ServerError, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import { ROOM_NAME, SESSION_ID } from '../src/live/protocol.ts';
import { RoomClaims } from './clusterRooms.ts';
import { ClassRoom } from './room.ts';
import { connectRedis, DEFAULT_PREFIX, REDIS_CLIENT_OPTIONS, RedisSessionStore } from './store/redis.ts';

/** What app.ts needs to run as one process of a cluster. */
export interface ClusterHooks {
  presence: Presence;
  driver: RedisDriver;
  /** Where browsers open their WebSocket to this process's rooms: host:port[/path], no scheme. */
  publicAddress: string;
  /** The room class: ClassRoom claiming its session for this process (one room per session). */
  roomClass: typeof ClassRoom;
  /** Makes sure a live process holds the session's room (see clusterRooms.ts). */
  ensureRoom(sessionId: string): Promise<void>;
}

export interface Cluster extends ClusterHooks {
  store: RedisSessionStore;
  redisUrl: string;
}

/** How often a room checks that its session still exists (another process's sweep may delete it). */
const ORPHAN_CHECK_MS = 60_000;

/** Logs a lost Redis connection once per outage, not once per retry. */
function quietErrors(client: Redis, name: string): Redis {
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) console.error(`Redis (${name}): ${error.message}; reconnecting`);
    down = true;
  });
  client.on('ready', () => {
    if (down) console.error(`Redis (${name}): connected again`);
    down = false;
  });
  return client;
}

/**
 * Connects to Redis (failing plainly when it cannot be reached) and returns the store and the
 * hooks for app.ts. `publicAddress` must reach this process from the browsers (see docs/deploy.md).
 */
export async function joinCluster(
  redisUrl: string,
  publicAddress: string,
  prefix = DEFAULT_PREFIX,
): Promise<Cluster> {
  const client = quietErrors(await connectRedis(redisUrl), 'store');
  const store = new RedisSessionStore(client, prefix, true);
  const claims = new RoomClaims(client, prefix);
  const connection = (name: string) => quietErrors(new Redis(redisUrl, REDIS_CLIENT_OPTIONS), name);

  class ClusterClassRoom extends ClassRoom {
    private claimed = false;
    private orphanCheck: NodeJS.Timeout | null = null;

    override async onCreate(options: { sessionId?: unknown }): Promise<void> {
      const sessionId = typeof options.sessionId === 'string' ? options.sessionId : '';
      if (!(await claims.claim(sessionId)))
        throw new ServerError(409, 'This live class is open on another server process.');
      this.claimed = true;
      try {
        await super.onCreate(options);
      } catch (error) {
        this.claimed = false;
        await claims.release(sessionId);
        throw error;
      }
      // a session deleted by another process's retention sweep: this room closes too
      this.orphanCheck = setInterval(() => {
        void store.getSession(sessionId).then(
          (session) => (session ? undefined : this.disconnect(4000)),
          () => undefined,
        );
      }, ORPHAN_CHECK_MS);
      this.orphanCheck.unref();
    }

    override onDispose(): Promise<void> {
      super.onDispose();
      if (this.orphanCheck) clearInterval(this.orphanCheck);
      return this.claimed ? claims.release(this.roomId) : Promise.resolve();
    }
  }

  const ensureRoom = async (sessionId: string): Promise<void> => {
    if (!(await store.getSession(sessionId)))
      throw new ServerError(404, 'There is no live class with this id.');
    await claims.ensureRoom(sessionId, () => matchMaker.createRoom(ROOM_NAME, { sessionId }));
  };

  // A device rejoining by id (a reload, or after its process died) asks any process for a seat
  // in a room that may not exist anywhere yet: open it first. Colyseus's controller is the one
  // place every matchmaking request passes through (its documented customisation point).
  const invoke = matchMaker.controller.invokeMethod.bind(matchMaker.controller);
  matchMaker.controller.invokeMethod = async (method, roomId, clientOptions, authOptions) => {
    if ((method === 'joinById' || method === 'reconnect') && SESSION_ID.test(roomId))
      await ensureRoom(roomId).catch(() => undefined); // a wrong id gets Colyseus's own answer
    return invoke(method, roomId, clientOptions, authOptions);
  };

  return {
    store,
    redisUrl,
    presence: new RedisPresence(connection('presence')),
    driver: new RedisDriver(connection('rooms')),
    publicAddress,
    roomClass: ClusterClassRoom,
    ensureRoom,
  };
}
