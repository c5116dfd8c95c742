/*
 * Type-level test of the console's typed operations (checked by `npm run typecheck`, never imported):
 * a field the operation does not select, an unknown or missing variable, a value outside an enum fail.
 * A field misspelled in a .graphql file fails earlier, in the codegen check (api/test/console-operations.test.ts).
 */
import { request } from '../dataProvider';
import { MyTasksDocument, ReportProgressDocument, TaskImportChoicesDocument } from './generated';

export async function typesOnly(): Promise<void> {
  const { allAssignments } = await request(MyTasksDocument, { filter: { unitId: '1' } });
  void allAssignments[0].isLead;
  // @ts-expect-error misspelled: the operation selects isLead
  void allAssignments[0].isLeed;
  // @ts-expect-error unit is not a variable of MyTasks (filter is)
  void request(MyTasksDocument, { unit: '1' });
  // @ts-expect-error urgency takes Urgency values
  void request(MyTasksDocument, { filter: { urgency: ['LATE'] } });
  // @ts-expect-error filter is required
  void request(MyTasksDocument);
  void request(TaskImportChoicesDocument); // no variables: none needed
  const report = { assignmentId: '1', reportDate: '2025-01-01', note: 'x' };
  void request(ReportProgressDocument, { ...report, status: 'DONE' });
  // @ts-expect-error not a ProgressStatus
  void request(ReportProgressDocument, { ...report, status: 'FINISHED' });
}
