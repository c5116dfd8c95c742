import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from '../policy/sourced.entity';

/** 人员: a person named in a roster. Contact data stays in the admin schema only. */
@ObjectType({ description: '人员: a person who holds posts and seats' })
@Entity('person')
@Index('ix_person_name', ['name'])
export class Person extends SourcedRecord {
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
