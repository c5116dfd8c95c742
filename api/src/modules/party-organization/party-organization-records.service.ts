import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import { assertPeriod, type PeriodRule } from '../../common/periods';
import { CommitteeMember } from '../owners-committee/committee-member.entity';
import { PARTY_STATUSES } from '../owners-committee/committee.enums';
import { OwnersCommittee } from '../owners-committee/owners-committee.entity';
import type { PartyOrganizationMemberFilter, ThreeHaveDesignationFilter } from './party-organization.inputs';
import { PartyOrganization } from './party-organization.entity';
import { PartyOrganizationMember } from './party-organization-member.entity';
import { ThreeHaveDesignation } from './three-have-designation.entity';

/**
 * 交叉任职: an owners'-committee member recorded in the party organisation of the same compound. Only
 * a party member (中共党员 or 预备党员) can be (NOT_PARTY_MEMBER); only a compound's organisation has an
 * owners' committee beside it (NOT_APPLICABLE), and only its own compound's (BELONGS_ELSEWHERE).
 */
export class PartyOrganizationMemberService extends CrudService<PartyOrganizationMember, PartyOrganizationMemberFilter> {
  protected async validate(em: EntityManager, next: PartyOrganizationMember, before: PartyOrganizationMember | null): Promise<void> {
    if (before) return; // only the seat changes (UpdatePartyOrganizationMemberArgs)
    const org = await em.findOneByOrFail(PartyOrganization, { id: next.partyOrganizationId });
    if (org.compoundId == null) throw badInput('partyOrganizationId', 'A property company’s party organisation has no owners’ committee beside it', 'NOT_APPLICABLE');
    const member = await em.findOneByOrFail(CommitteeMember, { id: next.committeeMemberId });
    const committee = await em.findOneByOrFail(OwnersCommittee, { id: member.committeeId });
    if (committee.compoundId !== org.compoundId) throw badInput('committeeMemberId', 'The committee member sits on another compound’s owners’ committee', 'BELONGS_ELSEWHERE');
    if (!PARTY_STATUSES.includes(member.politicalStatus)) throw badInput('committeeMemberId', 'Only a party member (中共党员 or 预备党员) can be in the party organisation', 'NOT_PARTY_MEMBER');
  }
}

/** A company counted as 三有 at a time. */
const THREE_HAVE_PERIOD: PeriodRule<ThreeHaveDesignation> = {
  entity: ThreeHaveDesignation,
  from: 'designatedOn',
  to: 'endedOn',
  scope: ['propertyCompanyId'],
  field: 'designatedOn',
  overlap: 'The company is already counted as 三有 in that period',
};

/** “三有”物业服务企业 (004 二(一)), as the office counts them: one period at a time per company. */
export class ThreeHaveDesignationService extends CrudService<ThreeHaveDesignation, ThreeHaveDesignationFilter> {
  protected async validate(em: EntityManager, next: ThreeHaveDesignation, before: ThreeHaveDesignation | null): Promise<void> {
    await assertPeriod(em, THREE_HAVE_PERIOD, next, before?.id);
  }
}
