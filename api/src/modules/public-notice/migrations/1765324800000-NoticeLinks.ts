import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, fk, id, index, int, timestamps, varchar } from '../../../migrations/columns';

/** 公示链接 (issue 15): links that open printable public notices, only a hash of each token kept. */
export class NoticeLinks1765324800000 implements MigrationInterface {
  name = 'NoticeLinks1765324800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'notice_link',
        columns: [id(), ...timestamps(qr), varchar('kind', 24), int('targetId'), int('jurisdictionId'), varchar('tokenHash', 64), varchar('createdByName', 50), date('revokedOn', { nullable: true })],
        indices: [index('uq_notice_link_token', ['tokenHash'], true), index('ix_notice_link_target', ['kind', 'targetId'])],
        foreignKeys: [fk('jurisdictionId', 'jurisdiction')],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('notice_link', true, true, true);
  }
}
