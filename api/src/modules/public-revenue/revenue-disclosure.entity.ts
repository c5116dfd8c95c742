import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';

/** 公共收益公示: a quarter's public revenue of a compound, disclosed on a day, with where it was posted. */
@ObjectType({ description: '公共收益公示: a compound’s public revenue for a quarter, disclosed on a day' })
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'fact' })
@Entity('revenue_disclosure')
@Index('uq_revenue_disclosure_quarter', ['compoundId', 'year', 'quarter'], { unique: true })
export class RevenueDisclosure extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID, { description: 'The compound’s community' })
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '1–4' })
  @Column({ type: 'int' })
  quarter: number;

  @Field(() => LocalDate, { description: '公示日期: the day it was posted' })
  @Column({ type: 'date' })
  disclosedOn: string;

  @Field(() => String, { nullable: true, description: '公示内容: what was disclosed (income, spending, balance), as posted' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  summary: string | null;

  @Field({ description: '佐证: where it was posted (公示栏, 公众号) or a link to the photo or file' })
  @Column({ type: 'varchar', length: 500 })
  evidence: string;
}
