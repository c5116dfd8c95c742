import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { bool, date, fk, id, index, int, sourceColumns, sourceForeignKeys, text, timestamps, varchar } from './columns';

const dec = (name: string, precision: number, nullable = false): TableColumnOptions => ({ name, type: 'decimal', precision, scale: 2, isNullable: nullable });

/** Rating schemes with weighted criteria, periods, ratings and their scores. */
export class Ratings1764115200000 implements MigrationInterface {
  name = 'Ratings1764115200000';

  async up(qr: QueryRunner): Promise<void> {
    const create = (t: ConstructorParameters<typeof Table>[0]) => qr.createTable(new Table(t), false, true, true);
    await create({
      name: 'rating_scheme',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        varchar('name', 200),
        varchar('subjectKind', 24),
        varchar('periodKind', 16),
        dec('star2Min', 5),
        dec('star3Min', 5),
        dec('star4Min', 5),
        dec('star5Min', 5),
        int('redMinStars', { nullable: true }),
        int('blackMaxStars', { nullable: true }),
        dec('blackDissatisfactionOver', 5, true),
        bool('blackOnNegativeList', false),
        text('notes', { nullable: true }),
      ],
      indices: [index('uq_rating_scheme_name', ['name'], true)],
      foreignKeys: sourceForeignKeys(),
    });
    await create({
      name: 'rating_criterion',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        int('schemeId'),
        varchar('code', 40),
        varchar('name', 200),
        int('weight'),
        int('maxScore', { default: 100 }),
        int('sortOrder', { default: 0 }),
      ],
      indices: [index('uq_rating_criterion_code', ['schemeId', 'code'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('schemeId', 'rating_scheme', 'CASCADE')],
    });
    await create({
      name: 'rating_period',
      columns: [id(), ...timestamps(qr), int('schemeId'), varchar('code', 16), date('startDate'), date('endDate')],
      indices: [index('uq_rating_period_code', ['schemeId', 'code'], true)],
      foreignKeys: [fk('schemeId', 'rating_scheme')],
    });
    await create({
      name: 'rating',
      columns: [
        id(),
        ...timestamps(qr),
        int('periodId'),
        varchar('subjectKey', 220),
        int('propertyCompanyId', { nullable: true }),
        int('partyOrganizationId', { nullable: true }),
        int('ownersCommitteeId', { nullable: true }),
        varchar('subjectName', 200),
        dec('dissatisfactionRate', 5, true),
        bool('onNegativeList', false),
        varchar('negativeListNote', 1000, { nullable: true }),
        text('note', { nullable: true }),
      ],
      indices: [index('uq_rating_subject', ['periodId', 'subjectKey'], true)],
      foreignKeys: [fk('periodId', 'rating_period'), fk('propertyCompanyId', 'property_company'), fk('partyOrganizationId', 'party_organization'), fk('ownersCommitteeId', 'owners_committee')],
    });
    await create({
      name: 'rating_score',
      columns: [id(), ...timestamps(qr), int('ratingId'), int('criterionId'), dec('score', 6), text('evidence', { nullable: true })],
      indices: [index('uq_rating_score', ['ratingId', 'criterionId'], true)],
      foreignKeys: [fk('ratingId', 'rating', 'CASCADE'), fk('criterionId', 'rating_criterion')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['rating_score', 'rating', 'rating_period', 'rating_criterion', 'rating_scheme']) await qr.dropTable(t, true, true, true);
  }
}
