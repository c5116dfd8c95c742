import { GraphQLError } from 'graphql';
import type { Reason } from './reasons';

/** The error codes clients can rely on (extensions.code). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** The database is down or saturated, or the request ran out of time: retry later (HTTP 503, Retry-After). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Too many requests or failed sign-ins: extensions.retryAfter says in how many seconds to retry (HTTP 429, Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
}

/**
 * A coded, client-safe error. `field` names the input at fault where there is one; `reason` is a
 * declared refusal reason (common/reasons.ts, or a module's `reasons`): the ErrorReason enum.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: { field?: string; reason?: Reason; [k: string]: unknown } = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** BAD_USER_INPUT naming the field; `reason` is a declared code (OVERLAP, BACKDATED…) for clients to translate. */
export const badInput = (field: string, message: string, reason?: Reason, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field, ...(reason ? { reason } : {}), ...extra });
export const notFound = (entity: string, id: unknown) => new AppError(ErrorCode.NOT_FOUND, `${entity} ${String(id)} does not exist`, { entity, id: String(id) });
/**
 * CONFLICT: the request is well-formed but the data's state refuses it. `reason` is a declared code
 * (e.g. ALREADY_AWARDED) that clients translate instead of matching the English message.
 */
export const conflict = (message: string, field?: string, reason?: Reason, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, { ...(field ? { field } : {}), ...(reason ? { reason } : {}), ...extra });
export const forbidden = (message = 'You are not allowed to do this', reason?: Reason) => new AppError(ErrorCode.FORBIDDEN, message, reason ? { reason } : {});
export const unauthenticated = (message = 'Sign in first') => new AppError(ErrorCode.UNAUTHENTICATED, message);

/** Converts a GraphQL ID argument to a database id, or fails naming the field. */
export function toId(value: unknown, field = 'id'): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw badInput(field, `${field} must be a positive integer id, got "${String(value)}"`, 'NOT_AN_ID');
  return n;
}

/** Like toId, but passes null/undefined through (for optional references). */
export function toOptionalId(value: unknown, field: string): number | null | undefined {
  if (value === undefined || value === null) return value as null | undefined;
  return toId(value, field);
}

/** Recognises unique / foreign-key violations from MySQL/MariaDB and SQLite. */
export function dbViolation(err: unknown): 'unique' | 'foreign_key' | undefined {
  const e = err as { code?: string; errno?: number; message?: string; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  if (code === 'ER_DUP_ENTRY' || errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return 'unique';
  }
  if (code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_NO_REFERENCED_ROW_2' || errno === 1451 || errno === 1452 || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return 'foreign_key';
  }
  // SQLite reports ON DELETE RESTRICT as a trigger constraint.
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY constraint failed/.test(e.message ?? '')) {
    return 'foreign_key';
  }
  return undefined;
}

/**
 * The first error in the chain `error`, its originalError, theirs… (GraphQL wraps what resolvers,
 * scalars, validation rules and plugins throw) that `match` accepts.
 */
export function causeOf<T>(error: unknown, match: (e: unknown) => e is T): T | undefined {
  for (let e = error as { originalError?: unknown } | undefined, i = 0; e && i < 5; e = e.originalError as typeof e, i++) {
    if (match(e)) return e;
  }
  return undefined;
}
