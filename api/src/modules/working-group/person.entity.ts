import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedRecord } from '../policy/sourced.entity';
import { Owned } from '../../common/scope';

/** 人员: a person named in a roster. Contact data stays in the admin schema only. */
@ObjectType({ description: '人员: a person who holds posts and seats' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'issued', defaultsToViewer: true })
@Entity('person')
@Index('ix_person_name', ['name'])
export class Person extends SourcedRecord {
  @Field(() => ID, { nullable: true, description: 'The office that keeps this person’s record. Null: kept by the platform' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field({ description: 'Name as printed' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Contact phone (never exposed to partners)' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
