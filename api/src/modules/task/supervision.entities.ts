import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { User } from '../auth/user.entity';
import { Assignment } from './assignment.entity';

/*
 * 督办 (issue 16), as government supervision systems run it: 立项交办 (an assignment) → 签收 (the unit
 * acknowledges it: Assignment.acknowledgedAt) → 临近提醒 (a reminder when a deadline is near) → 到期催办
 * (a reminder when it has passed, and the office's own 催办 notice) → 通报 (the monthly bulletin).
 */

export enum Urgency {
  NONE = 'NONE',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  DONE = 'DONE',
}
registerEnumType(Urgency, {
  name: 'Urgency',
  description: 'An assignment’s light on a day',
  valuesConfig: {
    NONE: { description: '正常: nothing due within the reminder window' },
    DUE_SOON: { description: '黄灯: a deadline (the task’s, a milestone’s or a duty’s period) falls due within the reminder window (REMINDER_DAYS)' },
    OVERDUE: { description: '红灯: a deadline has passed without being met' },
    DONE: { description: '已完成: reported done, nothing open' },
  },
});

export enum ReminderKind {
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(ReminderKind, { name: 'ReminderKind', description: '临近提醒 / 到期催办' });

/** 催办单: the office's notice to a unit about an overdue item, dated and signed; the unit sees it on its task. */
@ObjectType({ description: '催办: the office’s notice to a unit about an overdue assignment' })
@Owned({ via: ['assignmentId', () => Assignment], reads: 'downward', writes: 'issued' })
@Entity('urging')
@Index('ix_urging_assignment', ['assignmentId'])
export class Urging extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  assignmentId: number;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignmentId' })
  assignmentRel?: Assignment;

  @Field(() => LocalDate, { description: 'The day it was sent' })
  @Column({ type: 'date' })
  sentOn: string;

  @Field({ description: 'What the office asks' })
  @Column({ type: 'text' })
  message: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day the office asks it to be done by' })
  @Column({ type: 'date', nullable: true })
  dueBy: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  sentById: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sentById' })
  sentByRel?: User;
}

/** A reminder the daily pass sent: one per assignment, deadline and kind, ever (so one, however often the pass runs). */
@ObjectType({ description: '提醒: a reminder the daily pass sent about one deadline of an assignment' })
@Owned({ via: ['assignmentId', () => Assignment], reads: 'downward', writes: 'system' })
@Entity('task_reminder')
@Index('uq_task_reminder', ['assignmentId', 'subject', 'kind'], { unique: true })
export class TaskReminder {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  createdAt: Date;

  @Field(() => ID)
  @Column({ type: 'int' })
  assignmentId: number;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignmentId' })
  assignmentRel?: Assignment;

  @Field({ description: 'What it is about: task, milestone:<id> or duty:<period>' })
  @Column({ type: 'varchar', length: 40 })
  subject: string;

  @Field(() => ReminderKind)
  @Column({ type: 'varchar', length: 12 })
  kind: ReminderKind;

  @Field(() => LocalDate, { description: 'The deadline' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => LocalDate, { description: 'The day the pass sent it' })
  @Column({ type: 'date' })
  sentOn: string;
}
