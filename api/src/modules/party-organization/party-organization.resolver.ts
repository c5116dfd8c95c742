import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { CommitteeMember } from '../owners-committee/committee-member.entity';
import { OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { PartyOrganization } from './party-organization.entity';
import {
  CreatePartyOrganizationArgs,
  CreatePartyOrganizationMemberArgs,
  CreateThreeHaveDesignationArgs,
  PartyOrganizationFilter,
  PartyOrganizationMemberFilter,
  ThreeHaveDesignationFilter,
  UpdatePartyOrganizationArgs,
  UpdatePartyOrganizationMemberArgs,
  UpdateThreeHaveDesignationArgs,
} from './party-organization.inputs';
import { PartyOrganizationMember } from './party-organization-member.entity';
import * as rules from './party-organization.rules';
import { ThreeHaveDesignation } from './three-have-designation.entity';

const AS_OF = { nullable: true, description: 'The day (default: today in China)' } as const;

/** The organisation's links with what crossServing reads of each (member and committee by DataLoader). */
async function seats(o: PartyOrganization, ctx: AppContext): Promise<Array<rules.CrossSeat & { link: PartyOrganizationMember }>> {
  const links = await childrenOf(ctx.loaders, PartyOrganizationMember, 'partyOrganizationId').load(o.id);
  const members = await Promise.all(links.map((l) => ctx.loaders.byId(CommitteeMember).load(l.committeeMemberId)));
  const committees = await Promise.all(members.map((m) => ctx.loaders.ref(OwnersCommittee, m?.committeeId)));
  return links.flatMap((link, i) => {
    const [member, committee] = [members[i], committees[i]];
    return member && committee ? [{ link, branchRole: link.branchRole, member, committee }] : [];
  });
}

@Resolver(() => PartyOrganization)
@Authorized()
export class PartyOrganizationResolver extends createCrudResolver({
  type: PartyOrganization,
  name: 'PartyOrganization',
  plural: 'PartyOrganizations',
  filter: PartyOrganizationFilter,
  createArgs: CreatePartyOrganizationArgs,
  updateArgs: UpdatePartyOrganizationArgs,
  service: (ctx) => ctx.services.partyOrganization,
  // the community records what it knows of its compounds (scope: common/scope.ts, 'fact'); the office removes
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Compound, { nullable: true })
  compound(@Root() o: PartyOrganization, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, o.compoundId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() o: PartyOrganization, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, o.propertyCompanyId);
  }

  @FieldResolver(() => Jurisdiction, { description: '隶属: the jurisdiction it comes under' })
  jurisdiction(@Root() o: PartyOrganization, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, o.jurisdictionId);
  }

  @FieldResolver(() => Boolean, { description: '3 or more formal party members: may form its own (单建) organisation (002 一.2), and should (004 二(一) 应建尽建)' })
  maySingle(@Root() o: PartyOrganization) {
    return rules.maySingle(o.formalMemberCount);
  }

  @FieldResolver(() => Boolean, { description: 'No formal party members: a 党建指导员 is assigned (002 一.2)' })
  instructorRequired(@Root() o: PartyOrganization) {
    return rules.instructorRequired(o.formalMemberCount);
  }

  @FieldResolver(() => Boolean, { description: 'Formed by the day and not dissolved before it' })
  serving(@Root() o: PartyOrganization, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return rules.servesOn(o, asOf ?? todayInChina());
  }

  @FieldResolver(() => [PartyOrganizationMember], { description: 'Owners’-committee members recorded in it (交叉任职), whether serving or not' })
  members(@Root() o: PartyOrganization, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, PartyOrganizationMember, 'partyOrganizationId').load(o.id);
  }

  @FieldResolver(() => [PartyOrganizationMember], { description: 'Those of its members who sit on the owners’ committee on the day' })
  async crossServingMembers(@Root() o: PartyOrganization, @Ctx() ctx: AppContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return rules.crossServingSeats(await seats(o, ctx), asOf ?? todayInChina()).map((s) => s.link);
  }

  @FieldResolver(() => Boolean, {
    description: '双向进入、交叉任职 on the day: an owners’-committee member is in it, and one of its 班子 (书记, 副书记, 支委委员) sits on the committee (001 四(一)2; 000 附件 二(二))',
  })
  async crossServing(@Root() o: PartyOrganization, @Ctx() ctx: AppContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return rules.crossServing(await seats(o, ctx), asOf ?? todayInChina());
  }
}

@Resolver(() => PartyOrganizationMember)
@Authorized()
export class PartyOrganizationMemberResolver extends createCrudResolver({
  type: PartyOrganizationMember,
  name: 'PartyOrganizationMember',
  plural: 'PartyOrganizationMembers',
  filter: PartyOrganizationMemberFilter,
  createArgs: CreatePartyOrganizationMemberArgs,
  updateArgs: UpdatePartyOrganizationMemberArgs,
  service: (ctx) => ctx.services.partyOrganizationMember,
  writeRoles: FACT_KEEPERS,
}) {
  @FieldResolver(() => PartyOrganization, { nullable: true })
  partyOrganization(@Root() m: PartyOrganizationMember, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PartyOrganization, m.partyOrganizationId);
  }

  @FieldResolver(() => CommitteeMember, { nullable: true })
  committeeMember(@Root() m: PartyOrganizationMember, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(CommitteeMember).load(m.committeeMemberId);
  }
}

@Resolver(() => ThreeHaveDesignation)
@Authorized()
export class ThreeHaveDesignationResolver extends createCrudResolver({
  type: ThreeHaveDesignation,
  name: 'ThreeHaveDesignation',
  plural: 'ThreeHaveDesignations',
  filter: ThreeHaveDesignationFilter,
  createArgs: CreateThreeHaveDesignationArgs,
  updateArgs: UpdateThreeHaveDesignationArgs,
  service: (ctx) => ctx.services.threeHaveDesignation,
  // the office decides which companies it counts as 三有 (004 二(一) 牵头单位: 党建办)
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() d: ThreeHaveDesignation, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, d.propertyCompanyId);
  }
}

/** A compound's party organisations. */
@Resolver(() => Compound)
@Authorized()
export class CompoundPartyOrganizationsResolver {
  @FieldResolver(() => [PartyOrganization])
  partyOrganizations(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, PartyOrganization, 'compoundId', { formedOn: 'ASC', id: 'ASC' }).load(c.id);
  }
}

/** A property company's party organisations and whether the office counts it as 三有. */
@Resolver(() => PropertyCompany)
@Authorized()
export class CompanyPartyOrganizationsResolver {
  @FieldResolver(() => [PartyOrganization], { description: '物业服务企业党组织 (those the viewer may read)' })
  partyOrganizations(@Root() c: PropertyCompany, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, PartyOrganization, 'propertyCompanyId', { formedOn: 'ASC', id: 'ASC' }).load(c.id);
  }

  @FieldResolver(() => Boolean, { description: 'Counted as a “三有” company on the day (004 二(一)) by an office the viewer reads' })
  async threeHave(@Root() c: PropertyCompany, @Ctx() ctx: AppContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    const day = asOf ?? todayInChina();
    const rows = await childrenOf(ctx.loaders, ThreeHaveDesignation, 'propertyCompanyId').load(c.id);
    return rows.some((d) => rules.servesOn({ formedOn: d.designatedOn, dissolvedOn: d.endedOn }, day));
  }
}
