import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { fk, id, index, int, text, timestamps, varchar, workflowStepTable } from '../../../migrations/columns';

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
    await qr.createTable(new Table(workflowStepTable(qr, { name: 'complaint_step', owner: 'complaintId', ownerTable: 'complaint', statusLength: 16 })), false, true, true);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('complaint_step', true, true, true);
    await qr.dropTable('complaint', true, true, true);
  }
}
