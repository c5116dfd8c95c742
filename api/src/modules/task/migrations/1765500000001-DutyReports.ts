import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, index, int, text, timestamps, varchar } from '../../../migrations/columns';

/** 定期工作的落实 (issue 16): a unit's report of one holding of a recurring duty, per period. */
export class DutyReports1765500000001 implements MigrationInterface {
  name = 'DutyReports1765500000001';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'duty_report',
        columns: [
          id(),
          ...timestamps(qr),
          int('assignmentId'),
          varchar('periodKey', 10),
          date('heldOn'),
          text('note'),
          varchar('evidenceUrl', 500, { nullable: true }),
          int('attendance', { nullable: true }),
          int('reportedById', { nullable: true }),
        ],
        indices: [index('ix_duty_report_assignment', ['assignmentId', 'periodKey'])],
        foreignKeys: [fk('assignmentId', 'assignment', 'CASCADE'), fk('reportedById', 'app_user', 'SET NULL')],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('duty_report', true, true, true);
  }
}
