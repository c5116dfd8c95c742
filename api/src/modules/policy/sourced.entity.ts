import { Field, ID, ObjectType } from 'type-graphql';
import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Clause } from './clause.entity';
import { PolicyDocument } from './policy-document.entity';

/** A record that can point at the document (and clause) it was transcribed from. */
@ObjectType()
export abstract class SourcedRecord extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'The document this record comes from' })
  @Column({ type: 'int', nullable: true })
  sourceDocumentId: number | null;

  @ManyToOne(() => PolicyDocument, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sourceDocumentId' })
  sourceDocumentRel?: PolicyDocument;

  @Field(() => ID, { nullable: true, description: 'The clause (or attachment) this record comes from' })
  @Column({ type: 'int', nullable: true })
  sourceClauseId: number | null;

  @ManyToOne(() => Clause, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sourceClauseId' })
  sourceClauseRel?: Clause;
}
