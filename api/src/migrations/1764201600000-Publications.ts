import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, date, datetime, decimal, fk, id, index, int, text, timestamps, varchar } from './columns';

/** Published rating editions and their frozen entries, rectifications, partner keys and the partner access log. */
export class Publications1764201600000 implements MigrationInterface {
  name = 'Publications1764201600000';

  async up(qr: QueryRunner): Promise<void> {
    const create = (t: ConstructorParameters<typeof Table>[0]) => qr.createTable(new Table(t), false, true, true);
    await create({
      name: 'rating_publication',
      columns: [
        id(),
        ...timestamps(qr),
        int('periodId'),
        int('revision'),
        date('publishedOn'),
        text('reason', { nullable: true }),
        int('publishedById', { nullable: true }),
        varchar('publishedByName', 50),
        int('entryCount'),
        int('redCount'),
        int('blackCount'),
      ],
      indices: [index('uq_rating_publication_revision', ['periodId', 'revision'], true), index('ix_rating_publication_date', ['publishedOn'])],
      foreignKeys: [fk('periodId', 'rating_period')],
    });
    await create({
      name: 'published_entry',
      columns: [
        id(),
        ...timestamps(qr),
        int('publicationId'),
        int('ratingId'),
        varchar('subjectKey', 220),
        varchar('subjectName', 200),
        int('propertyCompanyId', { nullable: true }),
        varchar('uscc', 18, { nullable: true }),
        int('rank'),
        decimal('total', 5, 2),
        int('stars'),
        varchar('listStatus', 8),
        text('reasonsJson'),
      ],
      indices: [
        index('uq_published_entry_subject', ['publicationId', 'subjectKey'], true),
        index('ix_published_entry_company', ['propertyCompanyId', 'publicationId']),
        index('ix_published_entry_rank', ['publicationId', 'rank']),
      ],
      foreignKeys: [fk('publicationId', 'rating_publication'), fk('ratingId', 'rating'), fk('propertyCompanyId', 'property_company')],
    });
    await create({
      name: 'rectification',
      columns: [
        id(),
        ...timestamps(qr),
        int('periodId'),
        int('propertyCompanyId'),
        int('publicationId'),
        varchar('status', 16),
        int('version', { default: 1 }),
        date('requiredOn'),
        date('interviewedOn', { nullable: true }),
        date('submittedOn', { nullable: true }),
        date('acceptedOn', { nullable: true }),
        date('cancelledOn', { nullable: true }),
        text('note', { nullable: true }),
      ],
      indices: [index('uq_rectification_period_company', ['periodId', 'propertyCompanyId'], true), index('ix_rectification_company', ['propertyCompanyId'])],
      foreignKeys: [fk('periodId', 'rating_period'), fk('propertyCompanyId', 'property_company'), fk('publicationId', 'rating_publication')],
    });
    await create({
      name: 'rectification_step',
      columns: [
        id(),
        int('actorId', { nullable: true }),
        varchar('actorName', 50),
        text('reason', { nullable: true }),
        createdAt(qr, 'at'),
        int('rectificationId'),
        varchar('fromStatus', 16, { nullable: true }),
        varchar('toStatus', 16),
        date('stepDate'),
      ],
      indices: [index('ix_rectification_step_rectification', ['rectificationId'])],
      foreignKeys: [fk('rectificationId', 'rectification')],
    });
    await create({
      name: 'partner_key',
      columns: [
        id(),
        ...timestamps(qr),
        varchar('name', 200),
        varchar('prefix', 16),
        varchar('secretHash', 64),
        text('note', { nullable: true }),
        varchar('issuedByName', 50),
        datetime('revokedAt', { nullable: true }),
        varchar('revokedByName', 50, { nullable: true }),
        text('revokeReason', { nullable: true }),
      ],
      indices: [index('uq_partner_key_hash', ['secretHash'], true), index('uq_partner_key_prefix', ['prefix'], true)],
    });
    await create({
      name: 'partner_access',
      columns: [
        id(),
        ...timestamps(qr),
        int('keyId', { nullable: true }),
        varchar('operationName', 100, { nullable: true }),
        varchar('queries', 500),
        text('companiesJson'),
        varchar('outcome', 40),
        varchar('requestId', 64),
      ],
      indices: [index('ix_partner_access_key', ['keyId', 'createdAt']), index('ix_partner_access_at', ['createdAt'])],
      foreignKeys: [fk('keyId', 'partner_key')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['partner_access', 'partner_key', 'rectification_step', 'rectification', 'published_entry', 'rating_publication']) await qr.dropTable(t, true, true, true);
  }
}
