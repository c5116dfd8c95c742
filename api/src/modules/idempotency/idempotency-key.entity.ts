import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 幂等键: a key a client sent with a write, claimed in the write's own transaction together with its
 * audit event. Replaying the same request with the same key returns the outcome instead of acting
 * twice; the same key with a different request is refused. Keys belong to the user who sent them.
 */
@Entity('idempotency_key')
@Index('uq_idempotency_key_actor', ['actorId', 'idemKey'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  idemKey: string;

  /** The mutation (createMembership, approvePayout…). */
  @Column({ type: 'varchar', length: 40 })
  operation: string;

  /** Hash of the mutation and its arguments: what "the same request" means. */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  /** The record the write's audit event names (AuditEvent.entityType / entityId). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  entityType: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  entityId: string | null;

  /** Null only for keys claimed before the claim moved into the audit write (payout keys of 1764028800000). */
  @Column({ type: 'int', nullable: true })
  auditEventId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
