import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { bool, fk, index, int } from '../../../migrations/columns';

/** Seeded indicators whose actual the ledger now computes (seeds/indicators.json says the same for a new database). */
const COMPUTED: Record<string, string> = {
  'indicator:000:red-property-sites-2024': 'DEMONSTRATION_SITES',
  'indicator:002:demonstration-compounds-2021': 'DEMONSTRATION_SITES',
  'indicator:003:three-star-party-orgs-2025': 'THREE_STAR_BRANCH_SHARE',
  'indicator:003:three-star-party-orgs-2027': 'THREE_STAR_BRANCH_SHARE',
  'indicator:004:self-governance-coverage': 'SELF_GOVERNANCE_COVERAGE',
  'indicator:004:company-party-coverage': 'THREE_HAVE_COMPANY_COVERAGE',
};
/** Seeded targets set for every compound (每个小区). */
const PER_COMPOUND = ['indicator:004:micro-projects-per-compound-2024'];

/**
 * Indicators computed from the compound ledger (issue 15): a target may hold for every compound
 * (每个小区 ≥ 1), measured compound by compound; the seeded indicators the ledger can now answer are
 * marked computed, where an office has not set them otherwise.
 */
export class IndicatorsFromLedger1765411200000 implements MigrationInterface {
  name = 'IndicatorsFromLedger1765411200000';

  async up(qr: QueryRunner): Promise<void> {
    if (!(await qr.hasColumn('indicator', 'perCompound'))) await qr.addColumn('indicator', new TableColumn(bool('perCompound', false)));
    await qr.addColumn('indicator_measurement', new TableColumn(int('compoundId', { nullable: true })));
    await qr.createIndex('indicator_measurement', new TableIndex(index('ix_indicator_measurement_compound', ['compoundId', 'indicatorId'])));
    await qr.createForeignKey('indicator_measurement', new TableForeignKey(fk('compoundId', 'compound', 'CASCADE')));
    const key = qr.connection.driver.escape('key');
    const seeded = (k: string) => `id IN (SELECT entityId FROM seed_record WHERE ${key} = '${k}' AND entityType = 'Indicator')`;
    for (const [k, measure] of Object.entries(COMPUTED)) await qr.query(`UPDATE indicator SET computed = '${measure}' WHERE computed IS NULL AND ${seeded(k)}`);
    for (const k of PER_COMPOUND) await qr.query(`UPDATE indicator SET perCompound = ${qr.connection.driver.options.type === 'better-sqlite3' ? 1 : 'TRUE'} WHERE ${seeded(k)}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    const key = qr.connection.driver.escape('key');
    for (const [k, measure] of Object.entries(COMPUTED)) {
      await qr.query(`UPDATE indicator SET computed = NULL WHERE computed = '${measure}' AND id IN (SELECT entityId FROM seed_record WHERE ${key} = '${k}')`);
    }
    await qr.query(`DELETE FROM indicator_measurement WHERE compoundId IS NOT NULL`);
    const table = await qr.getTable('indicator_measurement');
    const foreign = table?.foreignKeys.find((f) => f.columnNames.includes('compoundId'));
    if (foreign) await qr.dropForeignKey('indicator_measurement', foreign);
    await qr.dropIndex('indicator_measurement', 'ix_indicator_measurement_compound');
    await qr.dropColumn('indicator_measurement', 'compoundId');
    // On SQLite dropping a column of indicator rebuilds a table others reference, which an undo's transaction cannot: it stays, reset, and a redo finds it.
    if (qr.connection.driver.options.type === 'better-sqlite3') await qr.query('UPDATE indicator SET perCompound = 0');
    else await qr.dropColumn('indicator', 'perCompound');
  }
}
