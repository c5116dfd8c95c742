import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, index, int, timestamps, varchar } from '../../../migrations/columns';

/**
 * 物业服务覆盖 (issue 15): periods of how each compound is served. Every existing compound gets one open
 * period of its present mode and company, since unknown (null: before the records began).
 */
export class ServiceCoverage1765000000000 implements MigrationInterface {
  name = 'ServiceCoverage1765000000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'service_coverage',
        columns: [
          id(),
          ...timestamps(qr),
          int('compoundId'),
          int('communityId'),
          varchar('mode', 24),
          int('propertyCompanyId', { nullable: true }),
          date('since', { nullable: true }),
          date('until', { nullable: true }),
          varchar('note', 500, { nullable: true }),
        ],
        indices: [index('ix_service_coverage_compound', ['compoundId', 'since'])],
        foreignKeys: [fk('compoundId', 'compound', 'CASCADE'), fk('communityId', 'jurisdiction'), fk('propertyCompanyId', 'property_company')],
      }),
      false,
      true,
      true,
    );
    await qr.query(
      "INSERT INTO service_coverage (compoundId, communityId, mode, propertyCompanyId, since, until, note) SELECT id, communityId, managementMode, propertyCompanyId, NULL, NULL, '迁移时的管理模式' FROM compound",
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('service_coverage', true, true, true);
  }
}
