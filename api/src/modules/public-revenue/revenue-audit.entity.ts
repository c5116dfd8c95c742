import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';

export enum AuditOutcome {
  NO_ISSUES = 'NO_ISSUES',
  ISSUES_FOUND = 'ISSUES_FOUND',
  ISSUES_RECTIFIED = 'ISSUES_RECTIFIED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: '审计结论',
  valuesConfig: {
    NO_ISSUES: { description: '未发现问题' },
    ISSUES_FOUND: { description: '发现问题，待整改' },
    ISSUES_RECTIFIED: { description: '发现问题，已整改' },
  },
});

/** 公共收益年度审计 (000 附件 三(一), 002 三.3): a compound's public revenue of a year, audited by a named auditor. */
@ObjectType({ description: '公共收益年度审计: the yearly audit of a compound’s public revenue' })
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'fact' })
@Entity('revenue_audit')
@Index('uq_revenue_audit_year', ['compoundId', 'year'], { unique: true })
export class RevenueAudit extends BaseRecord {
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

  @Field(() => Int, { description: 'The year audited' })
  @Column({ type: 'int' })
  year: number;

  @Field({ description: '审计单位: the firm or body that audited' })
  @Column({ type: 'varchar', length: 200 })
  auditor: string;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  auditedOn: string;

  @Field(() => AuditOutcome)
  @Column({ type: 'varchar', length: 24 })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true, description: '主要问题与整改: findings and what was done' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  findings: string | null;
}
