import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { bool, datetime, int, varchar } from './columns';

const USER_COLUMNS = [
  int('sessionVersion', { default: 1 }),
  bool('mustChangePassword', false),
  int('passwordResetById', { nullable: true }),
  varchar('passwordResetByName', 50, { nullable: true }),
  datetime('passwordResetAt', { nullable: true }),
];

/** The signing session of each payout transition, and whether someone else had set the signer's password. */
const TRANSITION_COLUMNS = [
  datetime('signedInAt', { nullable: true }),
  varchar('signedInFrom', 45, { nullable: true }),
  varchar('signerIp', 45, { nullable: true }),
  varchar('signerPasswordSetBy', 50, { nullable: true }),
  datetime('signerPasswordSetAt', { nullable: true }),
];

/**
 * Sessions and password provenance: tokens carry app_user.sessionVersion (a reset, role change or
 * deactivation bumps it), a password set by someone else must be changed at next sign-in, and payout
 * transitions record the session that signed them. Existing users keep their passwords unflagged.
 */
export class Sessions1764374400000 implements MigrationInterface {
  name = 'Sessions1764374400000';

  async up(qr: QueryRunner): Promise<void> {
    // One addColumns per table: SQLite rebuilds the table once rather than once per column.
    await qr.addColumns(
      'app_user',
      USER_COLUMNS.map((c) => new TableColumn(c)),
    );
    await qr.addColumns(
      'payout_transition',
      TRANSITION_COLUMNS.map((c) => new TableColumn(c)),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumns(
      'payout_transition',
      TRANSITION_COLUMNS.map((c) => c.name),
    );
    await qr.dropColumns(
      'app_user',
      USER_COLUMNS.map((c) => c.name),
    );
  }
}
