import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { id, index, int, timestamps, varchar } from '../../../migrations/columns';

/** 附件 (issue 16 item 7): files attached to records, stored by content hash outside the database. */
export class Attachments1765600000000 implements MigrationInterface {
  name = 'Attachments1765600000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'attachment',
        columns: [
          id(),
          ...timestamps(qr),
          varchar('targetType', 32),
          int('targetId'),
          varchar('fileName', 255),
          varchar('mimeType', 100),
          int('size'),
          varchar('hash', 64),
          int('uploadedById', { nullable: true }),
          varchar('uploadedByName', 50),
        ],
        indices: [index('ix_attachment_target', ['targetType', 'targetId']), index('ix_attachment_hash', ['hash'])],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('attachment', true, true, true);
  }
}
