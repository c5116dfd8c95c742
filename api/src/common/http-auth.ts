import type { Request } from 'express';
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
