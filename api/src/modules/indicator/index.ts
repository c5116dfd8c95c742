import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Indicator, IndicatorMeasurement } from './indicator.entities';
import { IndicatorMeasurementResolver, IndicatorResolver } from './indicator.resolver';
import { IndicatorsFromLedger1765411200000 } from './migrations/1765411200000-IndicatorsFromLedger';
import { IndicatorsFromTickets1765500000006 } from './migrations/1765500000006-IndicatorsFromTickets';
import { IndicatorMeasurementService, IndicatorProgressService, IndicatorService } from './indicator.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  indicator: new IndicatorService(ds, tx, audit, { entity: Indicator, typeName: 'Indicator', searchColumns: ['name', 'printed'] }),
  indicatorMeasurement: new IndicatorMeasurementService(ds, tx, audit, { entity: IndicatorMeasurement, typeName: 'IndicatorMeasurement', searchColumns: ['note'], derivedColumns: ['jurisdictionId'] }),
  indicatorProgress: new IndicatorProgressService(ds),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  NOT_PER_COMPOUND: 'A measurement names a compound for an indicator measured by jurisdiction, not compound by compound',
} as const;

/** 指标: the documents' targets, measured or computed from the compounds' facts. */
export const indicatorModule: ApiModule = {
  name: 'indicator',
  entities: [Indicator, IndicatorMeasurement],
  migrations: [IndicatorsFromLedger1765411200000, IndicatorsFromTickets1765500000006],
  services,
  resolvers: [IndicatorResolver, IndicatorMeasurementResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
