import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The signed part of a workflow step (an award case's step, a payout's transition): who recorded
 * it, when and why. Steps are written once and never changed; subclasses add the from / to states.
 */
@ObjectType()
export abstract class SignedStep {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { nullable: true, description: 'The user who recorded it; null for the system' })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'Who recorded it (username at the time)' })
  @Column({ type: 'varchar', length: 50 })
  actorName: string;

  @Field(() => String, { nullable: true, description: 'Why, as the actor gave it' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'When it was recorded' })
  @CreateDateColumn()
  at: Date;
}
