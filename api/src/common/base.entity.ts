import { Field, ID, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns every stored record has: an integer id and its creation and last-change times. */
@ObjectType()
export abstract class BaseRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'When the record was created' })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: 'When the record last changed' })
  @UpdateDateColumn()
  updatedAt: Date;
}
