import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { date, fk, id, index, int, timestamps, varchar } from '../../../migrations/columns';

const NEW_COLUMNS = ['propertyCompanyId', 'jurisdictionId', 'formalMemberCount', 'secretaryName', 'instructorName'];

/**
 * The party-organisation ledger (issue 15): an organisation belongs to a compound or to a property
 * company (compoundId becomes nullable, propertyCompanyId is added), and to the jurisdiction it comes
 * under (jurisdictionId, its owner for scope: a compound's community, filled here for the rows there
 * are); its formal members, secretary and 党建指导员; the documents' five forms (建制式 ESTABLISHED is
 * 单建 SINGLE; JOINT, CONCURRENT and FUNCTIONAL keep their names; PROVISIONAL is new); the committee
 * members who are also in it (双向进入、交叉任职); the companies the office counts as “三有”.
 * On SQLite the changes to party_organization rebuild it (migrations run with foreign keys off).
 */
/** The column as it is, but (not) nullable: a clone, so that MySQL modifies it in place rather than dropping it. */
async function nullable(qr: QueryRunner, name: string, isNullable: boolean): Promise<void> {
  const column = (await qr.getTable('party_organization'))!.findColumnByName(name)!;
  const next = column.clone();
  next.isNullable = isNullable;
  await qr.changeColumn('party_organization', column, next);
}

export class PartyOrganizationLedger1765152000000 implements MigrationInterface {
  name = 'PartyOrganizationLedger1765152000000';

  async up(qr: QueryRunner): Promise<void> {
    if (!(await qr.hasColumn('party_organization', 'propertyCompanyId'))) {
      await qr.addColumns('party_organization', [
        new TableColumn(int('propertyCompanyId', { nullable: true })),
        new TableColumn(int('jurisdictionId', { nullable: true })),
        new TableColumn(int('formalMemberCount', { nullable: true })),
        new TableColumn(varchar('secretaryName', 50, { nullable: true })),
        new TableColumn(varchar('instructorName', 50, { nullable: true })),
      ]);
      await qr.query('UPDATE party_organization SET jurisdictionId = (SELECT c.communityId FROM compound c WHERE c.id = party_organization.compoundId)');
      await nullable(qr, 'compoundId', true);
      await nullable(qr, 'jurisdictionId', false);
      await qr.createIndex('party_organization', new TableIndex(index('ix_party_organization_company', ['propertyCompanyId', 'formedOn'])));
      await qr.createForeignKeys('party_organization', [new TableForeignKey(fk('propertyCompanyId', 'property_company')), new TableForeignKey(fk('jurisdictionId', 'jurisdiction'))]);
    }
    await qr.query("UPDATE party_organization SET form = 'SINGLE' WHERE form = 'ESTABLISHED'");
    await qr.createTable(
      new Table({
        name: 'party_organization_member',
        columns: [id(), ...timestamps(qr), int('partyOrganizationId'), int('committeeMemberId'), varchar('branchRole', 24)],
        indices: [index('uq_party_organization_member', ['partyOrganizationId', 'committeeMemberId'], true), index('ix_party_organization_member_member', ['committeeMemberId'])],
        foreignKeys: [fk('partyOrganizationId', 'party_organization', 'CASCADE'), fk('committeeMemberId', 'committee_member', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'three_have_designation',
        columns: [id(), ...timestamps(qr), int('propertyCompanyId'), int('jurisdictionId'), date('designatedOn'), date('endedOn', { nullable: true }), varchar('basis', 300, { nullable: true })],
        indices: [index('ix_three_have_designation_company', ['propertyCompanyId', 'designatedOn'])],
        foreignKeys: [fk('propertyCompanyId', 'property_company', 'CASCADE'), fk('jurisdictionId', 'jurisdiction')],
      }),
      false,
      true,
      true,
    );
  }

  /**
   * Companies' organisations have no place in the old table and go (refused while a rating names
   * one); 临时 becomes 联建, the nearest old form. On SQLite the undo rebuilds party_organization: the
   * columns cannot stay, since the old code would not fill jurisdictionId. SQLite refuses the rebuild
   * inside the undo's transaction while a rating names one of its rows (ON DELETE RESTRICT).
   */
  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('three_have_designation', true, true, true);
    await qr.dropTable('party_organization_member', true, true, true);
    await qr.query("UPDATE party_organization SET form = 'ESTABLISHED' WHERE form = 'SINGLE'");
    await qr.query("UPDATE party_organization SET form = 'JOINT' WHERE form = 'PROVISIONAL'");
    await qr.query('DELETE FROM party_organization WHERE compoundId IS NULL');
    const table = await qr.getTable('party_organization');
    const foreign = table?.foreignKeys.filter((f) => f.columnNames.some((c) => NEW_COLUMNS.includes(c))) ?? [];
    if (foreign.length) await qr.dropForeignKeys('party_organization', foreign);
    await qr.dropIndex('party_organization', 'ix_party_organization_company');
    await qr.dropColumns('party_organization', NEW_COLUMNS);
    await nullable(qr, 'compoundId', false);
  }
}
