import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { User } from '../auth/user.entity';
import { Assignment } from './assignment.entity';

/**
 * 定期工作的落实: one holding of a recurring duty by a unit (a 联席会议 held, a patrol made, a list
 * published), reported like progress: when, what (minutes or a note), the evidence, and who attended
 * where it is a meeting. It counts for the period it names (by default the one its day falls in).
 */
@ObjectType({ description: '定期工作落实: a unit’s report that a recurring duty was carried out once in a period' })
@Owned({ via: ['assignmentId', () => Assignment], reads: 'downward', writes: 'reader' })
@Entity('duty_report')
@Index('ix_duty_report_assignment', ['assignmentId', 'periodKey'])
export class DutyReport extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  assignmentId: number;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignmentId' })
  assignmentRel?: Assignment;

  @Field({ description: 'The period it counts for: 2025Q3, 2025-07, 2025H2, 2025 or 2025W27' })
  @Column({ type: 'varchar', length: 10 })
  periodKey: string;

  @Field(() => LocalDate, { description: 'The day it was held or done' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field({ description: '会议纪要 / 情况: what was done or decided' })
  @Column({ type: 'text' })
  note: string;

  @Field(() => String, { nullable: true, description: 'A link to the evidence (minutes, photos, the published list)' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  evidenceUrl: string | null;

  @Field(() => Int, { nullable: true, description: '参会人数, where it is a meeting' })
  @Column({ type: 'int', nullable: true })
  attendance: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  reportedById: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reportedById' })
  reportedByRel?: User;
}
