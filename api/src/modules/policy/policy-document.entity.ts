import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';

/** 文件: an official document (notice, plan, opinion, report) with 文号 and 索引号. */
@ObjectType({ description: '文件: an official document issued by a government body' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('policy_document')
@Index('uq_policy_document_doc_number_owner', ['docNumber', 'jurisdictionId'], { unique: true })
export class PolicyDocument extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'The issuing office (发文机关) as a jurisdiction: it owns the document; the levels below read it. Null: kept by the platform' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field(() => String, { nullable: true, description: '文号 as printed, e.g. 晋政青〔2024〕29号' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  docNumber: string | null;

  @Field(() => String, { nullable: true, description: '索引号 (government information disclosure index number)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  indexNumber: string | null;

  @Field({ description: '发文机关 as printed' })
  @Column({ type: 'varchar', length: 200 })
  issuer: string;

  @Field({ description: 'Title as printed' })
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field(() => LocalDate, { nullable: true, description: '成文/发布日期' })
  @Column({ type: 'date', nullable: true })
  issueDate: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day the document is in force' })
  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the document is in force (有效期至); null = no end' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field({ description: '主动公开: the document is public' })
  @Column({ type: 'boolean', default: true })
  isPublic: boolean;

  @Field(() => String, { nullable: true, description: 'Free-text note (e.g. what kind of document this is)' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}

/** A document's validity has ended by the date: its plan's tasks are expired, never overdue. */
export function documentExpired(doc: Pick<PolicyDocument, 'validTo'> | null | undefined, asOf: string): boolean {
  return Boolean(doc?.validTo && doc.validTo < asOf);
}
