import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { index, int, varchar } from './columns';

/**
 * Idempotency keys for every write, not only payouts: a key belongs to the user who sent it (unique
 * per actor and key) and names the record its write audited (entityType / entityId / auditEventId)
 * instead of a payout id. Payout keys claimed before keep blocking reuse; their request hashes were
 * computed differently, so a replay across the upgrade is refused as KEY_REUSED, never applied twice.
 */
export class IdempotencyKeys1764547200000 implements MigrationInterface {
  name = 'IdempotencyKeys1764547200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('idempotency_key', 'uq_idempotency_key');
    await qr.addColumns('idempotency_key', [
      new TableColumn(varchar('entityType', 50, { nullable: true })),
      new TableColumn(varchar('entityId', 50, { nullable: true })),
      new TableColumn(int('auditEventId', { nullable: true })),
    ]);
    await qr.query(`UPDATE idempotency_key SET entityType = 'Payout', entityId = CAST(targetId AS CHAR)`);
    await qr.dropColumn('idempotency_key', 'targetId');
    await qr.createIndex('idempotency_key', new TableIndex(index('uq_idempotency_key_actor', ['actorId', 'idemKey'], true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    // Keys are short-lived retry tokens: those of other writes have no payout to point at, so all go.
    await qr.query('DELETE FROM idempotency_key');
    await qr.dropIndex('idempotency_key', 'uq_idempotency_key_actor');
    for (const column of ['auditEventId', 'entityId', 'entityType']) await qr.dropColumn('idempotency_key', column);
    await qr.addColumn('idempotency_key', new TableColumn(int('targetId')));
    await qr.createIndex('idempotency_key', new TableIndex(index('uq_idempotency_key', ['idemKey'], true)));
  }
}
