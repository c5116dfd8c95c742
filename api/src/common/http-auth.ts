import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { databaseOutage, RETRY_AFTER_SECONDS } from './format-error';
import type { DataSource } from 'typeorm';
import type { Actor, Services } from './context';
import { forbidden, unauthenticated } from './errors';
import { requestIdOf } from './request-log';
import { type RequestBudget, RequestScope, runInScope } from './request-scope';
import type { Role } from './roles';
import { officeOf, prepareViewer } from './scope';

/*
 * Plain HTTP routes behind the GraphQL endpoint's sign-in (file uploads and downloads, printable
 * bulletins): the same bearer token (and, for a root user, X-Office), the same viewer and scope rule,
 * the same per-request database budget.
 */

export interface HttpKit {
  ds: DataSource;
  services: Services;
  budget: RequestBudget;
}

/** A database scope for one phase of the request: the statement and time budget starts anew (an upload may take minutes to arrive). */
export function inScope<T>(req: Request, kit: HttpKit, viewer: RequestScope['viewer'], work: () => Promise<T>): Promise<T> {
  const scope = new RequestScope(String((req as unknown as { id?: unknown }).id ?? requestIdOf(req.get('x-request-id'))), kit.budget);
  scope.viewer = viewer;
  req.scope ??= scope;
  return runInScope(scope, work);
}

/** The signed-in user of the request, as the GraphQL endpoint knows them; refused without one, or before they chose their own password. */
export async function signIn(req: Request, kit: HttpKit, roles?: readonly Role[]): Promise<Actor> {
  const auth = await kit.services.auth.authenticate(req.get('authorization'));
  const user = auth.user;
  if (!user) throw unauthenticated(auth.reason ?? 'Sign in first');
  if (user.mustChangePassword) throw forbidden('Someone else set your password: choose your own with changePassword first', 'PASSWORD_CHANGE_REQUIRED');
  req.facts = { ...req.facts, userId: user.id };
  if (roles && !roles.includes(user.role)) throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${user.role}`, 'ROLE');
  await prepareViewer(kit.ds, { jurisdictionId: officeOf(user.jurisdictionId, req.get('x-office')), role: user.role });
  await kit.services.limits.enforce('user', String(user.id), 'Too many requests from your account');
  return { user, requestId: String((req as unknown as { id?: unknown }).id ?? 'files'), ip: req.ip ?? null };
}

/** HTTP status of each error code; the JSON body is the GraphQL endpoint's ({ errors: [{ message, extensions }] }). */
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * A refusal as JSON, as the GraphQL endpoint words it: its code's status (or the route's own status for a
 * reason, `reasonStatus`), Retry-After where the refusal names one, 503 for a database outage; anything
 * unexpected is logged and masked (`what`).
 */
export function refuseHttp(req: Request, res: Response, err: unknown, o: { reasonStatus?: Record<string, number>; notFound?: (res: Response) => void; what?: string } = {}): void {
  if (res.headersSent) return void res.destroy();
  req.facts = { ...req.facts, outcome: err instanceof GraphQLError && typeof err.extensions.code === 'string' ? err.extensions.code : 'INTERNAL_SERVER_ERROR' };
  if (err instanceof GraphQLError && typeof err.extensions.code === 'string') {
    const { http, ...extensions } = err.extensions as Record<string, unknown> & { http?: { headers?: Map<string, string> } };
    const code = err.extensions.code;
    if (code === 'NOT_FOUND' && o.notFound) return o.notFound(res);
    const retry = http?.headers?.get?.('retry-after');
    if (retry) res.set('Retry-After', retry);
    res.status(o.reasonStatus?.[String(extensions.reason)] ?? STATUS[code] ?? 400).json({ errors: [{ message: err.message, extensions }] });
    return;
  }
  // the client went away mid-request: nobody to answer
  if (req.destroyed) return;
  const outage = databaseOutage(err);
  if (outage) {
    res
      .status(503)
      .set('Retry-After', String(RETRY_AFTER_SECONDS))
      .json({ errors: [{ message: outage, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    return;
  }
  req.log?.error({ err }, 'request failed');
  res.status(500).json({ errors: [{ message: o.what ?? 'The request could not be handled', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}

/**
 * A GET for a signed-in user that reads one thing and answers with it (a printable page, a PDF): `read`
 * runs signed in and in the viewer's scope, `send` answers, and any refusal is refuseHttp's (`what`
 * masks the unexpected). The printable routes of the modules are each a `read` and a `send`.
 */
export function signedInGet<T>(app: Express, path: string, kit: HttpKit, what: string, read: (req: Request) => Promise<T>, send: (res: Response, value: T) => void | Promise<void>): void {
  app.get(path, (req, res) => {
    void (async () => {
      try {
        const value = await inScope(req, kit, undefined, async () => {
          await signIn(req, kit);
          return read(req);
        });
        await send(res, value);
      } catch (err) {
        refuseHttp(req, res, err, { what });
      }
    })();
  });
}
