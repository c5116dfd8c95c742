import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { defineCompoundFlags } from '../organization/compound-flags';
import { PARTY_ORGANIZATION_FLAGS } from './party-organization.flags';
import { PartyOrganizationLedger1765152000000 } from './migrations/1765152000000-PartyOrganizationLedger';
import { PartyOrganization } from './party-organization.entity';
import { PartyOrganizationMember } from './party-organization-member.entity';
import { PartyOrganizationMemberService, ThreeHaveDesignationService } from './party-organization-records.service';
import {
  CompanyPartyOrganizationsResolver,
  CompoundPartyOrganizationsResolver,
  PartyOrganizationMemberResolver,
  PartyOrganizationResolver,
  ThreeHaveDesignationResolver,
} from './party-organization.resolver';
import { PartyOrganizationService } from './party-organization.service';
import { ThreeHaveDesignation } from './three-have-designation.entity';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  partyOrganization: new PartyOrganizationService(ds, tx, audit, { entity: PartyOrganization, typeName: 'PartyOrganization', derivedColumns: ['jurisdictionId'] }),
  partyOrganizationMember: new PartyOrganizationMemberService(ds, tx, audit, { entity: PartyOrganizationMember, typeName: 'PartyOrganizationMember', searchColumns: [] }),
  threeHaveDesignation: new ThreeHaveDesignationService(ds, tx, audit, { entity: ThreeHaveDesignation, typeName: 'ThreeHaveDesignation', searchColumns: ['basis'] }),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  COMPOUND_OR_COMPANY: 'A party organisation belongs to a compound or to a property company: exactly one of the two',
  TOO_FEW_FOR_SINGLE: 'Fewer than 3 formal party members: no organisation of its own (单建); 联建, 兼合式, 功能型 or 临时 instead (002 一.2)',
  FUNCTIONAL_NEEDS_MEMBERS: 'A 功能型 organisation is for units that have party members (002 一.2)',
  INSTRUCTOR_REQUIRED: 'Without formal party members a 党建指导员 is assigned, and named (002 一.2; 004 二(一))',
  NOT_PARTY_MEMBER: 'Only a party member can be recorded in a party organisation',
} as const;

defineCompoundFlags(PARTY_ORGANIZATION_FLAGS);

/**
 * 党组织 of compounds and property companies (002 一.2, 000 附件 二(一)–(二), 004 二(一), 001 四(一)2): form,
 * formal members, secretary, 党建指导员; 双向进入、交叉任职 with the owners' committee; the “三有” companies
 * the office counts; coverage of compounds and of 三有 companies.
 */
export const partyOrganizationModule: ApiModule = {
  name: 'party-organization',
  entities: [PartyOrganization, PartyOrganizationMember, ThreeHaveDesignation],
  migrations: [PartyOrganizationLedger1765152000000],
  services,
  resolvers: [PartyOrganizationResolver, PartyOrganizationMemberResolver, ThreeHaveDesignationResolver, CompoundPartyOrganizationsResolver, CompanyPartyOrganizationsResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
