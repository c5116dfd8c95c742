import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Unit } from '../organization/unit.entity';
import { ProgressStatus } from './enums';
import { TaskItem } from './task-item.entity';
import { Owned } from '../../common/scope';

/** 任务分工: one unit's share of a task, as lead (牵头) or co-responsible (责任). "各社区" is one per community. */
@ObjectType({ description: "A unit's share of a task: lead (牵头) or co-responsible (责任)" })
@Owned({ via: ['taskItemId', () => TaskItem], reads: 'downward', writes: 'issued' })
@Entity('assignment')
@Index('uq_assignment_task_unit', ['taskItemId', 'unitId'], { unique: true })
@Index('ix_assignment_unit', ['unitId'])
// what the home page's counts read of an assignment, from the index alone (progress.panels.ts)
@Index('ix_assignment_latest', ['taskItemId', 'unitId', 'latestReportOn', 'latestStatus'])
export class Assignment extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  taskItemId: number;

  @ManyToOne(() => TaskItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'taskItemId' })
  taskItemRel?: TaskItem;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unitRel?: Unit;

  @Field({ description: '牵头: the unit leads the task' })
  @Column({ type: 'boolean', default: false })
  isLead: boolean;

  @Field({ description: 'Assigned through "各社区" (every community of the street)' })
  @Column({ type: 'boolean', default: false })
  viaAllCommunities: boolean;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Field(() => Date, { nullable: true, description: '签收: when the unit acknowledged the assignment' })
  @Column({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who acknowledged it' })
  @Column({ type: 'int', nullable: true })
  acknowledgedById: number | null;

  /** The day of its latest whole-task progress report (kept with every report: progress.latest.ts). */
  @Column({ type: 'date', nullable: true })
  latestReportOn: string | null;

  /** That report's status: the assignment's status from that day on. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  latestStatus: ProgressStatus | null;
}
