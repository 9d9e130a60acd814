// The HTTP side of the server: the live API (JSON, zod-checked bodies, rate-limited per address)
// and the built game (dist/), on the same port as the WebSocket.
import express, { type Request, type Response, type NextFunction } from 'express';
import { checkSession } from '../src/classroom/session.ts';
import {
  API_PREFIX,
  CreateSessionBody,
  JoinBody,
  normalizeJoinCode,
  type ApiErrorCode,
  type CreateSessionAnswer,
  type JoinAnswer,
} from '../src/live/protocol.ts';
import type { Catalogue } from './catalogue.ts';
import { hashSecret, newJoinCode, newSessionId, newTeacherSecret } from './ids.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { SessionStore } from './store/types.ts';

export interface HttpContext {
  store: SessionStore;
  catalogue: Catalogue;
  /** Makes sure the session's room exists in some process (creating it here if not). */
  ensureRoom(sessionId: string): Promise<void>;
  /** Sessions created per address. */
  creates: RateLimiter;
  /** Join attempts per address, and failed ones. */
  joins: RateLimiter;
  failures: RateLimiter;
  /** The built game, or null to serve none. */
  dist: string | null;
  now(): number;
}

function fail(
  res: Response,
  status: number,
  code: ApiErrorCode,
  message: string,
  limiter?: RateLimiter,
): void {
  if (limiter) res.setHeader('Retry-After', String(limiter.retryAfter()));
  res.status(status).json({ error: { code, message } });
}

function addressOf(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function installRoutes(app: express.Application, c: HttpContext): void {
  app.disable('x-powered-by');
  app.use(API_PREFIX, express.json({ limit: '8kb', strict: true }));

  app.post(`${API_PREFIX}/sessions`, async (req, res) => {
    const address = addressOf(req);
    if (!c.creates.hit(address))
      return fail(
        res,
        429,
        'rate-limited',
        'Too many live classes made from this address: wait a few minutes.',
        c.creates,
      );
    const body = CreateSessionBody.safeParse(req.body);
    if (!body.success)
      return fail(
        res,
        400,
        'bad-request',
        'This is not a class session: send the set-up screen’s session as JSON.',
      );
    const checked = checkSession(body.data);
    if (!checked.ok) return fail(res, 400, 'bad-session', checked.message);
    const setup = checked.session;
    const known = c.catalogue.get(setup.scenarioId);
    if (!known) return fail(res, 400, 'bad-session', 'This server does not have the scenario of this class.');
    if (known.hash !== setup.scenarioHash)
      return fail(
        res,
        400,
        'bad-session',
        `This server runs another version of the scenario "${known.scenario.title}": reload the page from this server.`,
      );
    const teacherSecret = newTeacherSecret();
    for (let attempt = 0; attempt < 5; attempt++) {
      const session = {
        id: newSessionId(),
        setup,
        joinCode: newJoinCode(),
        teacherSecretHash: hashSecret(teacherSecret),
        createdAt: c.now(),
        started: false,
        paused: false,
      };
      const created = await c.store.createSession(session);
      if (!created.ok) continue; // a join code already in use: draw another
      await c.ensureRoom(session.id);
      const answer: CreateSessionAnswer = {
        sessionId: session.id,
        joinCode: session.joinCode,
        teacherSecret,
      };
      return res.status(201).json(answer);
    }
    return fail(res, 500, 'server-error', 'The server could not make a live class: try again.');
  });

  app.post(`${API_PREFIX}/join`, async (req, res) => {
    const address = addressOf(req);
    if (c.failures.blocked(address) || !c.joins.hit(address))
      return fail(
        res,
        429,
        'rate-limited',
        'Too many tries from this address: wait a minute and try again.',
        c.failures,
      );
    const body = JoinBody.safeParse(req.body);
    const code = body.success ? normalizeJoinCode(body.data.code) : null;
    if (code === null) {
      c.failures.hit(address);
      return fail(res, 400, 'bad-request', 'A live class code has 8 letters and digits, like ABCD-EFGH.');
    }
    const session = await c.store.findByJoinCode(code);
    if (!session) {
      c.failures.hit(address);
      return fail(res, 404, 'unknown-code', 'No live class has this code: check it with your teacher.');
    }
    await c.ensureRoom(session.id);
    const answer: JoinAnswer = {
      sessionId: session.id,
      title: session.setup.title ?? null,
      scenarioId: session.setup.scenarioId,
      scenarioHash: session.setup.scenarioHash,
      roles: session.setup.roles,
    };
    return res.json(answer);
  });

  app.get(`${API_PREFIX}/health`, (_req, res) => {
    res.json({ ok: true });
  });

  app.use(API_PREFIX, (_req, res) =>
    fail(res, 404, 'not-found', 'There is no such address in the live API.'),
  );

  if (c.dist !== null) app.use(express.static(c.dist, { index: 'index.html', fallthrough: true }));

  // a body that is not JSON, or too large: a plain answer, never a stack trace
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') return fail(res, 413, 'too-large', 'This request is too large.');
    if (type === 'entity.parse.failed')
      return fail(res, 400, 'bad-request', 'This request’s body is not JSON.');
    console.error('live server:', error);
    return fail(res, 500, 'server-error', 'The server could not answer this request.');
  });
}
