import { createHash } from 'node:crypto';
import { defaultFieldResolver, getNamedType, getNullableType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, isListType } from 'graphql';
import { Extensions } from 'type-graphql';
import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Actor, AppContext, PendingClaim } from '../../common/context';
import { IdempotencyKey } from './idempotency-key.entity';
import { AppError, badInput, conflict, dbViolation, ErrorCode } from '../../common/errors';

/** Rebuilds a mutation's answer from its claim, for answers that are not simply the audited record. */
export type ReplayFn = (claim: IdempotencyKey, event: AuditEvent | null, ctx: AppContext) => Promise<unknown>;

/** Declares how a mutation's answer is rebuilt on a replay (see `withIdempotency`). */
export const Replay = (fn: ReplayFn) => Extensions({ replay: fn });

const KEY_MAX = 100;
/** The claim each open transaction made: a write that records several audit events claims once, for the last. */
const claimed = new WeakMap<EntityManager, number>();

/**
 * Claims the actor's pending key for the audit event just written, in the same transaction: if the
 * write commits, so does the claim, and a crash between the commit and the answer leaves a key that
 * the client's retry finds. Another request that claimed the key first makes this one fail (and roll
 * back), and the mutation wrapper then answers from that request's claim.
 */
export async function claimKey(em: EntityManager, actor: Actor, event: AuditEvent): Promise<void> {
  const pending = actor.idempotent;
  if (!pending || !actor.user) return;
  const inTransaction = em !== em.connection.manager;
  const target = { entityType: event.entityType, entityId: event.entityId, auditEventId: event.id };
  const earlier = inTransaction ? claimed.get(em) : undefined;
  // The mutation's own event comes last (a publication after the rectifications it opened): the answer is rebuilt from it.
  if (earlier !== undefined) return void (await em.update(IdempotencyKey, { id: earlier }, target));
  const values = {
    idemKey: pending.key,
    operation: pending.operation,
    requestHash: pending.requestHash,
    actorId: actor.user.id,
    ...target,
  };
  try {
    const inserted = await em.insert(IdempotencyKey, values);
    if (inTransaction) claimed.set(em, Number(inserted.identifiers[0].id));
  } catch (err) {
    if (dbViolation(err) === 'unique') throw keyReused('This idempotency key was claimed by another request meanwhile');
    throw err;
  }
}

/**
 * Wraps every root mutation of the schema: a write sent with a key (the Idempotency-Key header, or a
 * mutation's own `idempotencyKey` argument) by a signed-in user is replayed from its claim when the key
 * was already used, and claims it otherwise. Only root mutations are wrapped, so reads pay nothing.
 */
export function withIdempotency(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve: GraphQLFieldResolver<unknown, AppContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args, ctx: AppContext, info) => keyed(resolve, root, args, ctx, info);
  }
  return schema;
}

async function keyed(resolve: GraphQLFieldResolver<unknown, AppContext>, root: unknown, args: ObjectLiteral, ctx: AppContext, info: GraphQLResolveInfo): Promise<unknown> {
  const { idempotencyKey: argKey, ...request } = args;
  const key = (typeof argKey === 'string' ? argKey.trim() : '') || ctx.idempotencyKey || '';
  if (!key || !ctx.user) return resolve(root, args, ctx, info);
  if (key.length > KEY_MAX) throw badInput('idempotencyKey', `idempotencyKey is at most ${KEY_MAX} characters`, 'TOO_LONG', { maxLength: KEY_MAX });
  const pending: PendingClaim = { key, operation: info.fieldName, requestHash: hashRequest(info.fieldName, request) };
  const ds = ctx.services.ds;
  const prior = await findClaim(ds, ctx.user.id, key);
  if (prior) return replay(prior, pending, ctx, info);
  ctx.idempotent = pending;
  try {
    return await resolve(root, args, ctx, info);
  } catch (err) {
    // A concurrent request with the same key may have won while this one waited and failed: answer from
    // its claim. If the key cannot be read (the database just went away), neither answer is known: the
    // lookup's error goes out (SERVICE_UNAVAILABLE), so the client retries rather than trusting a refusal.
    const now = await findClaim(ds, ctx.user.id, key);
    if (now) return replay(now, pending, ctx, info);
    throw err;
  } finally {
    ctx.idempotent = null;
  }
}

function findClaim(ds: DataSource, actorId: number, key: string): Promise<IdempotencyKey | null> {
  return ds.getRepository(IdempotencyKey).findOneBy({ actorId, idemKey: key });
}

/**
 * The same request again: its answer rebuilt from the claim (the audited record as it is now, or the
 * mutation's own `Replay`). A different request under the key is refused.
 */
async function replay(prior: IdempotencyKey, pending: PendingClaim, ctx: AppContext, info: GraphQLResolveInfo): Promise<unknown> {
  if (prior.operation !== pending.operation || prior.requestHash !== pending.requestHash) {
    throw keyReused('This idempotency key was already used for a different request; use a new key for a new action');
  }
  const ds = ctx.services.ds;
  const event = prior.auditEventId ? await ds.getRepository(AuditEvent).findOneBy({ id: prior.auditEventId }) : null;
  const custom = info.parentType.getFields()[info.fieldName]?.extensions?.replay as ReplayFn | undefined;
  if (custom) return custom(prior, event, ctx);
  const returned = getNullableType(info.returnType);
  const meta = ds.entityMetadatas.find((m) => m.targetName === prior.entityType);
  if (meta && !isListType(returned) && getNamedType(returned).name === prior.entityType && prior.entityId) {
    const row = await ds.getRepository(meta.target).findOneBy({ id: Number(prior.entityId) });
    if (row) return row;
    // Deleted (by this very request, or since): the record as the audit trail last saw it.
    const snapshot = event ? (event.after ?? event.before) : null;
    if (snapshot) return materialize(ds, meta, snapshot as ObjectLiteral);
  }
  throw new AppError(ErrorCode.CONFLICT, `This request was already applied (audit event ${prior.auditEventId ?? 'unknown'}); its answer cannot be repeated`, {
    field: 'idempotencyKey',
    reason: 'ALREADY_APPLIED',
    auditEventId: prior.auditEventId === null ? null : String(prior.auditEventId),
    entityType: prior.entityType,
    entityId: prior.entityId,
  });
}

/** An entity instance from an audit snapshot (dates were stored as ISO strings). */
function materialize(ds: DataSource, meta: EntityMetadata, snapshot: ObjectLiteral): ObjectLiteral {
  const values: ObjectLiteral = { ...snapshot };
  for (const column of meta.columns) {
    const v = values[column.propertyName];
    const isDate = column.type === Date || column.type === 'datetime' || column.type === 'timestamp' || column.isCreateDate || column.isUpdateDate;
    if (isDate && typeof v === 'string') values[column.propertyName] = new Date(v);
  }
  return ds.getRepository(meta.target).create(values);
}

/** Stable over key order, so the same arguments always hash alike. */
function hashRequest(operation: string, args: ObjectLiteral): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, canonical(args)]))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as ObjectLiteral)[k] !== undefined)
        .map((k) => [k, canonical((value as ObjectLiteral)[k])]),
    );
  }
  return value;
}

const keyReused = (message: string) => conflict(message, 'idempotencyKey', 'KEY_REUSED');
