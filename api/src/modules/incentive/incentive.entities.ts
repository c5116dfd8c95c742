import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { fenToYuan } from '../../common/money';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { SourcedRecord } from '../policy/sourced.entity';
import { IncentiveTrigger, RecipientRole } from './incentive.enums';
import { Owned } from '../../common/scope';

/** 奖励项目: a kind of award a document sets up (示范点奖励, 以奖代补), with its rules and yearly budgets. */
@ObjectType({ description: '奖励项目: an award programme a document sets up' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('incentive_programme')
@Index('uq_incentive_programme_owner_name', ['jurisdictionId', 'name'], { unique: true })
export class IncentiveProgramme extends SourcedRecord {
  @Field(() => ID, { nullable: true, description: 'The office that runs the programme (its cases, payouts and budgets are its own). Null: kept by the platform' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => IncentiveTrigger)
  @Column({ type: 'varchar', length: 40 })
  trigger: IncentiveTrigger;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/**
 * 奖励规则: what a programme pays, per recipient, for triggers in its validity period. Payouts copy
 * their amounts when generated, so editing a rule never changes a payout that exists.
 */
@ObjectType({ description: '奖励规则: amounts per recipient, valid for a period, citing its clause' })
@Owned({ via: ['programmeId', () => IncentiveProgramme], reads: 'downward', writes: 'issued' })
@Entity('incentive_rule')
@Index('ix_incentive_rule_programme', ['programmeId', 'validFrom'])
export class IncentiveRule extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  programmeId: number;

  @ManyToOne(() => IncentiveProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programmeId' })
  programmeRel?: IncentiveProgramme;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The clause text that sets the rule, as printed' })
  @Column({ type: 'text', nullable: true })
  printed: string | null;

  @Field(() => LocalDate, { description: 'First day the rule applies (by the acceptance date of a case)' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it applies; open-ended when null' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Int, { description: 'Bumped on every edit; payouts record the version they were generated from' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

/** One recipient's amount under a rule. A null amount means the document fixes none (004's 以奖代补). */
@ObjectType({ description: 'One recipient line of a rule' })
@Owned({ via: ['ruleId', () => IncentiveRule], reads: 'downward', writes: 'issued' })
@Entity('incentive_rule_line')
@Index('uq_incentive_rule_line_role', ['ruleId', 'recipientRole'], { unique: true })
export class IncentiveRuleLine extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  ruleId: number;

  @ManyToOne(() => IncentiveRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ruleId' })
  ruleRel?: IncentiveRule;

  @Field(() => RecipientRole)
  @Column({ type: 'varchar', length: 32 })
  recipientRole: RecipientRole;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Amount in fen (分); null when not fixed yet' })
  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  amountFen: number | null;

  @Field(() => String, { nullable: true, description: 'The amount as printed, e.g. 3万元' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  printedAmount: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Field(() => String, { nullable: true, description: 'Amount in yuan, e.g. "30000.00"' })
  get amount(): string | null {
    return this.amountFen === null ? null : fenToYuan(this.amountFen);
  }
}
