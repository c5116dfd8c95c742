import { type MigrationInterface, type QueryRunner, TableColumn, type TableColumnOptions, TableForeignKey } from 'typeorm';
import { date, datetime, fk, int } from './columns';

/**
 * Issue 13: the per-stage columns of award cases, payouts and rectifications duplicated their step
 * logs; the workflow engine reads every stage from the steps. Payout transitions get the step's day
 * (stepDate) like the other two step tables: the China day they were recorded, the voucher's day for
 * PAID. A stage column that somehow has no step of its own gets one (signed 'system', the reason
 * says so) before the column goes, so no fact is lost. `down` puts the columns back from the steps.
 */
const STAGES = {
  award_case: {
    step: 'award_case_step',
    owner: 'caseId',
    columns: { appliedOn: 'APPLIED', inspectedOn: 'INSPECTED', superiorAcceptedOn: 'SUPERIOR_ACCEPTED', streetAcceptedOn: 'STREET_ACCEPTED', rejectedOn: 'REJECTED' },
  },
  rectification: {
    step: 'rectification_step',
    owner: 'rectificationId',
    columns: { requiredOn: 'REQUIRED', interviewedOn: 'INTERVIEWED', submittedOn: 'SUBMITTED', acceptedOn: 'ACCEPTED', cancelledOn: 'CANCELLED' },
  },
} as const;
/** Payout: the signer and time columns of each stage. */
const PAYOUT_STAGES = [
  { by: 'submittedById', at: 'submittedAt', status: 'SUBMITTED' },
  { by: 'approvedById', at: 'approvedAt', status: 'APPROVED' },
  { by: 'paidById', at: null, status: 'PAID' },
] as const;
const PAYOUT_COLUMNS = ['submittedById', 'submittedAt', 'approvedById', 'approvedAt', 'paidById'];
const BACKFILLED = '迁移补记：原阶段字段有值而无对应步骤';

/** A DATE column's value as YYYY-MM-DD (mysql2 gives a Date at UTC midnight: the data source's timezone is 'Z'). */
const dayOf = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/** The China (UTC+8) day of a stored timestamp, as the app computes it (dates.todayInChina). */
const chinaDay = (at: unknown): string => {
  const d = at instanceof Date ? at : new Date(String(at).includes('T') || String(at).endsWith('Z') ? String(at) : `${String(at).replace(' ', 'T')}Z`);
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
};

export class WorkflowSteps1764633600000 implements MigrationInterface {
  name = 'WorkflowSteps1764633600000';

  async up(qr: QueryRunner): Promise<void> {
    // payout transitions get their day
    await qr.addColumn('payout_transition', new TableColumn(date('stepDate', { nullable: true })));
    const transitions: Array<{ id: number; at: unknown; toStatus: string; paidOn: string | null }> = await qr.query(
      'SELECT t.id, t.at, t.toStatus, p.paidOn FROM payout_transition t JOIN payout p ON p.id = t.payoutId',
    );
    for (const t of transitions) {
      const day = t.toStatus === 'PAID' && t.paidOn ? dayOf(t.paidOn) : chinaDay(t.at);
      await qr.query('UPDATE payout_transition SET stepDate = ? WHERE id = ?', [day, t.id]);
    }
    // backfill a step for any stage column without one
    for (const [table, s] of Object.entries(STAGES)) {
      for (const [column, status] of Object.entries(s.columns)) {
        await qr.query(
          `INSERT INTO ${s.step} (${s.owner}, fromStatus, toStatus, stepDate, reason, actorId, actorName)
           SELECT r.id, NULL, '${status}', r.${column}, '${BACKFILLED}', NULL, 'system' FROM ${table} r
           WHERE r.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${s.step} x WHERE x.${s.owner} = r.id AND x.toStatus = '${status}')`,
        );
      }
    }
    for (const st of PAYOUT_STAGES) {
      const rows: Array<{ id: number; signer: number | null; signedAt: unknown; paidOn: string | null }> = await qr.query(
        `SELECT p.id, p.${st.by} AS signer, ${st.at ? `p.${st.at}` : 'NULL'} AS signedAt, p.paidOn FROM payout p
         WHERE p.${st.by} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payout_transition x WHERE x.payoutId = p.id AND x.toStatus = '${st.status}')`,
      );
      for (const r of rows) {
        const day = st.status === 'PAID' && r.paidOn ? dayOf(r.paidOn) : r.signedAt ? chinaDay(r.signedAt) : chinaDay(new Date());
        await qr.query("INSERT INTO payout_transition (payoutId, fromStatus, toStatus, stepDate, reason, actorId, actorName) VALUES (?, NULL, ?, ?, ?, ?, 'system')", [
          r.id,
          st.status,
          day,
          BACKFILLED,
          r.signer,
        ]);
      }
    }
    await qr.changeColumn('payout_transition', 'stepDate', new TableColumn(date('stepDate')));

    // the columns go (foreign keys first, for MySQL)
    const payout = await qr.getTable('payout');
    const fks = payout!.foreignKeys.filter((f) => f.columnNames.some((c) => PAYOUT_COLUMNS.includes(c)));
    if (fks.length) await qr.dropForeignKeys('payout', fks);
    await qr.dropColumns('payout', PAYOUT_COLUMNS);
    for (const [table, s] of Object.entries(STAGES)) await qr.dropColumns(table, Object.keys(s.columns));
  }

