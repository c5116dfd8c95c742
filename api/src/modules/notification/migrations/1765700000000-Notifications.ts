import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, datetime, fk, id, index, int, text, varchar } from '../../../migrations/columns';

/** 消息提醒 and the outbox of the outgoing channels (the notification module), on SQLite and MySQL/MariaDB alike. */
export class Notifications1765700000000 implements MigrationInterface {
  name = 'Notifications1765700000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'notification',
        columns: [
          id(),
          int('userId'),
          varchar('kind', 40),
          text('paramsJson', { nullable: true }),
          varchar('title', 200),
          text('body', { nullable: true }),
          varchar('link', 200, { nullable: true }),
          varchar('entityType', 50),
          varchar('entityId', 50),
          int('actorId', { nullable: true }),
          varchar('actorName', 100, { nullable: true }),
          varchar('dedupeKey', 150, { nullable: true }),
          createdAt(qr),
          datetime('readAt', { nullable: true }),
        ],
        indices: [index('ix_notification_user_read', ['userId', 'readAt']), index('uq_notification_user_dedupe', ['userId', 'dedupeKey'], true)],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await qr.createTable(
      new Table({
        name: 'notification_delivery',
        columns: [
          id(),
          int('notificationId'),
          varchar('channel', 32),
          varchar('status', 16),
          int('attempts', { default: 0 }),
          datetime('nextAttemptAt', { nullable: true }),
          varchar('lastError', 500, { nullable: true }),
          datetime('deliveredAt', { nullable: true }),
          createdAt(qr),
        ],
        indices: [index('ix_notification_delivery_due', ['status', 'nextAttemptAt']), index('ix_notification_delivery_notification', ['notificationId'])],
        foreignKeys: [fk('notificationId', 'notification', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('notification_delivery', true, true, true);
    await qr.dropTable('notification', true, true, true);
  }
}
