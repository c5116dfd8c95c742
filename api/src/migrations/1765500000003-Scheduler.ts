import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { datetime, id, index, text, varchar } from './columns';

/**
 * The scheduler's two tables (common/scheduler.ts): a lease per job, so one of several API processes
 * runs it, and a run per job and day, written before the job runs, so a day's run happens once
 * whatever the processes do.
 */
export class Scheduler1765500000003 implements MigrationInterface {
  name = 'Scheduler1765500000003';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'scheduler_lease',
        columns: [{ name: 'name', type: 'varchar', length: '64', isPrimary: true }, varchar('holder', 100), datetime('expiresAt')],
      }),
      false,
    );
    await qr.createTable(
      new Table({
        name: 'scheduler_run',
        columns: [
          id(),
          varchar('name', 64),
          varchar('day', 10),
          varchar('holder', 100),
          datetime('startedAt'),
          datetime('finishedAt', { nullable: true }),
          text('result', { nullable: true }),
          text('error', { nullable: true }),
        ],
        indices: [index('uq_scheduler_run_day', ['name', 'day'], true)],
      }),
      false,
      true,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('scheduler_run', true, true, true);
    await qr.dropTable('scheduler_lease', true);
  }
}
