import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Compound } from './compound.entity';
import { defineCompoundFlags } from './compound-flags';
import { ManagementMode } from './enums';
import { Jurisdiction } from './jurisdiction.entity';
import { OwnedRecords1764806400000 } from './migrations/1764806400000-OwnedRecords';
import { CompoundResolver, JurisdictionResolver, PropertyCompanyResolver, UnitResolver } from './organization.resolver';
import { CompoundService, JurisdictionService, PropertyCompanyService, UnitService } from './organization.service';
import { PropertyCompany } from './property-company.entity';
import { Unit } from './unit.entity';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  jurisdiction: new JurisdictionService(ds, tx, audit, { entity: Jurisdiction, typeName: 'Jurisdiction' }),
  unit: new UnitService(ds, tx, audit, { entity: Unit, typeName: 'Unit', searchColumns: ['name', 'aliases'] }),
  propertyCompany: new PropertyCompanyService(ds, tx, audit, { entity: PropertyCompany, typeName: 'PropertyCompany', searchColumns: ['name', 'uscc'] }),
  compound: new CompoundService(ds, tx, audit, { entity: Compound, typeName: 'Compound' }),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  WRONG_LEVEL: 'A jurisdiction is not exactly one level below its parent, or a compound’s community is not a community (社区·村)',
} as const;

defineCompoundFlags([
  {
    flag: 'NO_PROPERTY_SERVICE',
    description: '无物业: no property service covers the compound (000 附件 四(一), 003 5: 无物业小区清零)',
    condition: () => `e.managementMode = '${ManagementMode.NONE}'`,
  },
]);

/** 区划、单位、物业企业、小区: who is where, and the compounds everything else is about. */
export const organizationModule: ApiModule = {
  name: 'organization',
  entities: [Jurisdiction, Unit, PropertyCompany, Compound],
  services,
  resolvers: [JurisdictionResolver, UnitResolver, PropertyCompanyResolver, CompoundResolver],
  migrations: [OwnedRecords1764806400000],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
