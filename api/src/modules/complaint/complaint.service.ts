import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { conflict } from '../../common/errors';
import type { Workflow } from '../../common/workflow/workflow';
import { Compound } from '../organization/compound.entity';
import { Complaint, ComplaintStep } from './complaint.entity';
import { ComplaintStatus } from './complaint.enums';
import type { ComplaintFilter } from './complaint.inputs';

/**
 * 投诉: a complaint takes its community (and, unless given, its property company) from the compound;
 * creating one opens its workflow on the day it was received. Moves are the engine's
 * (complaint.workflow.ts); once handled, what it is about no longer changes.
 */
export class ComplaintService extends CrudService<Complaint, ComplaintFilter> {
  workflow!: Workflow<ComplaintStatus, Complaint, ComplaintStep>;

  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const { receivedOn: _day, ...rest } = input;
    return super.normalize(creating ? { ...rest, status: ComplaintStatus.RECEIVED } : rest, creating);
  }

  protected async validate(em: EntityManager, next: Complaint, before: Complaint | null): Promise<void> {
    if (before && before.status !== ComplaintStatus.RECEIVED && before.status !== ComplaintStatus.ASSIGNED) {
      const changed = (['compoundId', 'propertyCompanyId', 'channel', 'complainant', 'summary', 'assignedUnitId'] as const).find((k) => next[k] !== before[k]);
      if (changed) throw conflict(`Complaint ${before.id} is ${before.status}: its ${changed} can no longer change`, changed, 'FROZEN');
    }
    if (!before || next.compoundId !== before.compoundId) {
      const compound = await em.findOneByOrFail(Compound, { id: next.compoundId });
      next.communityId = compound.communityId;
      if (next.propertyCompanyId === undefined || next.propertyCompanyId === null) next.propertyCompanyId = compound.propertyCompanyId;
    }
  }

  protected async afterInsert(em: EntityManager, saved: Complaint, input: ObjectLiteral, actor: Actor): Promise<void> {
    await this.workflow.open(em, actor, saved.id, String(input.receivedOn));
  }

  protected auditSnapshot(em: EntityManager, row: Complaint): Promise<ObjectLiteral> {
    return this.workflow.snapshot(em, row);
  }
}
