import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { CommitteeRole, PoliticalStatus } from './committee.enums';
import { OwnersCommittee } from './owners-committee.entity';

/**
 * 业委会成员: one member of one committee's term, as the member board shows them (001 二.5: 头像、
 * 姓名、业委会职务、政治面貌、所在楼栋、履职宣言, the contact only where the member agrees) and as the
 * negative list treats them (001 二.2: misconduct suspends the member, 暂停履职, and the owners'
 * meeting ends the membership, 终止成员资格). The committee's member and party-member counts are kept
 * from its members (CommitteeMemberService).
 */
@ObjectType({ description: '业委会成员: a member of an owners’ committee' })
@Owned({ via: ['committeeId', () => OwnersCommittee], reads: 'subtree', writes: 'fact' })
@Entity('committee_member')
@Index('ix_committee_member_committee', ['committeeId', 'role'])
export class CommitteeMember extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  committeeId: number;

  @ManyToOne(() => OwnersCommittee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committeeId' })
  committeeRel?: OwnersCommittee;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => CommitteeRole)
  @Column({ type: 'varchar', length: 16 })
  role: CommitteeRole;

  @Field(() => PoliticalStatus)
  @Column({ type: 'varchar', length: 24 })
  politicalStatus: PoliticalStatus;

  @Field(() => String, { nullable: true, description: '所在楼栋, e.g. 3号楼' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  building: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Serves from (default: the committee’s formation)' })
  @Column({ type: 'date', nullable: true })
  servedFrom: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Serves until (default: the committee’s term)' })
  @Column({ type: 'date', nullable: true })
  servedTo: string | null;

  @Field(() => String, { nullable: true, description: 'Contact (kept for the office; on the public board only if contactPublic)' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Field({ description: 'The member agreed to show their contact on the public board (001 二.5)' })
  @Column({ type: 'boolean', default: false })
  contactPublic: boolean;

  @Field(() => String, { nullable: true, description: '履职宣言' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  pledge: string | null;

  @Field(() => String, { nullable: true, description: '头像: where the photo is kept (a link or file reference)' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  photoRef: string | null;

  @Field(() => LocalDate, { nullable: true, description: '负面清单: suspended from duties on (001 二.2)' })
  @Column({ type: 'date', nullable: true })
  suspendedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The misconduct that suspended the member' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  suspensionReason: string | null;

  @Field(() => LocalDate, { nullable: true, description: '终止成员资格: the owners’ meeting ended the membership on (or the member left)' })
  @Column({ type: 'date', nullable: true })
  removedOn: string | null;
}
