import type { Role } from './roles';
import type { Loaders } from './loaders';
import type { Services } from '../services';

/** The signed-in user, as loaded for this request. */
export interface CurrentUser {
  id: number;
  username: string;
  role: Role;
  unitId: number | null;
}

/** Who is acting and in which request: what services need to write the audit trail. */
export interface Actor {
  user: CurrentUser | null;
  requestId: string;
}

/** Per-request GraphQL context: the user, fresh DataLoaders, and the app's services. */
export interface AppContext extends Actor {
  /** Why a bearer token was refused, to explain UNAUTHENTICATED. */
  authError?: string;
  loaders: Loaders;
  services: Services;
}

export const SYSTEM_ACTOR: Actor = { user: null, requestId: 'system' };

/** The signature a step or audit event carries: the user's id and username, or the system. */
export function signedBy(actor: Actor): { actorId: number | null; actorName: string } {
  return { actorId: actor.user?.id ?? null, actorName: actor.user?.username ?? 'system' };
}
