import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Indicator, IndicatorMeasurement } from './indicator.entities';
import { IndicatorMeasurementResolver, IndicatorResolver } from './indicator.resolver';
import { IndicatorMeasurementService, IndicatorProgressService, IndicatorService } from './indicator.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  indicator: new IndicatorService(ds, tx, audit, { entity: Indicator, typeName: 'Indicator', searchColumns: ['name', 'printed'] }),
  indicatorMeasurement: new IndicatorMeasurementService(ds, tx, audit, { entity: IndicatorMeasurement, typeName: 'IndicatorMeasurement', searchColumns: ['note'] }),
  indicatorProgress: new IndicatorProgressService(ds),
});

/** 指标: the documents' targets, measured or computed from the compounds' facts. */
export const indicatorModule: ApiModule = {
  name: 'indicator',
  entities: [Indicator, IndicatorMeasurement],
  services,
  resolvers: [IndicatorResolver, IndicatorMeasurementResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
