import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, date, fk, id, index, int, text, timestamps, varchar } from '../../../migrations/columns';

/** 投诉 and their steps (the complaint module), on SQLite and MySQL/MariaDB alike. */
export class Complaints1764720000000 implements MigrationInterface {
  name = 'Complaints1764720000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'complaint',
        columns: [
          id(),
          ...timestamps(qr),
          int('compoundId'),
          int('communityId'),
          int('propertyCompanyId', { nullable: true }),
          varchar('channel', 16),
          varchar('complainant', 50, { nullable: true }),
          varchar('summary', 500),
          int('assignedUnitId', { nullable: true }),
          text('result', { nullable: true }),
          varchar('status', 16),
          int('version', { default: 1 }),
        ],
        indices: [index('ix_complaint_status', ['status']), index('ix_complaint_compound', ['compoundId'])],
        foreignKeys: [fk('compoundId', 'compound'), fk('communityId', 'jurisdiction'), fk('propertyCompanyId', 'property_company'), fk('assignedUnitId', 'unit')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'complaint_step',
        columns: [
          id(),
          int('actorId', { nullable: true }),
          varchar('actorName', 50),
          text('reason', { nullable: true }),
          createdAt(qr, 'at'),
          int('complaintId'),
          varchar('fromStatus', 16, { nullable: true }),
          varchar('toStatus', 16),
          date('stepDate'),
        ],
        indices: [index('ix_complaint_step_complaint', ['complaintId'])],
        foreignKeys: [fk('complaintId', 'complaint')],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('complaint_step', true, true, true);
    await qr.dropTable('complaint', true, true, true);
  }
}
