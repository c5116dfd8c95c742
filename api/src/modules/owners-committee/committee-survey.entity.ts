import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { EarlyElectionVote } from './committee.enums';
import { OwnersCommittee } from './owners-committee.entity';

/**
 * 业委会满意度测评 (001 二.4): every half year the owners rate their committee; the result goes to the
 * town, is copied to the housing bureau and published. Under 50% the town or the community may call an
 * owners' meeting to vote on early re-election: the vote is due until it is recorded here.
 */
@ObjectType({ description: '业委会满意度测评: the owners’ half-yearly rating of their committee' })
@Owned({ via: ['committeeId', () => OwnersCommittee], reads: 'subtree', writes: 'fact' })
@Entity('committee_survey')
@Index('uq_committee_survey_half', ['committeeId', 'year', 'half'], { unique: true })
export class CommitteeSurvey extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  committeeId: number;

  @ManyToOne(() => OwnersCommittee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committeeId' })
  committeeRel?: OwnersCommittee;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '1: January–June, 2: July–December' })
  @Column({ type: 'int' })
  half: number;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  surveyedOn: string;

  @Field(() => Float, { description: '满意度, percent of the owners who answered' })
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  satisfactionRate: number;

  @Field(() => Int, { nullable: true, description: 'Owners who answered' })
  @Column({ type: 'int', nullable: true })
  respondents: number | null;

  @Field(() => LocalDate, { nullable: true, description: '上报镇党委政府 on' })
  @Column({ type: 'date', nullable: true })
  reportedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: '公告 on (石狮日报, the town’s WeChat account)' })
  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The owners’ meeting voted on early re-election on' })
  @Column({ type: 'date', nullable: true })
  voteHeldOn: string | null;

  @Field(() => EarlyElectionVote, { nullable: true })
  @Column({ type: 'varchar', length: 24, nullable: true })
  voteResult: EarlyElectionVote | null;
}
