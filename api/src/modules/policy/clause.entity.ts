import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { PolicyDocument } from './policy-document.entity';
import { Owned } from '../../common/scope';

/** 条款: a numbered passage of a document (e.g. 三(四), 附件) that records can cite. */
@ObjectType({ description: '条款: a numbered passage of a document' })
@Owned({ via: ['documentId', () => PolicyDocument], reads: 'downward', writes: 'issued' })
@Entity('clause')
@Index('uq_clause_document_number', ['documentId', 'number'], { unique: true })
export class Clause extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  documentId: number;

  @ManyToOne(() => PolicyDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'documentId' })
  documentRel?: PolicyDocument;

  @Field({ description: 'Clause number as printed, e.g. 三(四) or 附件' })
  @Column({ type: 'varchar', length: 50 })
  number: string;

  @Field(() => String, { nullable: true, description: 'Heading as printed' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  title: string | null;

  @Field({ description: 'Text as printed' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => Int, { description: 'Position within the document' })
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
