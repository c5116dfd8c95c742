import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { Unit } from '../organization/unit.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { SourcedRecord } from '../policy/sourced.entity';
import { GroupKind } from './enums';
import { Owned } from '../../common/scope';

/** 工作专班 / 领导小组, and the 办公室 or 综合协调组 set up under one (parentId). */
@ObjectType({ description: '工作专班 / 领导小组 / 办公室 / 综合协调组' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'issued', defaultsToViewer: true })
@Entity('working_group')
export class WorkingGroup extends SourcedRecord {
  @Field(() => ID, { nullable: true, description: 'The office whose group (roster) this is. Null: kept by the platform' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field({ description: 'Name as printed' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => GroupKind)
  @Column({ type: 'varchar', length: 16 })
  kind: GroupKind;

  @Field(() => ID, { nullable: true, description: 'The document that set the group up' })
  @Column({ type: 'int', nullable: true })
  documentId: number | null;

  @ManyToOne(() => PolicyDocument, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'documentId' })
  documentRel?: PolicyDocument;

  @Field(() => ID, { nullable: true, description: 'The group this office or sub-group sits under (下设)' })
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parentRel?: WorkingGroup;

  @Field(() => ID, { nullable: true, description: 'The unit it is attached to (挂靠)' })
  @Column({ type: 'int', nullable: true })
  hostUnitId: number | null;

  @ManyToOne(() => Unit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hostUnitId' })
  hostUnitRel?: Unit;

  @Field(() => String, { nullable: true, description: '挂靠: where the group is attached, as printed' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  hostedAt: string | null;

  @Field(() => String, { nullable: true, description: '职责: what the group does, as printed' })
  @Column({ type: 'text', nullable: true })
  duties: string | null;
}
