import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, index, int, text, timestamps, varchar, workflowStepTable } from '../../../migrations/columns';

/** 实事 / 微实事 and their steps (issue 16), on SQLite and MySQL/MariaDB alike. */
export class PracticalMatters1765500000004 implements MigrationInterface {
  name = 'PracticalMatters1765500000004';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'practical_matter',
        columns: [
          id(),
          ...timestamps(qr),
          int('compoundId'),
          int('communityId'),
          varchar('kind', 16),
          varchar('category', 16),
          varchar('title', 200),
          text('plan', { nullable: true }),
          int('ownerUnitId', { nullable: true }),
          date('dueOn', { nullable: true }),
          text('evidence', { nullable: true }),
          varchar('status', 16),
          int('version', { default: 1 }),
        ],
        indices: [index('ix_practical_matter_compound', ['compoundId']), index('ix_practical_matter_status', ['status'])],
        foreignKeys: [fk('compoundId', 'compound'), fk('communityId', 'jurisdiction'), fk('ownerUnitId', 'unit')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(new Table(workflowStepTable(qr, { name: 'practical_matter_step', owner: 'practicalMatterId', ownerTable: 'practical_matter', statusLength: 16 })), false, true, true);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('practical_matter_step', true, true, true);
    await qr.dropTable('practical_matter', true, true, true);
  }
}
