import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { todayInChina } from '../../common/dates';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { Role } from '../../common/roles';
import { assertWritable } from '../../common/scope';
import { dueOn, MAX_TIME_LIMIT_DAYS } from './complaint.rules';
import type { Workflow } from '../../common/workflow/workflow';
import { Compound } from '../organization/compound.entity';
import { Complaint, ComplaintStep } from './complaint.entity';
import { ComplaintStatus, ComplaintTimeliness } from './complaint.enums';
import type { ComplaintFilter } from './complaint.inputs';

/** complaint.rules.ts `timeliness` as SQL on the list's alias, as of `:today`. */
const TIMELINESS: Record<ComplaintTimeliness, string> = {
  ON_TIME: 'e.disposedOn IS NOT NULL AND e.disposedOn <= :today AND e.disposedOn <= e.dueOn',
  LATE: 'e.disposedOn IS NOT NULL AND e.disposedOn <= :today AND e.disposedOn > e.dueOn',
  OVERDUE: '(e.disposedOn IS NULL OR e.disposedOn > :today) AND e.dueOn < :today',
  WITHIN_LIMIT: '(e.disposedOn IS NULL OR e.disposedOn > :today) AND e.dueOn >= :today',
};

/**
 * 投诉: a complaint takes its community (and, unless given, its property company) from the compound;
 * creating one opens its workflow on the day it was received. Moves are the engine's
 * (complaint.workflow.ts); once handled, what it is about no longer changes.
 */
export class ComplaintService extends CrudService<Complaint, ComplaintFilter> {
  workflow!: Workflow<ComplaintStatus, Complaint, ComplaintStep>;

  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    return super.normalize(creating ? { ...input, status: ComplaintStatus.RECEIVED } : input, creating);
  }

  protected applyFilter(qb: SelectQueryBuilder<Complaint>, filter: ComplaintFilter): void {
    const { timeliness, receivedFrom, receivedTo, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (receivedFrom) qb.andWhere('e.receivedOn >= :receivedFrom', { receivedFrom });
    if (receivedTo) qb.andWhere('e.receivedOn <= :receivedTo', { receivedTo });
    if (timeliness) qb.andWhere(TIMELINESS[timeliness], { today: todayInChina() });
  }

  protected async validate(em: EntityManager, next: Complaint, before: Complaint | null): Promise<void> {
    if (before && before.status !== ComplaintStatus.RECEIVED && before.status !== ComplaintStatus.ASSIGNED) {
      const changed = (['compoundId', 'propertyCompanyId', 'channel', 'category', 'complainant', 'complainantContact', 'summary', 'assignedUnitId', 'timeLimitDays'] as const).find(
        (k) => next[k] !== before[k],
      );
      if (changed) throw conflict(`Complaint ${before.id} is ${before.status}: its ${changed} can no longer change`, changed, 'FROZEN');
    }
    if (!before || next.compoundId !== before.compoundId) {
      const compound = await em.findOneByOrFail(Compound, { id: next.compoundId });
      next.communityId = compound.communityId;
      if (next.propertyCompanyId === undefined || next.propertyCompanyId === null) next.propertyCompanyId = compound.propertyCompanyId;
    }
    next.timeLimitDays ??= 0;
    if (!Number.isInteger(next.timeLimitDays) || next.timeLimitDays < 0 || next.timeLimitDays > MAX_TIME_LIMIT_DAYS) {
      throw badInput('timeLimitDays', `timeLimitDays is a whole number of days from 0 (the same day) to ${MAX_TIME_LIMIT_DAYS}`, 'OUT_OF_RANGE', { min: 0, max: MAX_TIME_LIMIT_DAYS });
    }
    next.dueOn = dueOn(next.receivedOn, next.timeLimitDays);
  }

  protected async afterInsert(em: EntityManager, saved: Complaint, _input: ObjectLiteral, actor: Actor): Promise<void> {
    await this.workflow.open(em, actor, saved.id, saved.receivedOn);
  }

  /**
   * The complainant's contact, for the call back: only to those who may work on the complaint (the
   * office of its area, the unit it is assigned to: the write rule), and every reading is recorded.
   */
  async contact(id: number, actor: Actor): Promise<string | null> {
    return this.tx.run(async (em) => {
      const row = await em.findOne(Complaint, { where: { id } });
      if (!row) throw notFound('Complaint', id);
      await assertWritable(em, Complaint, row, 'Complaint');
      if (actor.user?.role === Role.UNIT_STAFF && actor.user.unitId !== row.assignedUnitId) {
        throw forbidden('Only the office and the unit the complaint is assigned to may read the complainant’s contact', 'ROLE');
      }
      await this.audit.record(em, actor, { action: 'READ_CONTACT', entityType: 'Complaint', entityId: id, after: { hasContact: row.complainantContact !== null } });
      return row.complainantContact;
    });
  }

  protected auditSnapshot(em: EntityManager, row: Complaint): Promise<ObjectLiteral> {
    return this.workflow.snapshot(em, row);
  }
}
