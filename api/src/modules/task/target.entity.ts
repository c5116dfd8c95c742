import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedRecord } from '../policy/sourced.entity';
import { KeyWork } from './key-work.entity';
import { Owned } from '../../common/scope';

/** 目标内容: the second level of a task list (000). */
@ObjectType({ description: '目标内容: a target under a key work' })
@Owned({ via: ['keyWorkId', () => KeyWork], reads: 'downward', writes: 'issued' })
@Entity('task_target')
@Index('uq_task_target_key_work_number', ['keyWorkId', 'number'], { unique: true })
export class Target extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  keyWorkId: number;

  @ManyToOne(() => KeyWork, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'keyWorkId' })
  keyWorkRel?: KeyWork;

  @Field({ description: 'Number as printed: 一 for (一)' })
  @Column({ type: 'varchar', length: 10 })
  number: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
