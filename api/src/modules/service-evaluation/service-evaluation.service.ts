import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict } from '../../common/errors';
import type { Workflow } from '../../common/workflow/workflow';
import { Compound } from '../organization/compound.entity';
import { EvaluationStatus } from './evaluation.enums';
import type { ServiceEvaluationFilter } from './service-evaluation.inputs';
import type { ServiceEvaluation, ServiceEvaluationStep } from './service-evaluation.entity';

/**
 * 物业服务考评: one per compound and half year, taken once the half has begun; the community and (unless
 * given) the company are the compound's on the day it is recorded. Its follow-up is the workflow's
 * (evaluation.workflow.ts); once followed up, what was evaluated no longer changes.
 */
export class ServiceEvaluationService extends CrudService<ServiceEvaluation, ServiceEvaluationFilter> {
  workflow!: Workflow<EvaluationStatus, ServiceEvaluation, ServiceEvaluationStep>;

  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    return super.normalize(creating ? { ...input, status: EvaluationStatus.RECORDED } : input, creating);
  }

  protected async validate(em: EntityManager, next: ServiceEvaluation, before: ServiceEvaluation | null): Promise<void> {
    if (before && before.status !== EvaluationStatus.RECORDED) {
      const changed = (['compoundId', 'year', 'half', 'evaluatedOn', 'dissatisfactionRate', 'result', 'propertyCompanyId'] as const).find((k) => String(next[k]) !== String(before[k]));
      if (changed) throw conflict(`Evaluation ${before.id} is ${before.status}: its ${changed} can no longer change`, changed, 'FROZEN');
    }
    const halfStarts = `${next.year}-${next.half === 1 ? '01' : '07'}-01`;
    if (next.evaluatedOn < halfStarts) throw badInput('evaluatedOn', `An evaluation of ${next.year} H${next.half} is taken from ${halfStarts} on`, 'OUTSIDE_PERIOD');
    if (!before || next.compoundId !== before.compoundId) {
      const compound = await em.findOneByOrFail(Compound, { id: next.compoundId });
      next.communityId = compound.communityId;
      if (next.propertyCompanyId == null) next.propertyCompanyId = compound.propertyCompanyId;
    }
  }

  protected async afterInsert(em: EntityManager, saved: ServiceEvaluation, _input: ObjectLiteral, actor: Actor): Promise<void> {
    await this.workflow.open(em, actor, saved.id, saved.evaluatedOn);
  }

  protected auditSnapshot(em: EntityManager, row: ServiceEvaluation): Promise<ObjectLiteral> {
    return this.workflow.snapshot(em, row);
  }
}
