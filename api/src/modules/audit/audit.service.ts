import { addDays, chinaDayStart } from '../../common/dates';
import { toId } from '../../common/errors';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { type Actor, signedBy } from '../../common/context';
import { countList, type ListQuery, runList } from '../../common/query';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventFilter } from './audit.inputs';
import { type AuditReference, resolveReferences } from './audit-references';
import type { Loaders } from '../../common/loaders';
import { ownerOfId, ownership } from '../../common/scope';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | string;
  before?: ObjectLiteral | null;
  after?: ObjectLiteral | null;
  /** The actor's name when nobody is signed in and "system" would be wrong (a failed sign-in: "anonymous"). */
  actorName?: string;
  /** The jurisdiction that owns the record (common/scope.ts); when absent, worked out from the saved record. */
  jurisdictionId?: number | null;
}

/** 审计: writes audit events inside the caller's transaction and reads them back; nothing edits them. */
export class AuditService {
  /** What else a write's audit event commits with it (the idempotency module claims the request's key here). */
  private readonly recorded: Array<(em: EntityManager, actor: Actor, event: AuditEvent) => Promise<void>> = [];

  constructor(private readonly ds: DataSource) {}

  /** Adds a step to every `record`, run in the write's transaction after the event is saved. */
  onRecord(step: (em: EntityManager, actor: Actor, event: AuditEvent) => Promise<void>): void {
    this.recorded.push(step);
  }

  async record(em: EntityManager, actor: Actor, entry: AuditEntry): Promise<AuditEvent> {
    const event = em.create(AuditEvent, {
      ...signedBy(actor),
      ...(entry.actorName && !actor.user ? { actorName: entry.actorName } : {}),
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      beforeJson: entry.before ? JSON.stringify(entry.before) : null,
      afterJson: entry.after ? JSON.stringify(entry.after) : null,
      requestId: actor.requestId.slice(0, 64),
      jurisdictionId: entry.jurisdictionId !== undefined ? entry.jurisdictionId : await ownerOfRecord(em, entry.entityType, entry.entityId),
    });
    const saved = await em.save(event);
    // e.g. a keyed write claims its key here, in the same transaction: committed together or not at all
    for (const step of this.recorded) await step(em, actor, saved);
    return saved;
  }

  list(q: ListQuery<AuditEventFilter>): Promise<AuditEvent[]> {
    return runList(this.ds, AuditEvent, q, applyAuditFilter, [['id', 'DESC']]).getMany();
  }

  count(q: Pick<ListQuery<AuditEventFilter>, 'filter'>): Promise<number> {
    return countList(this.ds, AuditEvent, q.filter, applyAuditFilter);
  }

  get(id: number): Promise<AuditEvent | null> {
    return this.ds.getRepository(AuditEvent).findOneBy({ id });
  }

  /** The records an event names (itself, and the ids in its before and after), named as the reader may see them. */
  references(event: AuditEvent, loaders: Loaders): Promise<AuditReference[]> {
    return resolveReferences(this.ds, loaders, event);
  }
}

function applyAuditFilter(qb: import('typeorm').SelectQueryBuilder<AuditEvent>, f: AuditEventFilter): void {
  if (f.ids?.length) qb.andWhere('e.id IN (:...ids)', { ids: f.ids.map((id) => toId(id, 'filter.ids')) });
  if (f.actorId) qb.andWhere('e.actorId = :actorId', { actorId: toId(f.actorId, 'filter.actorId') });
  if (f.actorName) qb.andWhere('e.actorName = :actorName', { actorName: f.actorName });
  if (f.entityType) qb.andWhere('e.entityType = :entityType', { entityType: f.entityType });
  if (f.entityId) qb.andWhere('e.entityId = :entityId', { entityId: String(f.entityId) });
  if (f.action) qb.andWhere('e.action = :action', { action: f.action });
  if (f.requestId) qb.andWhere('e.requestId = :requestId', { requestId: f.requestId });
  if (f.from) qb.andWhere('e.at >= :from', { from: chinaDayStart(f.from) });
  if (f.to) qb.andWhere('e.at < :to', { to: chinaDayStart(addDays(f.to, 1)) });
}

/** The owner of the record an event is about, by its type name (a GraphQL type is named as its entity), or null. */
async function ownerOfRecord(em: EntityManager, entityType: string, entityId: number | string): Promise<number | null> {
  const id = Number(entityId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const meta = em.connection.entityMetadatas.find((m) => m.name === entityType);
  if (!meta || !ownership(meta.target as Function)) return null;
  return (await ownerOfId(em, meta.target as Function, id)) ?? null;
}
