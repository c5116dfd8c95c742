import { type EntitySubscriberInterface, type EntityManager, EventSubscriber, type InsertEvent, type RemoveEvent, type UpdateEvent } from 'typeorm';
import { ProgressReport } from './progress-report.entity';

/*
 * Each assignment keeps its latest whole-task report — the day and the status of the last report with
 * no milestone, by day then id — on itself (assignment.latestReportOn / latestStatus, issue 18). The
 * home page asks "the status as of a day" of every assignment of an area (23,500 for a county at city
 * scale): when the latest report is on or before that day, the answer is these two columns, and only a
 * question about a day before an assignment's latest report looks among its reports
 * (progress.panels.ts STATUS).
 *
 * They are kept in the transaction that writes a report, by the subscriber below, whichever service or
 * script writes it through TypeORM; what writes reports in bulk SQL (the benchmark city, a migration)
 * calls refreshLatestReports after. api/test/progress-latest.test.ts checks the columns against the
 * reports after every kind of write.
 */

/** The day of the assignment `alias`'s latest whole-task report, and its status (SQL shared with the backfill). */
const latestOf = (alias: string) => ({
  on: `(SELECT MAX(lr.reportDate) FROM progress_report lr WHERE lr.assignmentId = ${alias}.id AND lr.milestoneId IS NULL)`,
  status: `(SELECT ls.status FROM progress_report ls WHERE ls.assignmentId = ${alias}.id AND ls.milestoneId IS NULL ORDER BY ls.reportDate DESC, ls.id DESC LIMIT 1)`,
});

/** Sets the assignments' latest-report columns from their reports (all of them without ids): one statement. */
export async function refreshLatestReports(em: Pick<EntityManager, 'query'>, assignmentIds?: readonly number[]): Promise<void> {
  if (assignmentIds && !assignmentIds.length) return;
  const ids = assignmentIds ? [...new Set(assignmentIds.map(Number))] : null;
  if (ids?.some((id) => !Number.isSafeInteger(id))) throw new Error('refreshLatestReports: assignment ids are integers');
  const latest = latestOf('assignment');
  // updatedAt kept: derived columns are not a change of the assignment (MariaDB would stamp it ON UPDATE)
  await em.query(`UPDATE assignment SET latestReportOn = ${latest.on}, latestStatus = ${latest.status}, updatedAt = updatedAt${ids ? ` WHERE id IN (${ids.join(', ')})` : ''}`);
}

/** Keeps the columns in the report's own transaction: on every insert, change and removal of a report. */
@EventSubscriber()
export class LatestReportKeeper implements EntitySubscriberInterface<ProgressReport> {
  listenTo(): typeof ProgressReport {
    return ProgressReport;
  }

  async afterInsert(event: InsertEvent<ProgressReport>): Promise<void> {
    if (event.entity?.assignmentId != null) await refreshLatestReports(event.manager, [event.entity.assignmentId]);
  }

  async afterUpdate(event: UpdateEvent<ProgressReport>): Promise<void> {
    const ids = [event.entity?.assignmentId, event.databaseEntity?.assignmentId].filter((id): id is number => id != null);
    await refreshLatestReports(event.manager, ids);
  }

  async afterRemove(event: RemoveEvent<ProgressReport>): Promise<void> {
    const id = event.databaseEntity?.assignmentId ?? event.entity?.assignmentId;
    if (id != null) await refreshLatestReports(event.manager, [id]);
  }
}
