import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { date, int, varchar } from '../../../migrations/columns';

/**
 * Task lists as living records (issue 16): a plan's year (a deadline printed without one falls in it;
 * existing plans take their document's issue year), its archive day, and the recurrence of a task
 * read by the deadline grammar (common/deadline.ts): 每月不少于2次 → MONTH, 2; 自2025年起 → ongoing from.
 */
export class LivingTaskLists1765500000000 implements MigrationInterface {
  name = 'LivingTaskLists1765500000000';

  async up(qr: QueryRunner): Promise<void> {
    // an undo on SQLite leaves the columns (see down): add those not there
    const add = async (table: string, columns: TableColumn[]) => {
      const missing = [];
      for (const c of columns) if (!(await qr.hasColumn(table, c.name))) missing.push(c);
      if (missing.length) await qr.addColumns(table, missing);
    };
    await add('plan', [new TableColumn(int('year', { nullable: true })), new TableColumn(date('archivedOn', { nullable: true }))]);
    await add('task_item', [
      new TableColumn(varchar('recurrenceUnit', 12, { nullable: true })),
      new TableColumn(int('recurrenceTimes', { nullable: true })),
      new TableColumn(int('recurrenceLagMonths', { nullable: true })),
      new TableColumn(date('ongoingFrom', { nullable: true })),
    ]);
    const asInt = qr.connection.driver.options.type === 'better-sqlite3' ? 'INTEGER' : 'SIGNED';
    await qr.query(`UPDATE plan SET year = (SELECT CAST(SUBSTR(d.issueDate, 1, 4) AS ${asInt}) FROM policy_document d WHERE d.id = plan.documentId AND d.issueDate IS NOT NULL)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DELETE FROM task_item WHERE deadlineKind = 'RECURRING'`);
    // On SQLite dropping a column rebuilds a table others reference, which an undo's transaction cannot: the columns stay, emptied, and a redo finds them.
    if (qr.connection.driver.options.type === 'better-sqlite3') {
      await qr.query('UPDATE plan SET year = NULL, archivedOn = NULL');
      await qr.query('UPDATE task_item SET recurrenceUnit = NULL, recurrenceTimes = NULL, recurrenceLagMonths = NULL, ongoingFrom = NULL');
      return;
    }
    for (const c of ['recurrenceUnit', 'recurrenceTimes', 'recurrenceLagMonths', 'ongoingFrom']) await qr.dropColumn('task_item', c);
    for (const c of ['year', 'archivedOn']) await qr.dropColumn('plan', c);
  }
}
