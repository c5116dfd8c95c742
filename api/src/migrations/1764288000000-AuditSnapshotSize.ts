import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['beforeJson', 'afterJson'];

/**
 * MySQL's TEXT holds 65,535 bytes, and an audited row can be larger once written as JSON: a clause
 * of 16,000 Extension-B characters is 64 KB by itself, quotes and control characters grow when
 * escaped. MEDIUMTEXT (16 MB) holds any row the API accepts. SQLite's TEXT has no such limit, so
 * nothing changes there (see WIDER_ON_MYSQL in common/input-limits).
 */
export class AuditSnapshotSize1764288000000 implements MigrationInterface {
  name = 'AuditSnapshotSize1764288000000';

  async up(qr: QueryRunner): Promise<void> {
    if (!isMysql(qr)) return;
    await qr.query(`ALTER TABLE audit_event ${COLUMNS.map((c) => `MODIFY \`${c}\` MEDIUMTEXT NULL`).join(', ')}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    if (!isMysql(qr)) return;
    await qr.query(`ALTER TABLE audit_event ${COLUMNS.map((c) => `MODIFY \`${c}\` TEXT NULL`).join(', ')}`);
  }
}

const isMysql = (qr: QueryRunner) => ['mysql', 'mariadb'].includes(qr.connection.driver.options.type);
