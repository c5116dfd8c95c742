import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Owned } from '../../common/scope';

/** 审计记录: one mutation's effect on one record; written in the mutation's transaction, never changed. */
@ObjectType({ description: 'An audit event: who changed what, when, before and after' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'system' })
@Entity('audit_event')
@Index('ix_audit_event_entity', ['entityType', 'entityId'])
@Index('ix_audit_event_actor', ['actorId'])
@Index('ix_audit_event_at', ['at'])
export class AuditEvent {
  @Field(() => ID, { nullable: true, description: 'The jurisdiction that owned the record when the event happened. Null: the platform, or not known' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'When it happened' })
  @CreateDateColumn()
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The user who did it; null for the system (seeding, start-up)' })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'Username at the time, or "system"' })
  @Column({ type: 'varchar', length: 50 })
  actorName: string;

  @Field({ description: 'CREATE, UPDATE, DELETE, LOGIN, SUCCESSION …' })
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Field({ description: 'The GraphQL type of the record, e.g. Membership' })
  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 50 })
  entityId: string;

  @Column({ type: 'text', nullable: true })
  beforeJson: string | null;

  @Column({ type: 'text', nullable: true })
  afterJson: string | null;

  @Field(() => String, { nullable: true, description: 'The request that caused it (X-Request-Id)' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record before the change' })
  get before(): unknown {
    return this.beforeJson ? JSON.parse(this.beforeJson) : null;
  }

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record after the change' })
  get after(): unknown {
    return this.afterJson ? JSON.parse(this.afterJson) : null;
  }
}
