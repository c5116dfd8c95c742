import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { SourcedRecord } from '../policy/sourced.entity';
import { Owned } from '../../common/scope';

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
}
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: '% or a count' });

export enum Comparator {
  GTE = 'GTE',
  LTE = 'LTE',
  EQ = 'EQ',
}
registerEnumType(Comparator, { name: 'Comparator', description: '≥ (不低于 / 以上 / 达到), ≤, =' });

/** What the system can compute from its own data instead of a typed measurement. */
export enum ComputedMeasure {
  OWNERS_COMMITTEE_RATE = 'OWNERS_COMMITTEE_RATE',
  PARTY_ORGANIZATION_RATE = 'PARTY_ORGANIZATION_RATE',
  NEW_COMMITTEE_PARTY_SHARE = 'NEW_COMMITTEE_PARTY_SHARE',
}
registerEnumType(ComputedMeasure, {
  name: 'ComputedMeasure',
  description: '业委会组建率 / 小区党组织组建率 / 新组建业委会党员比例, computed from compounds',
});

/** 指标: a numeric target a document sets, with its deadline and scope, citing its clause. */
@ObjectType({ description: '指标: a numeric policy target' })
@Owned({ column: 'scopeId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('indicator')
export class Indicator extends SourcedRecord {
  @Field({ description: 'Name as the document words it' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The phrase that sets it, as printed' })
  @Column({ type: 'text', nullable: true })
  printed: string | null;

  @Field(() => IndicatorUnit)
  @Column({ type: 'varchar', length: 16 })
  unit: IndicatorUnit;

  @Field(() => Comparator)
  @Column({ type: 'varchar', length: 8 })
  comparator: Comparator;

  @Field(() => Float, { description: 'The target value (percent as 60, not 0.6)' })
  @Column({ type: 'decimal', precision: 12, scale: 2, transformer: numeric })
  target: number;

  @Field(() => String, { nullable: true, description: 'The deadline as printed' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  deadlineText: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Field(() => ID)
  @Column({ type: 'int' })
  scopeId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scopeId' })
  scopeRel?: Jurisdiction;

  @Field(() => ComputedMeasure, { nullable: true, description: 'Set when the actual is computed from compounds, not typed' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  computed: ComputedMeasure | null;
}

/** 指标测量: a value of an indicator in a jurisdiction on a date. */
@ObjectType({ description: 'A measured value of an indicator on a date' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'fact' })
@Entity('indicator_measurement')
@Index('ix_indicator_measurement', ['indicatorId', 'measuredOn'])
export class IndicatorMeasurement extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicatorRel?: Indicator;

  @Field(() => ID, { description: 'Where it was measured (the indicator scope or a part of it)' })
  @Column({ type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  measuredOn: string;

  @Field(() => Float)
  @Column({ type: 'decimal', precision: 12, scale: 2, transformer: numeric })
  value: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
