import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { date, index, varchar } from '../../../migrations/columns';

/**
 * Issue 18: each assignment keeps its latest whole-task report's day and status (progress.latest.ts), so
 * the home page reads an assignment's status as of a day from the assignment itself whenever the day is
 * on or after that report. Filled here from the reports already written (the SQL is written out, not
 * imported: a migration keeps its meaning). The index holds what the home page's counts read of an
 * assignment — task, unit, the latest report's day and status (and the id, as every InnoDB index does) —
 * so they read the index alone: at city scale the county's overdue page went from 86 to 55 ms.
 */
export class AssignmentLatestReport1765830000002 implements MigrationInterface {
  name = 'AssignmentLatestReport1765830000002';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('assignment', [new TableColumn(date('latestReportOn', { nullable: true })), new TableColumn(varchar('latestStatus', 16, { nullable: true }))]);
    await qr.query(
      'UPDATE assignment SET' +
        ' latestReportOn = (SELECT MAX(lr.reportDate) FROM progress_report lr WHERE lr.assignmentId = assignment.id AND lr.milestoneId IS NULL),' +
        ' latestStatus = (SELECT ls.status FROM progress_report ls WHERE ls.assignmentId = assignment.id AND ls.milestoneId IS NULL ORDER BY ls.reportDate DESC, ls.id DESC LIMIT 1),' +
        ' updatedAt = updatedAt',
    );
    await qr.createIndex('assignment', new TableIndex(index('ix_assignment_latest', ['taskItemId', 'unitId', 'latestReportOn', 'latestStatus'])));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('assignment', 'ix_assignment_latest');
    await qr.dropColumn('assignment', 'latestStatus');
    await qr.dropColumn('assignment', 'latestReportOn');
  }
}
