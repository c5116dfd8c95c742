import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { WorkflowStep } from '../../common/workflow/step.entity';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { AwardCaseStatus } from './incentive.enums';
import { IncentiveProgramme } from './incentive.entities';
import { Owned } from '../../common/scope';

/**
 * 示范点创建验收: one site (a compound, its property company and community, a year) in one
 * programme, from application to acceptance. One site earns one award: the pair
 * (programme, compound) is unique, and a rejected site re-applies on the same case. Its stages
 * (申报, 检查, 验收…) are its steps (award-case.workflow.ts); the days of each are read from them.
 */
@ObjectType({ description: '示范点: a site’s way from application to acceptance in one programme' })
@Owned({ via: ['programmeId', () => IncentiveProgramme], reads: 'subtree', writes: 'issued' })
@Entity('award_case')
@Index('uq_award_case_site', ['programmeId', 'compoundId'], { unique: true })
@Index('ix_award_case_status', ['status'])
export class AwardCase extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  programmeId: number;

  @ManyToOne(() => IncentiveProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programmeId' })
  programmeRel?: IncentiveProgramme;

  @Field(() => ID, { description: 'The site: a residential compound' })
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID, { nullable: true, description: 'The property company that built the site (taken from the compound when the case is opened)' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ID, { description: 'The community (所属社区) of the compound' })
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => Int, { description: 'The programme year; its payouts count against that year’s budget' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => AwardCaseStatus)
  @Column({ type: 'varchar', length: 24 })
  status: AwardCaseStatus;

  @Field(() => Int, { description: 'Bumped on every step' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** One dated, signed step of an award case (never changed). */
@ObjectType({ description: 'A step of an award case: from, to, date, who and why' })
@Owned({ via: ['caseId', () => AwardCase], reads: 'subtree', writes: 'issued' })
@Entity('award_case_step')
@Index('ix_award_case_step_case', ['caseId'])
export class AwardCaseStep extends WorkflowStep(AwardCaseStatus, { name: 'AwardCaseStep', length: 24, opened: 'Null for the application itself' }) {
  @Field(() => ID)
  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => AwardCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caseId' })
  caseRel?: AwardCase;
}
