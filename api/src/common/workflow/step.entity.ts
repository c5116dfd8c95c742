import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '../scalars';

/**
 * The signed part of a workflow step: who recorded it, when and why. Steps are written once and
 * never changed; they are the workflow's history, and every per-stage fact (when it was inspected,
 * who submitted it) is read from them (see `Workflow.stages`).
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

/** What the engine reads and writes of every step, whatever the workflow. */
export interface StepRow<S extends string = string> {
  id: number;
  actorId: number | null;
  actorName: string;
  reason: string | null;
  at: Date;
  fromStatus: S | null;
  toStatus: S;
  stepDate: string;
}

/**
 * The columns of a workflow's step table: from, to and the day it happened, typed by the workflow's
 * status enum. A workflow's step entity extends this and adds the column naming its record.
 */
export function WorkflowStep<S extends string>(status: Record<string, S>, o: { name: string; length: number; opened: string }) {
  @ObjectType(`${o.name}Columns`)
  abstract class Step extends SignedStep implements StepRow<S> {
    @Field(() => status, { nullable: true, description: o.opened })
    @Column({ type: 'varchar', length: o.length, nullable: true })
    fromStatus: S | null;

    @Field(() => status)
    @Column({ type: 'varchar', length: o.length })
    toStatus: S;

    @Field(() => LocalDate, { description: 'The day it happened (given by the actor where the step is dated by hand)' })
    @Column({ type: 'date' })
    stepDate: string;
  }
  return Step;
}
