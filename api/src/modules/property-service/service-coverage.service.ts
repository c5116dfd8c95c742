import type { EntityManager } from 'typeorm';
import { Not } from 'typeorm';
import { CrudService, notBefore } from '../../common/crud.service';
import { todayInChina } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { MODES_WITH_COMPANY } from '../organization/enums';
import { overlaps, spans } from './coverage.rules';
import type { ServiceCoverageFilter } from './service-coverage.inputs';
import { ServiceCoverage } from './service-coverage.entity';

/**
 * 物业服务覆盖: a company exactly for the modes served by one; periods of a compound never overlap (the
 * field error names the one it meets); the period serving today is written to the compound
 * (managementMode, propertyCompanyId) in the same transaction, so lists and flags read it.
 */
export class ServiceCoverageService extends CrudService<ServiceCoverage, ServiceCoverageFilter> {
  protected async validate(em: EntityManager, next: ServiceCoverage, before: ServiceCoverage | null): Promise<void> {
    const needsCompany = MODES_WITH_COMPANY.includes(next.mode);
    if (needsCompany && next.propertyCompanyId == null) throw badInput('propertyCompanyId', `A ${next.mode} service names its company`, 'REQUIRED');
    if (!needsCompany && next.propertyCompanyId != null) throw badInput('propertyCompanyId', `A ${next.mode} service has no company`, 'NOT_APPLICABLE');
    if (!notBefore(next.until, next.since)) throw badInput('until', 'A period ends after it starts', 'END_BEFORE_START');
    const others = await em.find(ServiceCoverage, { where: { compoundId: next.compoundId, ...(before ? { id: Not(before.id) } : {}) } });
    const met = others.find((o) => overlaps(o, next));
    if (met) throw badInput('since', `The period overlaps the one from ${met.since ?? 'the start of the records'} to ${met.until ?? 'now'} (id ${met.id})`, 'OVERLAP', { overlaps: met.id });
    if (!before || before.compoundId !== next.compoundId) next.communityId = (await em.findOneByOrFail(Compound, { id: next.compoundId })).communityId;
    // in the same transaction as the period itself (refused with it)
    await this.syncCompound(em, next);
  }

  /** The compound takes the mode and company of the period serving today. */
  private async syncCompound(em: EntityManager, period: ServiceCoverage): Promise<void> {
    if (!spans(period, todayInChina())) return;
    const compound = await em.findOneByOrFail(Compound, { id: period.compoundId });
    if (compound.managementMode === period.mode && compound.propertyCompanyId === period.propertyCompanyId) return;
    compound.managementMode = period.mode;
    compound.propertyCompanyId = period.propertyCompanyId;
    await em.save(compound);
  }
}
