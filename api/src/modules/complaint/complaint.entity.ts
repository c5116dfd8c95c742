import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { WorkflowStep } from '../../common/workflow/step.entity';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { Unit } from '../organization/unit.entity';
import { ComplaintCategory, ComplaintChannel, ComplaintStatus } from './complaint.enums';
import { Owned } from '../../common/scope';

/**
 * 投诉: a resident's complaint about a compound's property service, from receipt to closing. Its
 * stages (受理, 转办, 办结, 关闭) are its steps (complaint.workflow.ts), each dated and signed; the
 * days are read from them.
 */
@ObjectType({ description: '投诉: a complaint about a compound’s property service, received, assigned, handled and closed' })
// 'reader': the unit a complaint is assigned to records the result, wherever it sits (the workflow says who may move it)
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'reader' })
@Entity('complaint')
@Index('ix_complaint_status', ['status'])
@Index('ix_complaint_compound', ['compoundId'])
@Index('ix_complaint_community_received', ['communityId', 'receivedOn'])
export class Complaint extends BaseRecord {
  @Field(() => ID, { description: 'The compound it is about' })
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID, { description: 'The community (所属社区) of the compound' })
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => ID, { nullable: true, description: 'The property company complained about (default: the compound’s)' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ComplaintChannel)
  @Column({ type: 'varchar', length: 16 })
  channel: ComplaintChannel;

  @Field(() => ComplaintCategory, { description: '问题类别' })
  @Column({ type: 'varchar', length: 16, default: ComplaintCategory.OTHER })
  category: ComplaintCategory;

  @Field(() => String, { nullable: true, description: 'Who complained, as they gave it (may be anonymous)' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  complainant: string | null;

  /**
   * The complainant's phone or address for the call back: kept for the office, never a field of the
   * type (so never in a list, an export or the partner API), never in the audit trail; read one at a
   * time through `complaintContact`, which is itself recorded.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  complainantContact: string | null;

  @Field(() => LocalDate, { description: '受理: the day it was received' })
  @Column({ type: 'date' })
  receivedOn: string;

  @Field(() => Int, { description: '办理时限: days after receipt; 0 for a simple matter, disposed the same day (004 二(三))' })
  @Column({ type: 'int', default: 0 })
  timeLimitDays: number;

  @Field(() => LocalDate, { description: 'Due by: receivedOn plus the limit' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => LocalDate, { nullable: true, description: '处置: the day it was handled (办结), or closed without being accepted; cleared when sent back' })
  @Column({ type: 'date', nullable: true })
  disposedOn: string | null;

  @Field({ description: '诉求: what the complaint is about' })
  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Field(() => ID, { nullable: true, description: '承办单位: the unit it is assigned to (set before 转办)' })
  @Column({ type: 'int', nullable: true })
  assignedUnitId: number | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignedUnitId' })
  assignedUnitRel?: Unit;

  @Field(() => String, { nullable: true, description: '办理结果: what the unit did (recorded with 办结)' })
  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Field(() => ComplaintStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ComplaintStatus;

  @Field(() => Int, { description: 'Bumped on every step' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

/** One dated, signed step of a complaint (never changed). */
@ObjectType({ description: 'A step of a complaint: from, to, date, who and why' })
@Owned({ via: ['complaintId', () => Complaint], reads: 'subtree', writes: 'reader' })
@Entity('complaint_step')
@Index('ix_complaint_step_complaint', ['complaintId'])
export class ComplaintStep extends WorkflowStep(ComplaintStatus, { name: 'ComplaintStep', length: 16, opened: 'Null for the receipt itself' }) {
  @Field(() => ID)
  @Column({ type: 'int' })
  complaintId: number;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaintId' })
  complaintRel?: Complaint;
}
