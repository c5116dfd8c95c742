import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { User } from '../auth/user.entity';
import { Assignment } from './assignment.entity';
import { ProgressStatus } from './enums';
import { Milestone } from './milestone.entity';
import { Owned } from '../../common/scope';

/** 进度报告: what a unit reports on its assignment (or one milestone of it) on a date. */
@ObjectType({ description: 'A progress report on an assignment, or on one of its milestones' })
@Owned({ via: ['assignmentId', () => Assignment], reads: 'downward', writes: 'reader' })
@Entity('progress_report')
@Index('ix_progress_report_assignment', ['assignmentId', 'reportDate'])
// the status as of a day from the index alone (progress.panels.ts)
@Index('ix_progress_report_latest', ['assignmentId', 'milestoneId', 'reportDate', 'id', 'status'])
export class ProgressReport extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  assignmentId: number;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignmentId' })
  assignmentRel?: Assignment;

  @Field(() => ID, { nullable: true, description: 'The milestone reported on; null = the task as a whole' })
  @Column({ type: 'int', nullable: true })
  milestoneId: number | null;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestoneId' })
  milestoneRel?: Milestone;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  reportDate: string;

  @Field(() => ProgressStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ProgressStatus;

  @Field()
  @Column({ type: 'text' })
  note: string;

  @Field(() => String, { nullable: true, description: 'A link to the evidence (photo, minutes, notice)' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  evidenceUrl: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  reportedById: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reportedById' })
  reportedByRel?: User;
}
