import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { date, fk, index, int, varchar } from '../../../migrations/columns';

/** The column as it is, but (not) nullable: a clone, so that MySQL modifies it in place rather than dropping it. */
async function nullable(qr: QueryRunner, name: string, isNullable: boolean): Promise<void> {
  const column = (await qr.getTable('complaint'))!.findColumnByName(name)!;
  const next = column.clone();
  next.isNullable = isNullable;
  await qr.changeColumn('complaint', column, next);
}

const day = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/**
 * 投诉的类别、时限与处置日 (issue 16): a category, the complainant's contact (private), and the days a
 * complaint is counted by — received, due, disposed — as columns, so the figures of a street are one
 * grouped query. Complaints recorded before get them from their steps: received the day of the first
 * step, a limit of 0 days (due that day: the documents' rule for a simple matter; an office corrects a
 * complex one), disposed the day of the current 办结 or of a close without handling.
 */
export class ComplaintTimeLimits1765500000005 implements MigrationInterface {
  name = 'ComplaintTimeLimits1765500000005';

  async up(qr: QueryRunner): Promise<void> {
    const columns = [
      new TableColumn({ ...varchar('category', 16), default: "'OTHER'" }),
      new TableColumn(varchar('complainantContact', 100, { nullable: true })),
      new TableColumn(date('receivedOn', { nullable: true })),
      new TableColumn(int('timeLimitDays', { default: 0 })),
      new TableColumn(date('dueOn', { nullable: true })),
      new TableColumn(date('disposedOn', { nullable: true })),
    ];
    // on SQLite an undo leaves them (see down): a redo fills them again
    for (const column of columns) if (!(await qr.hasColumn('complaint', column.name))) await qr.addColumn('complaint', column);
    const complaints: Array<{ id: number | string; status: string }> = await qr.query('SELECT id, status FROM complaint');
    const steps: Array<{ complaintId: number | string; fromStatus: string | null; toStatus: string; stepDate: unknown }> = await qr.query(
      'SELECT complaintId, fromStatus, toStatus, stepDate FROM complaint_step ORDER BY id',
    );
    const byComplaint = new Map<number, typeof steps>();
    for (const s of steps) byComplaint.set(Number(s.complaintId), [...(byComplaint.get(Number(s.complaintId)) ?? []), s]);
    for (const c of complaints) {
      const mine = byComplaint.get(Number(c.id)) ?? [];
      const received = day(mine.find((s) => s.fromStatus === null)?.stepDate ?? mine[0]?.stepDate ?? new Date());
      let disposed: string | null = null;
      for (const s of mine) {
        if (s.toStatus === 'HANDLED' || (s.toStatus === 'CLOSED' && s.fromStatus === 'RECEIVED')) disposed = day(s.stepDate);
        if (s.toStatus === 'ASSIGNED' && s.fromStatus === 'HANDLED') disposed = null;
      }
      await qr.query('UPDATE complaint SET receivedOn = ?, timeLimitDays = 0, dueOn = ?, disposedOn = ? WHERE id = ?', [received, received, disposed, c.id]);
    }
    for (const name of ['receivedOn', 'dueOn']) if ((await qr.getTable('complaint'))!.findColumnByName(name)!.isNullable) await nullable(qr, name, false);
    await qr.createIndex('complaint', new TableIndex(index('ix_complaint_community_received', ['communityId', 'receivedOn'])));
  }

  async down(qr: QueryRunner): Promise<void> {
    // MySQL let the community's foreign key use the new index (and dropped its own): it is let go and made again around the drop
    const foreign = qr.connection.driver.options.type === 'better-sqlite3' ? undefined : (await qr.getTable('complaint'))?.foreignKeys.find((f) => f.columnNames.includes('communityId'));
    if (foreign) await qr.dropForeignKey('complaint', foreign);
    await qr.dropIndex('complaint', 'ix_complaint_community_received');
    if (foreign) await qr.createForeignKey('complaint', new TableForeignKey(fk('communityId', 'jurisdiction')));
    // On SQLite dropping a column rebuilds the table, which its steps reference: an undo's transaction cannot. They stay; a redo fills them again.
    if (qr.connection.driver.options.type === 'better-sqlite3') return;
    for (const c of ['disposedOn', 'dueOn', 'timeLimitDays', 'receivedOn', 'complainantContact', 'category']) await qr.dropColumn('complaint', c);
  }
}
