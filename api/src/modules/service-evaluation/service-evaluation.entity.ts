import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { WorkflowStep } from '../../common/workflow/step.entity';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { Unit } from '../organization/unit.entity';
import { EvaluationResult, EvaluationStatus, MeetingConvenor } from './evaluation.enums';

const score = (description: string) => [Field(() => Float, { nullable: true, description }), Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, transformer: numeric })];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/**
 * 物业服务考评 (001 四(四)4–5; 000 附件 一(一)–(二); 004 二(五)): a compound's property service, half-yearly,
 * scored on owners' satisfaction, compliance, 文明城市创建, 环境卫生 and the 12345 hotline, with the owners'
 * dissatisfaction; over 50% an interview (约谈) is due, and what follows is the record's workflow.
 */
@ObjectType({ description: '物业服务考评: a compound’s half-yearly evaluation of its property service, and what followed' })
// 'reader': the town's responsible unit (基层治理服务中心, a street unit) evaluates and follows up the compounds
// of its communities, as a complaint's assigned unit does; the workflow's guard keeps other units' staff out
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'reader' })
@Entity('service_evaluation')
@Index('uq_service_evaluation_half', ['compoundId', 'year', 'half'], { unique: true })
@Index('ix_service_evaluation_company', ['propertyCompanyId', 'evaluatedOn'])
export class ServiceEvaluation extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID)
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => ID, { nullable: true, description: 'The company evaluated (the compound’s when it was recorded)' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ID, { description: '责任单位: who evaluates and follows up (e.g. 基层治理服务中心)' })
  @Column({ type: 'int' })
  responsibleUnitId: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsibleUnitId' })
  responsibleUnitRel?: Unit;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '1: first half, 2: second half' })
  @Column({ type: 'int' })
  half: number;

  @Field(() => LocalDate, { description: '考评日期' })
  @Column({ type: 'date' })
  evaluatedOn: string;

  @apply(score('业主满意度 (0–100)'))
  satisfactionScore: number | null;

  @apply(score('遵守制度 (0–100)'))
  complianceScore: number | null;

  @apply(score('文明城市创建 (0–100)'))
  civilisedCityScore: number | null;

  @apply(score('环境卫生整治 (0–100)'))
  sanitationScore: number | null;

  @apply(score('12345 便民服务热线 (0–100)'))
  hotlineScore: number | null;

  @Field(() => Float, { description: '业主不满意率 (%): over 50 an interview (约谈) is due (001 四(四)5)' })
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  dissatisfactionRate: number;

  @Field(() => EvaluationResult, { description: '考评结论: 不达标 bars the company from new projects (000 附件 一(二))' })
  @Column({ type: 'varchar', length: 8 })
  result: EvaluationResult;

  @Field(() => EvaluationStatus)
  @Column({ type: 'varchar', length: 24 })
  status: EvaluationStatus;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => MeetingConvenor, { nullable: true, description: 'Who convenes the owners’ meeting that starts replacing the company (set when it starts)' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  convenor: MeetingConvenor | null;

  @Field(() => String, { nullable: true, description: '约谈及整改情况' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  followUp: string | null;
}

/** One dated, signed step of an evaluation's follow-up (never changed). */
@ObjectType({ description: 'A step of an evaluation’s follow-up: from, to, date, who and why' })
@Owned({ via: ['evaluationId', () => ServiceEvaluation], reads: 'subtree', writes: 'reader' })
@Entity('service_evaluation_step')
@Index('ix_service_evaluation_step_service_evaluation', ['evaluationId'])
export class ServiceEvaluationStep extends WorkflowStep(EvaluationStatus, { name: 'ServiceEvaluationStep', length: 24, opened: 'Null for the evaluation itself' }) {
  @Field(() => ID)
  @Column({ type: 'int' })
  evaluationId: number;

  @ManyToOne(() => ServiceEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluationRel?: ServiceEvaluation;
}
