import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { SourcedRecord } from '../policy/sourced.entity';
import { LocalDate } from '../../common/scalars';
import { PlanKind } from './enums';
import { Owned } from '../../common/scope';

/** 计划: the task list or special actions a document sets; its validity is the document's. */
@ObjectType({ description: '计划: a task list or set of special actions issued by a document' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('plan')
@Index('uq_plan_document_owner_name', ['documentId', 'jurisdictionId', 'name'], { unique: true })
export class Plan extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  documentId: number;

  @ManyToOne(() => PolicyDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'documentId' })
  documentRel?: PolicyDocument;

  @Field({ description: 'Name as printed' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field(() => PlanKind)
  @Column({ type: 'varchar', length: 24 })
  kind: PlanKind;

  @Field(() => ID, { description: 'The issuing street or town: "各社区" means every community under it' })
  @Column({ type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Field(() => Int, { nullable: true, description: '计划年度: a deadline printed without a year (11月15日前, 年底) falls in this year; by default the document’s' })
  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Field(() => LocalDate, { nullable: true, description: '归档: from this day the plan counts no longer (nothing is due, nothing overdue); its history stays' })
  @Column({ type: 'date', nullable: true })
  archivedOn: string | null;
}
