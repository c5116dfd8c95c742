import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LocalDate } from '../../common/scalars';
import { SourcedRecord } from '../policy/sourced.entity';
import { TaskItem } from './task-item.entity';
import { Owned } from '../../common/scope';

/** 节点: a dated step inside a measure ("开展党员摸底排查(11月15日前完成)"). */
@ObjectType({ description: 'A dated milestone inside a task' })
@Owned({ via: ['taskItemId', () => TaskItem], reads: 'downward', writes: 'issued' })
@Entity('milestone')
@Index('ix_milestone_task', ['taskItemId', 'sortOrder'])
@Index('ix_milestone_due', ['dueDate'])
export class Milestone extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  taskItemId: number;

  @ManyToOne(() => TaskItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'taskItemId' })
  taskItemRel?: TaskItem;

  @Field({ description: 'The step as printed, with its deadline' })
  @Column({ type: 'text' })
  text: string;

  @Field({ description: 'The deadline as printed, e.g. 11月15日前完成' })
  @Column({ type: 'varchar', length: 100 })
  deadlineText: string;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  dueDate: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
