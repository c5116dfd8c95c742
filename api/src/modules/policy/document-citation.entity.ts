import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Clause } from './clause.entity';
import { PolicyDocument } from './policy-document.entity';
import { Owned } from '../../common/scope';

/** 引用: a document citing another; the cited one may not be stored here, so its title and 文号 are kept as printed. */
@ObjectType({ description: 'A document citing another document (根据《…》)' })
@Owned({ via: ['citingDocumentId', () => PolicyDocument], reads: 'downward', writes: 'issued' })
@Entity('document_citation')
export class DocumentCitation extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  citingDocumentId: number;

  @ManyToOne(() => PolicyDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citingDocumentId' })
  citingDocumentRel?: PolicyDocument;

  @Field(() => ID, { nullable: true, description: 'The cited document, when it is stored here' })
  @Column({ type: 'int', nullable: true })
  citedDocumentId: number | null;

  @ManyToOne(() => PolicyDocument, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'citedDocumentId' })
  citedDocumentRel?: PolicyDocument;

  @Field({ description: 'Title of the cited document as printed' })
  @Column({ type: 'varchar', length: 500 })
  citedTitle: string;

  @Field(() => String, { nullable: true, description: '文号 of the cited document as printed' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  citedDocNumber: string | null;

  @Field(() => ID, { nullable: true, description: 'The clause of the citing document where the citation stands' })
  @Column({ type: 'int', nullable: true })
  clauseId: number | null;

  @ManyToOne(() => Clause, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'clauseId' })
  clauseRel?: Clause;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
