import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LocalDate } from '../../common/scalars';
import { SourcedRecord } from '../policy/sourced.entity';
import { DeadlineKind, RecurrenceUnit } from './enums';
import { KeyWork } from './key-work.entity';
import { Target } from './target.entity';
import { Owned } from '../../common/scope';

/** 工作内容 (000) or 主要措施 (004): what units must do, with a typed deadline. */
@ObjectType({ description: '工作内容 / 措施: a task with its deadline, assigned to units' })
@Owned({ via: ['keyWorkId', () => KeyWork], reads: 'downward', writes: 'issued' })
@Entity('task_item')
@Index('ix_task_item_key_work', ['keyWorkId', 'sortOrder'])
@Index('ix_task_item_due', ['dueDate'])
export class TaskItem extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  keyWorkId: number;

  @ManyToOne(() => KeyWork, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'keyWorkId' })
  keyWorkRel?: KeyWork;

  @Field(() => ID, { nullable: true, description: 'The 目标内容 it serves (task lists)' })
  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @ManyToOne(() => Target, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'targetId' })
  targetRel?: Target;

  @Field(() => String, { nullable: true, description: 'Number as printed (一是 → 一), for measures' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'Short heading as printed, when there is one' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Field({ description: 'Text as printed' })
  @Column({ type: 'text' })
  content: string;

  @Field(() => String, { nullable: true, description: '责任单位 as printed in the row' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  unitsPrinted: string | null;

  @Field(() => DeadlineKind)
  @Column({ type: 'varchar', length: 24 })
  deadlineKind: DeadlineKind;

  @Field(() => String, { nullable: true, description: '完成时限 as printed' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  deadlineText: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The resolved due date (common/deadline.ts); null when ongoing or recurring' })
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Field(() => RecurrenceUnit, { nullable: true, description: 'RECURRING: how often the duty comes round' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  recurrenceUnit: RecurrenceUnit | null;

  @Field(() => Int, { nullable: true, description: 'RECURRING: at least this many times each period (每月不少于2次 → 2)' })
  @Column({ type: 'int', nullable: true })
  recurrenceTimes: number | null;

  @Field(() => Int, { nullable: true, description: 'RECURRING: each occurrence is due this many months after its period ends (每季度第一个月的月底前 → 1)' })
  @Column({ type: 'int', nullable: true })
  recurrenceLagMonths: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Ongoing from this day (自2025年起)' })
  @Column({ type: 'date', nullable: true })
  ongoingFrom: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
