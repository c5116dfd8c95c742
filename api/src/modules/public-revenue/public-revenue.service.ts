import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { quarterEndsOn } from './public-revenue.rules';
import type { RevenueDisclosureFilter, RevenueRecordFilter } from './public-revenue.inputs';
import type { RevenueAudit } from './revenue-audit.entity';
import type { RevenueDisclosure } from './revenue-disclosure.entity';

const communityOf = async (em: EntityManager, compoundId: number) => (await em.findOneByOrFail(Compound, { id: compoundId })).communityId;

/** 公共收益公示: one per compound and quarter, posted once the quarter is over; the community is the compound's. */
export class RevenueDisclosureService extends CrudService<RevenueDisclosure, RevenueDisclosureFilter> {
  protected async validate(em: EntityManager, next: RevenueDisclosure, before: RevenueDisclosure | null): Promise<void> {
    const ends = quarterEndsOn(next.year, next.quarter);
    if (next.disclosedOn < ends) throw badInput('disclosedOn', `${next.year} Q${next.quarter} is disclosed once it is over (from ${ends})`, 'BEFORE_QUARTER_END');
    if (!before || before.compoundId !== next.compoundId) next.communityId = await communityOf(em, next.compoundId);
  }
}

/** 公共收益年度审计: one per compound and year, dated once the year has begun. */
export class RevenueAuditService extends CrudService<RevenueAudit, RevenueRecordFilter> {
  protected async validate(em: EntityManager, next: RevenueAudit, before: RevenueAudit | null): Promise<void> {
    if (next.auditedOn < `${next.year}-01-01`) throw badInput('auditedOn', `The audit of ${next.year} is dated from ${next.year}-01-01 on`, 'BEFORE_AUDITED_YEAR');
    if (!before || before.compoundId !== next.compoundId) next.communityId = await communityOf(em, next.compoundId);
  }
}
