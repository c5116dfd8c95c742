import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { OwnersCommittee } from './owners-committee.entity';

/**
 * 年度工作述职评议会议 (001 二.3): once a year the committee reports to all owners in person, with town
 * and community officials invited; the invitation is posted at least a week ahead; the questions
 * raised become an issues list, and the rectification is posted in the compound.
 */
@ObjectType({ description: '年度述职评议会: the committee’s yearly report meeting' })
@Owned({ via: ['committeeId', () => OwnersCommittee], reads: 'subtree', writes: 'fact' })
@Entity('committee_report_meeting')
@Index('uq_committee_report_meeting_year', ['committeeId', 'year'], { unique: true })
export class CommitteeReportMeeting extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  committeeId: number;

  @ManyToOne(() => OwnersCommittee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committeeId' })
  committeeRel?: OwnersCommittee;

  @Field(() => Int, { description: 'The year reported on' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => LocalDate, { nullable: true, description: '邀请函 posted on (公告栏, 各楼栋, 业主微信群)' })
  @Column({ type: 'date', nullable: true })
  invitationPostedOn: string | null;

  @Field(() => String, { nullable: true, description: '镇、村（社区）干部 who attended' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  officialsPresent: string | null;

  @Field(() => String, { nullable: true, description: '问题清单: the owners’ questions, one per line' })
  @Column({ type: 'text', nullable: true })
  issues: string | null;

  @Field(() => LocalDate, { nullable: true, description: '整改情况 posted on' })
  @Column({ type: 'date', nullable: true })
  rectificationPostedOn: string | null;
}
