import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Owned } from '../../common/scope';
import { CommitteeMember } from '../owners-committee/committee-member.entity';
import { PartyOrganization } from './party-organization.entity';

/** 支部职务: the seat a committee member holds in the branch; the first three are its 班子 (支部委员会). */
export enum PartyBranchRole {
  SECRETARY = 'SECRETARY',
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  MEMBER = 'MEMBER',
}
registerEnumType(PartyBranchRole, { name: 'PartyBranchRole', description: '书记 / 副书记 / 支委委员 / 党员' });

/**
 * 双向进入、交叉任职 (001 四(一)2; 000 附件 二(二); 003): an owners'-committee member of the same compound
 * who is also in this party organisation, and the seat they hold in it. The one record the derived
 * `crossServing` needs: a committee member is in the branch (业委会成员进入党组织), and where the seat is
 * one of the branch's 班子 (书记, 副书记, 支委委员) the branch's leadership sits on the committee
 * (党组织班子成员进入业委会). When each serves is read from the member's and the committee's own dates.
 */
@ObjectType({ description: '交叉任职: an owners’-committee member who is also in the party organisation' })
@Owned({ via: ['partyOrganizationId', () => PartyOrganization], reads: 'subtree', writes: 'fact' })
@Entity('party_organization_member')
@Index('uq_party_organization_member', ['partyOrganizationId', 'committeeMemberId'], { unique: true })
@Index('ix_party_organization_member_member', ['committeeMemberId'])
export class PartyOrganizationMember extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  partyOrganizationId: number;

  @ManyToOne(() => PartyOrganization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partyOrganizationId' })
  partyOrganizationRel?: PartyOrganization;

  @Field(() => ID, { description: 'The owners’-committee member (业委会成员), who must be a party member' })
  @Column({ type: 'int' })
  committeeMemberId: number;

  @ManyToOne(() => CommitteeMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committeeMemberId' })
  committeeMemberRel?: CommitteeMember;

  @Field(() => PartyBranchRole)
  @Column({ type: 'varchar', length: 24 })
  branchRole: PartyBranchRole;
}
