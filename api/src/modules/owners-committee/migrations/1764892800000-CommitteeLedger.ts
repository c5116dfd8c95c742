import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { bool, date, decimal, fk, id, index, int, text, timestamps, varchar } from '../../../migrations/columns';

const cascade = (column: string, table: string) => fk(column, table, 'CASCADE');

/**
 * The owners' committee ledger (issue 15): a committee's term end and filing day; its members (the
 * board of 001 二.5, the negative list of 二.2); its half-yearly satisfaction surveys (二.4) and yearly
 * report meetings (二.3). On SQLite adding the two columns rebuilds owners_committee, keeping its rows.
 */
export class CommitteeLedger1764892800000 implements MigrationInterface {
  name = 'CommitteeLedger1764892800000';

  async up(qr: QueryRunner): Promise<void> {
    if (!(await qr.hasColumn('owners_committee', 'termEndsOn'))) {
      await qr.addColumns('owners_committee', [new TableColumn(date('termEndsOn', { nullable: true })), new TableColumn(date('filedOn', { nullable: true }))]);
    }
    await qr.createTable(
      new Table({
        name: 'committee_member',
        columns: [
          id(),
          ...timestamps(qr),
          int('committeeId'),
          varchar('name', 50),
          varchar('role', 16),
          varchar('politicalStatus', 24),
          varchar('building', 50, { nullable: true }),
          date('servedFrom', { nullable: true }),
          date('servedTo', { nullable: true }),
          varchar('phone', 50, { nullable: true }),
          bool('contactPublic', false),
          varchar('pledge', 500, { nullable: true }),
          varchar('photoRef', 500, { nullable: true }),
          date('suspendedOn', { nullable: true }),
          varchar('suspensionReason', 500, { nullable: true }),
          date('removedOn', { nullable: true }),
        ],
        indices: [index('ix_committee_member_committee', ['committeeId', 'role'])],
        foreignKeys: [cascade('committeeId', 'owners_committee')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'committee_survey',
        columns: [
          id(),
          ...timestamps(qr),
          int('committeeId'),
          int('year'),
          int('half'),
          date('surveyedOn'),
          decimal('satisfactionRate', 5, 2),
          int('respondents', { nullable: true }),
          date('reportedOn', { nullable: true }),
          date('publishedOn', { nullable: true }),
          date('voteHeldOn', { nullable: true }),
          varchar('voteResult', 24, { nullable: true }),
        ],
        indices: [index('uq_committee_survey_half', ['committeeId', 'year', 'half'], true)],
        foreignKeys: [cascade('committeeId', 'owners_committee')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'committee_report_meeting',
        columns: [
          id(),
          ...timestamps(qr),
          int('committeeId'),
          int('year'),
          date('heldOn'),
          date('invitationPostedOn', { nullable: true }),
          varchar('officialsPresent', 300, { nullable: true }),
          text('issues', { nullable: true }),
          date('rectificationPostedOn', { nullable: true }),
        ],
        indices: [index('uq_committee_report_meeting_year', ['committeeId', 'year'], true)],
        foreignKeys: [cascade('committeeId', 'owners_committee')],
      }),
      false,
      true,
      true,
    );
  }

  /** On SQLite the two columns stay (dropping one rebuilds a table other tables reference, which an undo's transaction cannot): a redo finds them. */
  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('committee_report_meeting', true, true, true);
    await qr.dropTable('committee_survey', true, true, true);
    await qr.dropTable('committee_member', true, true, true);
    if (qr.connection.driver.options.type === 'better-sqlite3') {
      await qr.query('UPDATE owners_committee SET termEndsOn = NULL, filedOn = NULL');
      return;
    }
    await qr.dropColumn('owners_committee', 'filedOn');
    await qr.dropColumn('owners_committee', 'termEndsOn');
  }
}
