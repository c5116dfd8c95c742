import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { AuditImmutable1764460800000 } from '../../../migrations/1764460800000-AuditImmutable';
import { fk, index, int } from '../../../migrations/columns';

/** The owner columns this migration adds (table → column); every other owned record names its owner already or through its parent. */
const OWNER_COLUMNS: Array<[table: string, column: string]> = [
  ['app_user', 'jurisdictionId'],
  ['policy_document', 'jurisdictionId'],
  ['working_group', 'jurisdictionId'],
  ['person', 'jurisdictionId'],
  ['incentive_programme', 'jurisdictionId'],
  ['rating_scheme', 'jurisdictionId'],
  ['partner_key', 'jurisdictionId'],
  ['property_company', 'ownerJurisdictionId'],
  ['audit_event', 'jurisdictionId'],
];

/** Names unique in the whole system that become unique per office: two streets may each run a 示范小区奖励. */
const NAMES_PER_OFFICE: Array<[table: string, was: string, now: string]> = [
  ['incentive_programme', 'uq_incentive_programme_name', 'uq_incentive_programme_owner_name'],
  ['rating_scheme', 'uq_rating_scheme_name', 'uq_rating_scheme_owner_name'],
];

/**
 * Other keys unique in the whole system that an office keeps in its own books: a 文号 such as 〔2025〕1号
 * or a voucher number 记-2025-0042 may stand in two offices' books, and a plan's name under a city
 * document is the street's own. Kept system-wide, a second office was refused, and learnt that a record
 * it cannot read exists. The payout's voucher is unique per programme here; PayoutService refuses a
 * voucher the paying office used on another of its programmes.
 */
const KEYS_PER_OFFICE: Array<[table: string, was: string, wasColumns: string[], now: string, nowColumns: string[]]> = [
  ['plan', 'uq_plan_document_name', ['documentId', 'name'], 'uq_plan_document_owner_name', ['documentId', 'jurisdictionId', 'name']],
  ['policy_document', 'uq_policy_document_doc_number', ['docNumber'], 'uq_policy_document_doc_number_owner', ['docNumber', 'jurisdictionId']],
  ['payout', 'uq_payout_payment_reference', ['paymentReference'], 'uq_payout_programme_reference', ['programmeId', 'paymentReference']],
];

/** Who issued the five documents (seed keys), as issue 14 gives it. */
const DOCUMENT_OWNERS: Array<[document: string, jurisdiction: string]> = [
  ['doc:000', 'jur:青阳街道'],
  ['doc:004', 'jur:青阳街道'],
  ['doc:001', 'jur:宝盖镇'],
  ['doc:002', 'jur:婺城区'],
  ['doc:003', 'jur:泉州市'],
];

/**
 * Many offices in one system (issue 14): users and the records offices issue name their owning
 * jurisdiction (null: the platform's root). Existing records get theirs from the seeds: the five
 * documents by their seed keys, rosters, people, programmes and schemes from their document, unit
 * staff from their unit. Other users stay at the root, as they could act anywhere before.
 * On SQLite TypeORM adds a column with its foreign key by rebuilding the table (ALTER TABLE … ADD
 * COLUMN would leave the key unnamed, and the schema check would want to rebuild it anyway), which
 * drops audit_event's append-only triggers: they are created again.
 */
export class OwnedRecords1764806400000 implements MigrationInterface {
  name = 'OwnedRecords1764806400000';

