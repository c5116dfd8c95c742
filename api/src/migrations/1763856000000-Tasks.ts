import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, date, fk, id, index, int, sourceColumns, sourceForeignKeys, text, timestamps, varchar } from './columns';

/** Task lists and special actions: plans, key works, targets, tasks, milestones, assignments, progress reports. */
export class Tasks1763856000000 implements MigrationInterface {
  name = 'Tasks1763856000000';

  async up(qr: QueryRunner): Promise<void> {
    const create = (t: ConstructorParameters<typeof Table>[0]) => qr.createTable(new Table(t), false, true, true);
    await create({
      name: 'plan',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), int('documentId'), varchar('name', 300), varchar('kind', 24), int('jurisdictionId')],
      indices: [index('uq_plan_document_name', ['documentId', 'name'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('documentId', 'policy_document'), fk('jurisdictionId', 'jurisdiction')],
    });
    await create({
      name: 'key_work',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        int('planId'),
        varchar('number', 10),
        varchar('title', 300),
        text('aliases'),
        text('goal', { nullable: true }),
        varchar('leadPrinted', 300, { nullable: true }),
        varchar('responsiblePrinted', 300, { nullable: true }),
        int('sortOrder', { default: 0 }),
      ],
      indices: [index('uq_key_work_plan_number', ['planId', 'number'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('planId', 'plan', 'CASCADE')],
    });
    await create({
      name: 'task_target',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), int('keyWorkId'), varchar('number', 10), varchar('title', 300), int('sortOrder', { default: 0 })],
      indices: [index('uq_task_target_key_work_number', ['keyWorkId', 'number'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('keyWorkId', 'key_work', 'CASCADE')],
    });
    await create({
      name: 'task_item',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        int('keyWorkId'),
        int('targetId', { nullable: true }),
        varchar('number', 10, { nullable: true }),
        varchar('title', 300, { nullable: true }),
        text('content'),
        varchar('unitsPrinted', 300, { nullable: true }),
        varchar('deadlineKind', 24),
        varchar('deadlineText', 100, { nullable: true }),
        date('dueDate', { nullable: true }),
        int('sortOrder', { default: 0 }),
      ],
      indices: [index('ix_task_item_key_work', ['keyWorkId', 'sortOrder']), index('ix_task_item_due', ['dueDate'])],
      foreignKeys: [...sourceForeignKeys(), fk('keyWorkId', 'key_work', 'CASCADE'), fk('targetId', 'task_target', 'CASCADE')],
    });
    await create({
      name: 'milestone',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), int('taskItemId'), text('text'), varchar('deadlineText', 100), date('dueDate'), int('sortOrder', { default: 0 })],
      indices: [index('ix_milestone_task', ['taskItemId', 'sortOrder']), index('ix_milestone_due', ['dueDate'])],
      foreignKeys: [...sourceForeignKeys(), fk('taskItemId', 'task_item', 'CASCADE')],
    });
    await create({
      name: 'assignment',
      columns: [id(), ...timestamps(qr), int('taskItemId'), int('unitId'), bool('isLead', false), bool('viaAllCommunities', false), int('sortOrder', { default: 0 })],
      indices: [index('uq_assignment_task_unit', ['taskItemId', 'unitId'], true), index('ix_assignment_unit', ['unitId'])],
      foreignKeys: [fk('taskItemId', 'task_item', 'CASCADE'), fk('unitId', 'unit')],
    });
    await create({
      name: 'progress_report',
      columns: [
        id(),
        ...timestamps(qr),
        int('assignmentId'),
        int('milestoneId', { nullable: true }),
        date('reportDate'),
        varchar('status', 16),
        text('note'),
        varchar('evidenceUrl', 500, { nullable: true }),
        int('reportedById', { nullable: true }),
      ],
      indices: [index('ix_progress_report_assignment', ['assignmentId', 'reportDate'])],
      foreignKeys: [fk('assignmentId', 'assignment', 'CASCADE'), fk('milestoneId', 'milestone', 'CASCADE'), fk('reportedById', 'app_user', 'SET NULL')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['progress_report', 'assignment', 'milestone', 'task_item', 'task_target', 'key_work', 'plan']) await qr.dropTable(t, true, true, true);
  }
}
