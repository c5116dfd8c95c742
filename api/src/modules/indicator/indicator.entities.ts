import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
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
  SELF_GOVERNANCE_COVERAGE = 'SELF_GOVERNANCE_COVERAGE',
  PARTY_ORGANIZATION_RATE = 'PARTY_ORGANIZATION_RATE',
  NEW_COMMITTEE_PARTY_SHARE = 'NEW_COMMITTEE_PARTY_SHARE',
  THREE_STAR_BRANCH_SHARE = 'THREE_STAR_BRANCH_SHARE',
  DEMONSTRATION_SITES = 'DEMONSTRATION_SITES',
  DISCLOSURE_RATE = 'DISCLOSURE_RATE',
  THREE_HAVE_COMPANY_COVERAGE = 'THREE_HAVE_COMPANY_COVERAGE',
  PROPERTY_SERVICE_COVERAGE = 'PROPERTY_SERVICE_COVERAGE',
  COMPLAINT_DECREASE = 'COMPLAINT_DECREASE',
  COMPLAINT_HANDLING_RATE = 'COMPLAINT_HANDLING_RATE',
  MICRO_PROJECTS = 'MICRO_PROJECTS',
  TEN_MATTERS_CLOSURE_RATE = 'TEN_MATTERS_CLOSURE_RATE',
}
registerEnumType(ComputedMeasure, {
  name: 'ComputedMeasure',
  description: 'What the actual is computed from (the compounds of the area, as of the day); indicator-measures.ts states each rule',
  valuesConfig: {
    OWNERS_COMMITTEE_RATE: { description: '业委会组建率: compounds with an elected committee serving, of all compounds (%)' },
    SELF_GOVERNANCE_COVERAGE: { description: '业主自治组织覆盖: compounds with an elected or provisional committee serving (%)' },
    PARTY_ORGANIZATION_RATE: { description: '小区党组织覆盖率: compounds with a party organisation serving (%)' },
    NEW_COMMITTEE_PARTY_SHARE: { description: '新组建(换届)业委会党员比例: party members of the members of committees formed since the document was issued (%)' },
    THREE_STAR_BRANCH_SHARE: { description: '三星级及以上小区党组织比率: serving compound party organisations whose latest published rating has ≥ 3 stars (%)' },
    DEMONSTRATION_SITES: { description: '示范点: demonstration-site award cases accepted by the street (a count)' },
    DISCLOSURE_RATE: { description: '公共收益公示率: compounds that disclosed the latest quarter due by the day (%)' },
    PROPERTY_SERVICE_COVERAGE: { description: '物业服务覆盖率 (无物业清零): compounds served by someone on the day (not 无物业), of all compounds (%)' },
    THREE_HAVE_COMPANY_COVERAGE: { description: '“三有”物业服务企业党组织覆盖率: 三有 companies registered in the area with a party organisation of their own (%)' },
    COMPLAINT_DECREASE: { description: '信访投诉量下降: the fall of complaints received this year to date from the same days last year (%; a rise is negative)' },
    COMPLAINT_HANDLING_RATE: { description: '信访处置率: complaints of the year disposed by the day, of those due (%)' },
    MICRO_PROJECTS: { description: '微实事: 微实事 projects opened in the compound in the year (a count, for a per-compound target)' },
    TEN_MATTERS_CLOSURE_RATE: { description: '十件实事销号率 (003 §2): of the ten-matters problems listed by the day, those closed (销号) (%)' },
  },
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

  @Field({
    description:
      '每个小区: the target holds for every compound (每个小区 ≥ 1), not for the area as a whole. Measurements name a compound; the actual is the number of compounds that meet the target, and it is met only when all of them do',
  })
  @Column({ type: 'boolean', default: false })
  perCompound: boolean;
}

/** 指标测量: a value of an indicator in a jurisdiction on a date. */
@ObjectType({ description: 'A measured value of an indicator on a date' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'fact' })
@Entity('indicator_measurement')
@Index('ix_indicator_measurement', ['indicatorId', 'measuredOn'])
@Index('ix_indicator_measurement_compound', ['compoundId', 'indicatorId'])
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

  @Field(() => ID, { nullable: true, description: 'The compound measured, for an indicator set per compound (then required; jurisdictionId is its community)' })
  @Column({ type: 'int', nullable: true })
  compoundId: number | null;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

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
