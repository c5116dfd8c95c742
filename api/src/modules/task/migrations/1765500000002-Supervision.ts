import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { date, datetime, fk, id, index, int, text, timestamps, varchar } from '../../../migrations/columns';

/** 督办 (issue 16): a unit's receipt of its assignment (签收), the office's 催办 notices, and the reminders the daily pass sent. */
export class Supervision1765500000002 implements MigrationInterface {
  name = 'Supervision1765500000002';

  async up(qr: QueryRunner): Promise<void> {
    const missing = [];
    if (!(await qr.hasColumn('assignment', 'acknowledgedAt'))) missing.push(new TableColumn(datetime('acknowledgedAt', { nullable: true })));
    if (!(await qr.hasColumn('assignment', 'acknowledgedById'))) missing.push(new TableColumn(int('acknowledgedById', { nullable: true })));
    if (missing.length) await qr.addColumns('assignment', missing);
    // acknowledgedById names a user without a foreign key: adding one to assignment on SQLite rebuilds a table others reference
    await qr.createTable(
      new Table({
        name: 'urging',
        columns: [id(), ...timestamps(qr), int('assignmentId'), date('sentOn'), text('message'), date('dueBy', { nullable: true }), int('sentById', { nullable: true })],
        indices: [index('ix_urging_assignment', ['assignmentId'])],
        foreignKeys: [fk('assignmentId', 'assignment', 'CASCADE'), fk('sentById', 'app_user', 'SET NULL')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'task_reminder',
        columns: [id(), timestamps(qr)[0], int('assignmentId'), varchar('subject', 40), varchar('kind', 12), date('dueOn'), date('sentOn')],
        indices: [index('uq_task_reminder', ['assignmentId', 'subject', 'kind'], true)],
        foreignKeys: [fk('assignmentId', 'assignment', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('task_reminder', true, true, true);
    await qr.dropTable('urging', true, true, true);
    // On SQLite dropping a column rebuilds a table others reference, which an undo's transaction cannot: the columns stay, emptied.
    if (qr.connection.driver.options.type === 'better-sqlite3') {
      await qr.query('UPDATE assignment SET acknowledgedAt = NULL, acknowledgedById = NULL');
      return;
    }
    await qr.dropColumn('assignment', 'acknowledgedById');
    await qr.dropColumn('assignment', 'acknowledgedAt');
  }
}
