import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
import { ManagementMode } from '../organization/enums';
import { PropertyCompany } from '../organization/property-company.entity';
import { modeOn } from './coverage.rules';
import { CreateServiceCoverageArgs, ServiceCoverageFilter, UpdateServiceCoverageArgs } from './service-coverage.inputs';
import { ServiceCoverage } from './service-coverage.entity';

@Resolver(() => ServiceCoverage)
@Authorized()
export class ServiceCoverageResolver extends createCrudResolver({
  type: ServiceCoverage,
  name: 'ServiceCoverage',
  plural: 'ServiceCoverages',
  filter: ServiceCoverageFilter,
  createArgs: CreateServiceCoverageArgs,
  updateArgs: UpdateServiceCoverageArgs,
  service: (ctx) => ctx.services.serviceCoverage,
  // the community records how its compounds are served; the office removes a period entered in error
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Compound)
  compound(@Root() c: ServiceCoverage, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, c.compoundId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() c: ServiceCoverage, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, c.propertyCompanyId);
  }
}

@Resolver(() => Compound)
export class CompoundCoverageResolver {
  @FieldResolver(() => [ServiceCoverage], { description: '物业服务覆盖: how the compound has been served, latest period first' })
  serviceCoverages(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, ServiceCoverage, 'compoundId', { since: 'DESC', id: 'DESC' }).load(c.id);
  }

  @FieldResolver(() => ManagementMode, { description: 'How the compound was served on the day (its recorded periods; without any, its management mode)' })
  async managementModeOn(@Root() c: Compound, @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null, @Ctx() ctx: AppContext) {
    const periods = await childrenOf(ctx.loaders, ServiceCoverage, 'compoundId', { since: 'DESC', id: 'DESC' }).load(c.id);
    return modeOn(periods, asOf ?? todayInChina(), c.managementMode);
  }
}
