// The live class server in one call: Colyseus (one `class` room per session, WebSocket transport)
// and the HTTP API and the built game on the same port; every stored session restored at start;
// the retention sweep. main.ts parses the command line; tests and the bench start it the same way.
import type { AddressInfo } from 'node:net';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ROOM_NAME } from '../src/live/protocol.ts';
import { loadCatalogue, type Catalogue } from './catalogue.ts';
import { installRoutes } from './http.ts';
import type { LiveClass } from './liveClass.ts';
import { CREATES_PER_TEN_MINUTES, FAILURES_PER_MINUTE, JOINS_PER_MINUTE, SWEEP_MS } from './limits.ts';
import { RateLimiter } from './rateLimit.ts';
import { ClassRoom, setRoomContext } from './room.ts';
import type { ClusterHooks } from './cluster.ts';
import type { SessionStore } from './store/types.ts';

// Colyseus 0.17 (core 0.17.51, still so on its master) checks `client.readyState !== WebSocket.OPEN`
// when a dropped device reconnects, and Node 20 has no global WebSocket: without these constants
// every SDK reconnection fails with "WebSocket is not defined" and the device must rejoin by id.
(globalThis as { WebSocket?: unknown }).WebSocket ??= { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };

export interface LiveServerOptions {
  store: SessionStore;
  port: number;
  host: string;
  /** Sessions are deleted this long after they were made (unless the teacher ends them first). */
  retentionMs: number;
  /** The built game to serve, or null for the API alone. */
  dist: string | null;
  /** Wrong codes, secrets or tokens an address may try per minute. */
  failuresPerMinute?: number;
  /** Join attempts an address may make a minute. */
  joinsPerMinute?: number;
  /** Live classes an address may make per ten minutes. */
  sessionsPerTenMinutes?: number;
  /** How often the retention sweep runs (ms). */
  sweepMs?: number;
  catalogue?: Catalogue;
  now?: () => number;
  /** Issue 12 hook: one process of several sharing a Redis (server/cluster.ts); absent, this one alone. */
  cluster?: ClusterHooks;
}

export interface LiveServer {
  port: number;
  /** Sessions deleted by the sweep so far. */
  sweep(): Promise<string[]>;
  close(): Promise<void>;
}

/** Creates the session's room in this process unless it is there already. */
async function ensureRoom(sessionId: string): Promise<void> {
  if (matchMaker.getLocalRoomById(sessionId)) return;
  await matchMaker.createRoom(ROOM_NAME, { sessionId });
}

export async function startLiveServer(o: LiveServerOptions): Promise<LiveServer> {
  const catalogue = o.catalogue ?? loadCatalogue();
  const now = o.now ?? Date.now;
  const classes = new Map<string, LiveClass>();
  const failures = new RateLimiter(o.failuresPerMinute ?? FAILURES_PER_MINUTE, 60_000, now);
  const joins = new RateLimiter(o.joinsPerMinute ?? JOINS_PER_MINUTE, 60_000, now);
  const creates = new RateLimiter(o.sessionsPerTenMinutes ?? CREATES_PER_TEN_MINUTES, 600_000, now);
  setRoomContext({ store: o.store, catalogue, retentionMs: o.retentionMs, failures, joins, classes });
  // issue 12 hook: in a cluster, the room is opened wherever a live process can hold it
  const ensure = o.cluster?.ensureRoom ?? ensureRoom;

  const server = new Server({
    transport: new WebSocketTransport({ maxPayload: 8 * 1024 }),
    greet: false,
    gracefullyShutdown: false,
    // issue 12 hook: Redis presence and driver, and this process's address for its WebSockets
    presence: o.cluster?.presence,
    driver: o.cluster?.driver,
    publicAddress: o.cluster?.publicAddress,
    express: (app) =>
      installRoutes(app, {
        store: o.store,
        catalogue,
        ensureRoom: ensure,
        creates,
        joins,
        failures,
        dist: o.dist,
        now,
      }),
  });
  server.define(ROOM_NAME, o.cluster?.roomClass ?? ClassRoom);
  await server.listen(o.port, o.host);
  const address = server.transport.server?.address() as AddressInfo | null;
  const port = address?.port ?? o.port;

  const sweep = async (): Promise<string[]> => {
    const gone = await o.store.deleteSessionsBefore(now() - o.retentionMs);
    for (const id of gone) {
      const room = matchMaker.getLocalRoomById(id);
      // its devices are told (the teacher gets every result one last time), then closed
      await classes.get(id)?.end();
      if (room) await room.disconnect(4000);
    }
    return gone;
  };
  await sweep();
  // every stored session gets its room back, so its devices can rejoin by id
  for (const session of await o.store.listSessions()) {
    try {
      await ensure(session.id);
    } catch (error) {
      console.error(`live class ${session.id} could not be restored:`, error);
    }
  }
  const timer = setInterval(
    () => void sweep().catch((e: unknown) => console.error('retention sweep:', e)),
    // a short retention (tests, a single lesson) is swept often enough to keep its promise
    o.sweepMs ?? Math.max(1000, Math.min(SWEEP_MS, o.retentionMs / 4)),
  );
  timer.unref();

  return {
    port,
    sweep,
    async close() {
      clearInterval(timer);
      for (const live of classes.values()) live.dispose();
      await server.gracefullyShutdown(false);
      await o.store.close();
    },
  };
}
