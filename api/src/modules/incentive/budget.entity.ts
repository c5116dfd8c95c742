import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { fenToYuan } from '../../common/money';
import { numeric } from '../../common/numeric';
import { IncentiveProgramme } from './incentive.entities';
import { Owned } from '../../common/scope';

/** 年度预算: what a programme may commit in a year; approvals beyond it are refused. */
@ObjectType({ description: '年度预算: a programme’s budget for one year' })
@Owned({ via: ['programmeId', () => IncentiveProgramme], reads: 'subtree', writes: 'issued' })
@Entity('incentive_budget')
@Index('uq_incentive_budget_year', ['programmeId', 'year'], { unique: true })
export class IncentiveBudget extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  programmeId: number;

  @ManyToOne(() => IncentiveProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programmeId' })
  programmeRel?: IncentiveProgramme;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => GraphQLSafeInt, { description: 'Budget in fen (分)' })
  @Column({ type: 'bigint', transformer: numeric })
  amountFen: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field({ description: 'Budget in yuan, e.g. "250000.00"' })
  get amount(): string {
    return fenToYuan(this.amountFen);
  }
}