  async up(qr: QueryRunner): Promise<void> {
    const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
    for (const [table, column] of OWNER_COLUMNS) {
      // on SQLite an undo leaves the column in place (see down): a redo finds it there
      if (await qr.hasColumn(table, column)) continue;
      await qr.addColumn(table, new TableColumn(int(column, { nullable: true })));
      await qr.createForeignKey(table, new TableForeignKey(fk(column, 'jurisdiction')));
    }
    // SQLite adds a column by rebuilding the table, and audit_event's append-only triggers go with the old one
    if (sqlite) await restoreAuditTriggers(qr);
    for (const [table, was, now] of NAMES_PER_OFFICE) {
      await qr.dropIndex(table, was);
      await qr.createIndex(table, new TableIndex(index(now, ['jurisdictionId', 'name'], true)));
    }
    // the new key first: MySQL keeps the plan's documentId foreign key on the old one until another can serve it
    for (const [table, was, , now, columns] of KEYS_PER_OFFICE) {
      await qr.createIndex(table, new TableIndex(index(now, columns, true)));
      await qr.dropIndex(table, was);
    }
    const key = qr.connection.driver.escape('key');
    const seeded = (k: string) => `(SELECT s.entityId FROM seed_record s WHERE s.${key} = '${k}')`;
    for (const [doc, jur] of DOCUMENT_OWNERS) {
      await qr.query(`UPDATE policy_document SET jurisdictionId = ${seeded(jur)} WHERE id = ${seeded(doc)}`);
    }
    const ownerOfDocument = (column: string) => `(SELECT d.jurisdictionId FROM policy_document d WHERE d.id = ${column})`;
    await qr.query(`UPDATE working_group SET jurisdictionId = ${ownerOfDocument('working_group.documentId')} WHERE documentId IS NOT NULL`);
    await qr.query(`UPDATE working_group SET jurisdictionId = (SELECT u.jurisdictionId FROM unit u WHERE u.id = working_group.hostUnitId) WHERE jurisdictionId IS NULL AND hostUnitId IS NOT NULL`);
    await qr.query(`UPDATE incentive_programme SET jurisdictionId = ${ownerOfDocument('incentive_programme.sourceDocumentId')} WHERE sourceDocumentId IS NOT NULL`);
    await qr.query(`UPDATE rating_scheme SET jurisdictionId = ${ownerOfDocument('rating_scheme.sourceDocumentId')} WHERE sourceDocumentId IS NOT NULL`);
    await qr.query(`UPDATE person SET jurisdictionId = (SELECT MIN(g.jurisdictionId) FROM membership m INNER JOIN working_group g ON g.id = m.groupId WHERE m.personId = person.id)`);
    await qr.query(
      `UPDATE person SET jurisdictionId = (SELECT MIN(p.jurisdictionId) FROM post_holding h INNER JOIN post p ON p.id = h.postId WHERE h.personId = person.id) WHERE jurisdictionId IS NULL`,
    );
    await qr.query(`UPDATE person SET jurisdictionId = ${ownerOfDocument('person.sourceDocumentId')} WHERE jurisdictionId IS NULL AND sourceDocumentId IS NOT NULL`);
    await qr.query(`UPDATE app_user SET jurisdictionId = (SELECT u.jurisdictionId FROM unit u WHERE u.id = app_user.unitId) WHERE unitId IS NOT NULL`);
  }

  /**
   * On SQLite an undo empties the columns and leaves them: dropping one means rebuilding its table,
   * which TypeORM cannot do on an undo (it runs in a transaction, where SQLite cannot switch foreign
   * keys off, and these tables are referenced with ON DELETE RESTRICT). A redo finds them and fills them.
   */
  async down(qr: QueryRunner): Promise<void> {
    // the old keys come back first: a foreign key may lean on the new ones until they do
    for (const [table, was, columns, now] of [...KEYS_PER_OFFICE].reverse()) {
      await qr.createIndex(table, new TableIndex(index(was, columns, true)));
      await qr.dropIndex(table, now);
    }
    for (const [table, was] of NAMES_PER_OFFICE) await qr.createIndex(table, new TableIndex(index(was, ['name'], true)));
    if (qr.connection.driver.options.type === 'better-sqlite3') {
      for (const [table, , now] of NAMES_PER_OFFICE) await qr.dropIndex(table, now);
      for (const [table, column] of OWNER_COLUMNS) if (table !== 'audit_event') await qr.query(`UPDATE "${table}" SET "${column}" = NULL`);
      return;
    }
    for (const [table, column] of [...OWNER_COLUMNS].reverse()) {
      const t = await qr.getTable(table);
      const keys = t!.foreignKeys.filter((f) => f.columnNames.includes(column));
      if (keys.length) await qr.dropForeignKeys(table, keys);
      // MySQL kept the per-office name index for the foreign key until now
      const perOffice = NAMES_PER_OFFICE.find(([t]) => t === table);
      if (perOffice) await qr.dropIndex(table, perOffice[2]);
      await qr.dropColumn(table, column);
    }
  }
}

async function restoreAuditTriggers(qr: QueryRunner): Promise<void> {
  const triggers = new AuditImmutable1764460800000();
  await triggers.down(qr);
  await triggers.up(qr);
}
