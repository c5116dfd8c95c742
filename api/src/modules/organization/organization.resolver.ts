import { ListSize } from '../../common/query-limits';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayInChina } from '../../common/dates';
import { LocalDate } from '../../common/scalars';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { EDITORS, Role } from '../../common/roles';
import { Compound } from './compound.entity';
import { CompoundFlag, compoundFlagsLoader } from './compound-flags';
import { Jurisdiction } from './jurisdiction.entity';
import { compoundsByCommunity, jurisdictionChildren, unitsByJurisdiction } from './organization.loaders';
import {
  CompoundFilter,
  CreateCompoundArgs,
  CreateJurisdictionArgs,
  CreatePropertyCompanyArgs,
  CreateUnitArgs,
  JurisdictionFilter,
  PropertyCompanyFilter,
  UnitFilter,
  UpdateCompoundArgs,
  UpdateJurisdictionArgs,
  UpdatePropertyCompanyArgs,
  UpdateUnitArgs,
} from './organization.inputs';
import { PropertyCompany } from './property-company.entity';
import { Unit } from './unit.entity';

@Resolver(() => Jurisdiction)
@Authorized()
export class JurisdictionResolver extends createCrudResolver({
  type: Jurisdiction,
  name: 'Jurisdiction',
  plural: 'Jurisdictions',
  filter: JurisdictionFilter,
  createArgs: CreateJurisdictionArgs,
  updateArgs: UpdateJurisdictionArgs,
  service: (ctx) => ctx.services.jurisdiction,
  // the tree every office's scope hangs on: its system administrators keep it (an office's ADMIN, below it)
  writeRoles: [Role.ADMIN],
}) {
  @FieldResolver(() => Jurisdiction, { nullable: true })
  parent(@Root() j: Jurisdiction, @Ctx() ctx: AppContext): Promise<Jurisdiction | null> {
    return ctx.loaders.ref(Jurisdiction, j.parentId);
  }

  @ListSize(50)
  @FieldResolver(() => [Jurisdiction], { description: 'The jurisdictions directly below' })
  children(@Root() j: Jurisdiction, @Ctx() ctx: AppContext): Promise<Jurisdiction[]> {
    return jurisdictionChildren(ctx.loaders).load(j.id);
  }

  @ListSize(30)
  @FieldResolver(() => [Unit], { description: 'Units belonging to this jurisdiction' })
  units(@Root() j: Jurisdiction, @Ctx() ctx: AppContext): Promise<Unit[]> {
    return unitsByJurisdiction(ctx.loaders).load(j.id);
  }

  @ListSize(200)
  @FieldResolver(() => [Compound], { description: 'Compounds in this community' })
  compounds(@Root() j: Jurisdiction, @Ctx() ctx: AppContext): Promise<Compound[]> {
    return compoundsByCommunity(ctx.loaders).load(j.id);
  }
}

@Resolver(() => Unit)
@Authorized()
export class UnitResolver extends createCrudResolver({
  type: Unit,
  name: 'Unit',
  plural: 'Units',
  filter: UnitFilter,
  createArgs: CreateUnitArgs,
  updateArgs: UpdateUnitArgs,
  service: (ctx) => ctx.services.unit,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => Jurisdiction)
  jurisdiction(@Root() u: Unit, @Ctx() ctx: AppContext): Promise<Jurisdiction | null> {
    return ctx.loaders.ref(Jurisdiction, u.jurisdictionId);
  }
}

@Resolver(() => PropertyCompany)
@Authorized()
export class PropertyCompanyResolver extends createCrudResolver({
  type: PropertyCompany,
  name: 'PropertyCompany',
  plural: 'PropertyCompanies',
  filter: PropertyCompanyFilter,
  createArgs: CreatePropertyCompanyArgs,
  updateArgs: UpdatePropertyCompanyArgs,
  service: (ctx) => ctx.services.propertyCompany,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => Jurisdiction, { nullable: true })
  jurisdiction(@Root() c: PropertyCompany, @Ctx() ctx: AppContext): Promise<Jurisdiction | null> {
    return ctx.loaders.ref(Jurisdiction, c.jurisdictionId);
  }
}

@Resolver(() => Compound)
@Authorized()
export class CompoundResolver extends createCrudResolver({
  type: Compound,
  name: 'Compound',
  plural: 'Compounds',
  filter: CompoundFilter,
  createArgs: CreateCompoundArgs,
  updateArgs: UpdateCompoundArgs,
  service: (ctx) => ctx.services.compound,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => Jurisdiction)
  community(@Root() c: Compound, @Ctx() ctx: AppContext): Promise<Jurisdiction | null> {
    return ctx.loaders.ref(Jurisdiction, c.communityId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() c: Compound, @Ctx() ctx: AppContext): Promise<PropertyCompany | null> {
    return ctx.loaders.ref(PropertyCompany, c.propertyCompanyId);
  }

  @FieldResolver(() => [CompoundFlag], { description: '待办与标记: what is due or wrong at the compound on the day (default: today)' })
  flags(@Root() c: Compound, @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null, @Ctx() ctx: AppContext): Promise<string[]> {
    return compoundFlagsLoader(ctx.loaders, asOf ?? todayInChina()).load(c.id);
  }
}
