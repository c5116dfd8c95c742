import type { Role } from './roles';
import type { Loaders } from './loaders';
import type { DataSource } from 'typeorm';
import type { RateLimits } from './rate-limit';
import type { TransactionRunner } from './transactions';
import type { RequestFacts } from './request-log';

/**
 * Every service of the app, by name (`ctx.services.payout`…). The core ones are here; each module
 * adds its own by declaration merging in its index.ts (see common/module.ts), so this file imports no
 * module.
 */
export interface Services {
  ds: DataSource;
  tx: TransactionRunner;
  limits: RateLimits;
}

/** What a keyed write will claim: set on the context by the mutation wrapper, claimed by AuditService.record. */
export interface PendingClaim {
  key: string;
  operation: string;
  requestHash: string;
}

/** The signed-in user, as loaded for this request. */
export interface CurrentUser {
  id: number;
  username: string;
  role: Role;
  unitId: number | null;
  /** The office the user works in (common/scope.ts); null: the root, acting anywhere. */
  jurisdictionId: number | null;
  /** The session the token belongs to: when and from where it signed in (signatures record it). */
  session?: { signedInAt: Date; ip: string | null };
  /** Who last set this user's password when it was not the user (creation or reset), and when. */
  passwordReset?: { byName: string; at: Date } | null;
  /** The password was set by someone else: only `me` and `changePassword` until the user picks one. */
  mustChangePassword?: boolean;
}

/** Who is acting and in which request: what services need to write the audit trail. */
export interface Actor {
  user: CurrentUser | null;
  requestId: string;
  /** The client's address (behind a proxy only when TRUST_PROXY says so): login limits and signing sessions record it. */
  ip?: string | null;
  /** The Idempotency-Key header a client sent with a write, if any: a retried write is applied once. */
  idempotencyKey?: string | null;
  /** Set while a keyed write runs: AuditService.record claims it in the write's transaction (modules/idempotency/idempotency.ts). */
  idempotent?: PendingClaim | null;
}

/** Per-request GraphQL context: the user, fresh DataLoaders, and the app's services. */
export interface AppContext extends Actor {
  /** A root user's X-Office header: the one office they look at (app.ts `officeOf`). */
  office?: string;
  /** The Authorization header, read once the request has passed the query limits (see app.ts `gate`). */
  authorization?: string;
  /** Why a bearer token was refused, to explain UNAUTHENTICATED. */
  authError?: string;
  /** The estimated cost of the operation (query limits), for the request log. */
  cost?: number;
  /** What the request log says of this request. */
  facts?: RequestFacts;
  loaders: Loaders;
  services: Services;
}

export const SYSTEM_ACTOR: Actor = { user: null, requestId: 'system' };

/** The signature a step or audit event carries: the user's id and username, or the system. */
export function signedBy(actor: Actor): { actorId: number | null; actorName: string } {
  return { actorId: actor.user?.id ?? null, actorName: actor.user?.username ?? 'system' };
}
