import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which seed records have been applied. A seed key is applied once: later runs skip it, so an edit
 * (or deletion) made through the API is never overwritten by reseeding.
 */
@Entity('seed_record')
export class SeedRecord {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  key: string;

  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'int' })
  entityId: number;

  @CreateDateColumn()
  appliedAt: Date;
}
