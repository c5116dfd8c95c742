import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, index, int, timestamps, varchar } from '../../../migrations/columns';

/** 公共收益: quarterly disclosures and yearly audits of a compound's public revenue (issue 15), on SQLite and MariaDB alike. */
export class PublicRevenue1764979200000 implements MigrationInterface {
  name = 'PublicRevenue1764979200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'revenue_disclosure',
        columns: [
          id(),
          ...timestamps(qr),
          int('compoundId'),
          int('communityId'),
          int('year'),
          int('quarter'),
          date('disclosedOn'),
          varchar('summary', 1000, { nullable: true }),
          varchar('evidence', 500),
        ],
        indices: [index('uq_revenue_disclosure_quarter', ['compoundId', 'year', 'quarter'], true)],
        foreignKeys: [fk('compoundId', 'compound', 'CASCADE'), fk('communityId', 'jurisdiction')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'revenue_audit',
        columns: [
          id(),
          ...timestamps(qr),
          int('compoundId'),
          int('communityId'),
          int('year'),
          varchar('auditor', 200),
          date('auditedOn'),
          varchar('outcome', 24),
          varchar('findings', 2000, { nullable: true }),
        ],
        indices: [index('uq_revenue_audit_year', ['compoundId', 'year'], true)],
        foreignKeys: [fk('compoundId', 'compound', 'CASCADE'), fk('communityId', 'jurisdiction')],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('revenue_audit', true, true, true);
    await qr.dropTable('revenue_disclosure', true, true, true);
  }
}
