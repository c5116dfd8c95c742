import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedRecord } from '../policy/sourced.entity';
import { Plan } from './plan.entity';
import { Owned } from '../../common/scope';

/** 重点工作 (000) or 专项行动 (004): the first level of a plan. */
@ObjectType({ description: '重点工作 / 专项行动: the first level of a plan' })
@Owned({ via: ['planId', () => Plan], reads: 'downward', writes: 'issued' })
@Entity('key_work')
@Index('uq_key_work_plan_number', ['planId', 'number'], { unique: true })
export class KeyWork extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  planRel?: Plan;

  @Field({ description: 'Number as printed: 一, 二 … or (一), (二) …' })
  @Column({ type: 'varchar', length: 10 })
  number: string;

  @Field({ description: 'Title as printed' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => [String], { description: 'Other spellings the document prints (000 spells key work 一 two ways)' })
  @Column({ type: 'simple-json' })
  aliases: string[];

  @Field(() => String, { nullable: true, description: '工作目标 as printed (special actions)' })
  @Column({ type: 'text', nullable: true })
  goal: string | null;

  @Field(() => String, { nullable: true, description: '牵头单位 as printed' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  leadPrinted: string | null;

  @Field(() => String, { nullable: true, description: '责任单位 as printed' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  responsiblePrinted: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
