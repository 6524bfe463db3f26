import type { Role } from '@weibao/schema';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { Actor, RequestMeta } from '../lib/actor.js';
import { AppError, DENIALS } from '../lib/errors.js';

/** Who may call a route: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Allowed while the user must still change the initial password. */
    allowBeforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'wb_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
  /** The route's zod schemas and summary, for the generated route table in docs/API.md. */
  schema?: FastifySchema;
}

/** Every route under this prefix must declare its access; nothing under it is reached without the check. */
export const API_PREFIX = '/api/v1';

/**
 * Resolves the caller and enforces each route's declared access before the body is even parsed.
 * A route under /api/v1 without `config.access` fails at startup, so none can be forgotten.
 * The decision is taken from the route the router matched (its pattern and config), never from the
 * raw URL: the router decodes the path, so `/%61pi/v1/staff` reaches the `/api/v1/staff` handler.
 */
/** Who is calling: what the HTTP layer needs from the auth module (a session cookie or a bearer token → actor). */
export interface ActorResolver {
  fromBearer(token: string): Promise<Actor | null>;
  fromSession(cookie: string, ip: string | null): Promise<Actor | null>;
}

/** Where refused requests are recorded: what the HTTP layer needs from the audit module. */
export interface RefusalLog {
  recordAlone(
    who: { actor: Actor | null; ip: string | null; actorLabel?: string },
    event: {
      action: string;
      targetType: string | null;
      targetId: string | null;
      result: 'failure';
      summary: string;
      detail: Record<string, unknown>;
    },
  ): Promise<void>;
}

export function registerAuth(app: FastifyInstance, auth: ActorResolver, routes: RouteInfo[], audit: RefusalLog): void {
  app.decorateRequest('actor', null);
  // Every authorisation refusal is audited here, whether the access rule or a service refused: one
  // place, so no refusal path can forget it. The refused command's transaction has already rolled back.
  app.addHook('onError', async (req, _reply, err) => {
    if (!(err instanceof AppError) || !DENIALS.has(err.code)) return;
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    const params = (req.params ?? {}) as Record<string, unknown>;
    const targetId = typeof params.id === 'string' ? params.id : null;
    const targetType = targetId ? (/([^/]+)\/:id\b/.exec(req.routeOptions.url ?? '')?.[1] ?? null) : null;
    try {
      await audit.recordAlone(
        { actor: req.actor, ip: req.ip ?? null, actorLabel: req.actor ? undefined : 'anonymous' },
        {
          action: 'access.denied',
          targetType,
          targetId,
          result: 'failure',
          summary: `拒绝访问：${route}（${err.code}）`,
          detail: { route, code: err.code, ...(err.field ? { field: err.field } : {}) },
        },
      );
    } catch (e) {
      req.log.error({ err: e }, 'could not audit a refused request');
    }
  });
  app.addHook('onRoute', (r) => {
    if (!underApi(r.url)) return;
    const access = r.config?.access;
    if (!access) throw new Error(`route ${r.method} ${r.url} declares no access`);
    for (const m of [r.method].flat())
      if (m !== 'HEAD') routes.push({ method: m, url: r.url, access, schema: r.schema });
  });
  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions.url;
    // Unmatched requests go to the not-found handler, which serves nothing but the web UI's index.
    if (route === undefined) return;
    const access = req.routeOptions.config?.access ?? (isSiteRoute(route) ? 'public' : undefined);
    // Default deny: any matched route without an access rule is refused, never served — inside the API
    // or outside it (a plugin's route added later gets no free pass).
    if (!access) throw new AppError('FORBIDDEN');
    if (access === 'public' && !underApi(route)) return;
    req.actor = await resolveActor(req, auth);
    if (access === 'public') return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED');
    const actor = req.actor;
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('CSRF');
    }
    if (actor.mustChangePassword && !req.routeOptions.config?.allowBeforePasswordChange)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !access.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN');
  });
}

const underApi = (pattern: string) => pattern === API_PREFIX || pattern.startsWith(`${API_PREFIX}/`);

/**
 * Routes outside the API that plugins register without our config: the built web UI's files
 * (@fastify/static) and the API reference (swagger UI and its JSON). They are public by design;
 * every other route must declare its access.
 */
const SITE_ROUTES = [/^\/\*?$/, /^\/api\/docs(\/.*)?$/, /^\/api\/openapi\.json$/];
const isSiteRoute = (pattern: string) => !underApi(pattern) && SITE_ROUTES.some((re) => re.test(pattern));

async function resolveActor(req: FastifyRequest, auth: ActorResolver): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return auth.fromBearer(header.slice(7).trim());
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) {
    try {
      return await auth.fromSession(cookie, req.ip);
    } catch (e) {
      // An expired session on a public route (the login page) is simply "not signed in".
      if (req.routeOptions.config?.access === 'public') return null;
      throw e;
    }
  }
  return null;
}

/** The actor and client address, for services; only call on routes that require sign-in. */
export function meta(req: FastifyRequest): RequestMeta {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return { actor: req.actor, ip: req.ip ?? null };
}
