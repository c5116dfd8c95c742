import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, decimal, fk, id, index, int, sourceColumns, sourceForeignKeys, text, timestamps, varchar } from './columns';

/** Owners' committees and party organisations of compounds; policy indicators and their measurements. */
export class Indicators1763942400000 implements MigrationInterface {
  name = 'Indicators1763942400000';

  async up(qr: QueryRunner): Promise<void> {
    const create = (t: ConstructorParameters<typeof Table>[0]) => qr.createTable(new Table(t), false, true, true);
    await create({
      name: 'owners_committee',
      columns: [
        id(),
        ...timestamps(qr),
        int('compoundId'),
        varchar('kind', 16),
        date('formedOn'),
        date('dissolvedOn', { nullable: true }),
        int('memberCount', { nullable: true }),
        int('partyMemberCount', { nullable: true }),
      ],
      indices: [index('ix_owners_committee_compound', ['compoundId', 'formedOn'])],
      foreignKeys: [fk('compoundId', 'compound', 'CASCADE')],
    });
    await create({
      name: 'party_organization',
      columns: [id(), ...timestamps(qr), int('compoundId'), varchar('form', 16), varchar('name', 200), date('formedOn'), date('dissolvedOn', { nullable: true })],
      indices: [index('ix_party_organization_compound', ['compoundId', 'formedOn'])],
      foreignKeys: [fk('compoundId', 'compound', 'CASCADE')],
    });
    await create({
      name: 'indicator',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        varchar('name', 200),
        text('printed', { nullable: true }),
        varchar('unit', 16),
        varchar('comparator', 8),
        decimal('target', 12, 2),
        varchar('deadlineText', 100, { nullable: true }),
        date('deadline', { nullable: true }),
        int('scopeId'),
        varchar('computed', 32, { nullable: true }),
      ],
      foreignKeys: [...sourceForeignKeys(), fk('scopeId', 'jurisdiction')],
    });
    await create({
      name: 'indicator_measurement',
      columns: [id(), ...timestamps(qr), int('indicatorId'), int('jurisdictionId'), date('measuredOn'), decimal('value', 12, 2), varchar('note', 500, { nullable: true })],
      indices: [index('ix_indicator_measurement', ['indicatorId', 'measuredOn'])],
      foreignKeys: [fk('indicatorId', 'indicator', 'CASCADE'), fk('jurisdictionId', 'jurisdiction')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['indicator_measurement', 'indicator', 'party_organization', 'owners_committee']) await qr.dropTable(t, true, true, true);
  }
}
