import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { ServiceCoverage1765000000000 } from './migrations/1765000000000-ServiceCoverage';
import { CompoundCoverageResolver, ServiceCoverageResolver } from './service-coverage.resolver';
import { ServiceCoverage } from './service-coverage.entity';
import { ServiceCoverageService } from './service-coverage.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  serviceCoverage: new ServiceCoverageService(ds, tx, audit, {
    entity: ServiceCoverage,
    typeName: 'ServiceCoverage',
    searchColumns: ['note'],
    derivedColumns: ['communityId'],
    defaultSort: [['id', 'DESC']],
  }),
});

/** 物业服务覆盖: how each compound is served (专业化, 国企, 业主自治, 社区兜底, 无物业) over time, and since when. */
export const propertyServiceModule: ApiModule = {
  name: 'property-service',
  entities: [ServiceCoverage],
  migrations: [ServiceCoverage1765000000000],
  services,
  resolvers: [ServiceCoverageResolver, CompoundCoverageResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