  /**
   * On SQLite the columns come back by ALTER TABLE … ADD COLUMN, not by TypeORM's table rebuild: an
   * undo runs inside a transaction, where SQLite cannot switch foreign keys off, and rebuilding a
   * table that others reference with ON DELETE RESTRICT fails. appliedOn and requiredOn therefore
   * come back NOT NULL on MySQL/MariaDB and nullable on SQLite.
   */
  async down(qr: QueryRunner): Promise<void> {
    const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
    const add = async (table: string, column: TableColumnOptions, references?: string) => {
      if (!sqlite) return qr.addColumn(table, new TableColumn(column));
      const type = column.type === 'date' ? 'date' : column.type === 'integer' ? 'integer' : 'datetime';
      const ref = references ? ` REFERENCES "${references}" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION` : '';
      await qr.query(`ALTER TABLE "${table}" ADD COLUMN "${column.name}" ${type}${ref}`);
    };
    for (const [table, s] of Object.entries(STAGES)) {
      for (const [column, status] of Object.entries(s.columns)) {
        await add(table, date(column, { nullable: true }));
        await qr.query(`UPDATE ${table} SET ${column} = (SELECT MAX(x.stepDate) FROM ${s.step} x WHERE x.${s.owner} = ${table}.id AND x.toStatus = '${status}')`);
      }
    }
    if (!sqlite) {
      await qr.changeColumn('award_case', 'appliedOn', new TableColumn(date('appliedOn')));
      await qr.changeColumn('rectification', 'requiredOn', new TableColumn(date('requiredOn')));
    }
    await add('payout', int('submittedById', { nullable: true }), 'app_user');
    await add('payout', datetime('submittedAt', { nullable: true }));
    await add('payout', int('approvedById', { nullable: true }), 'app_user');
    await add('payout', datetime('approvedAt', { nullable: true }));
    await add('payout', int('paidById', { nullable: true }), 'app_user');
    for (const st of PAYOUT_STAGES) {
      const latest = `FROM payout_transition x WHERE x.payoutId = payout.id AND x.toStatus = '${st.status}' ORDER BY x.id DESC LIMIT 1`;
      await qr.query(`UPDATE payout SET ${st.by} = (SELECT x.actorId ${latest})${st.at ? `, ${st.at} = (SELECT x.at ${latest})` : ''}`);
    }
    if (!sqlite)
      await qr.createForeignKeys(
        'payout',
        ['submittedById', 'approvedById', 'paidById'].map((c) => new TableForeignKey(fk(c, 'app_user'))),
      );
    if (sqlite) await qr.query('ALTER TABLE "payout_transition" DROP COLUMN "stepDate"');
    else await qr.dropColumn('payout_transition', 'stepDate');
  }
}
