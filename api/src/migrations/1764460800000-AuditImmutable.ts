import type { MigrationInterface, QueryRunner } from 'typeorm';

const MESSAGE = 'audit_event rows are append-only: they cannot be updated or deleted';
const TRIGGERS = { UPDATE: 'trg_audit_event_no_update', DELETE: 'trg_audit_event_no_delete' } as const;

/**
 * Refuses UPDATE and DELETE on audit_event in the database itself, so the trail holds even against
 * someone with SQL access through the application's account (the API has no such mutation anyway).
 * Dropping the table (the Init migration's down) is not a row DELETE and still works.
 */
export class AuditImmutable1764460800000 implements MigrationInterface {
  name = 'AuditImmutable1764460800000';

  async up(qr: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(qr.connection.driver.options.type);
    for (const [event, name] of Object.entries(TRIGGERS)) {
      // One statement per query: no DELIMITER games, and both drivers accept a BEGIN…END body as one statement.
      await qr.query(
        mysql
          ? `CREATE TRIGGER ${name} BEFORE ${event} ON audit_event FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${MESSAGE}'`
          : `CREATE TRIGGER ${name} BEFORE ${event} ON audit_event BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
      );
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const name of Object.values(TRIGGERS)) await qr.query(`DROP TRIGGER IF EXISTS ${name}`);
  }
}
