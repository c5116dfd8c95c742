import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { date, decimal, fk, id, index, int, timestamps, varchar, workflowStepTable } from '../../../migrations/columns';

const score = (name: string) => ({ ...decimal(name, 5, 2), isNullable: true });

/** 物业服务考评 and the steps of their follow-up (issue 15), on SQLite and MariaDB alike. */
export class ServiceEvaluations1765065600000 implements MigrationInterface {
  name = 'ServiceEvaluations1765065600000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'service_evaluation',
        columns: [
          id(),
          ...timestamps(qr),
          int('compoundId'),
          int('communityId'),
          int('propertyCompanyId', { nullable: true }),
          int('responsibleUnitId'),
          int('year'),
          int('half'),
          date('evaluatedOn'),
          score('satisfactionScore'),
          score('complianceScore'),
          score('civilisedCityScore'),
          score('sanitationScore'),
          score('hotlineScore'),
          decimal('dissatisfactionRate', 5, 2),
          varchar('result', 8),
          varchar('status', 24),
          int('version', { default: 1 }),
          varchar('convenor', 16, { nullable: true }),
          varchar('followUp', 2000, { nullable: true }),
        ],
        indices: [index('uq_service_evaluation_half', ['compoundId', 'year', 'half'], true), index('ix_service_evaluation_company', ['propertyCompanyId', 'evaluatedOn'])],
        foreignKeys: [fk('compoundId', 'compound', 'CASCADE'), fk('communityId', 'jurisdiction'), fk('propertyCompanyId', 'property_company'), fk('responsibleUnitId', 'unit')],
      }),
      false,
      true,
      true,
    );
    const steps = workflowStepTable(qr, { name: 'service_evaluation_step', owner: 'evaluationId', ownerTable: 'service_evaluation', statusLength: 24 });
    await qr.createTable(new Table({ ...steps, foreignKeys: [fk('evaluationId', 'service_evaluation', 'CASCADE')] }), false, true, true);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('service_evaluation_step', true, true, true);
    await qr.dropTable('service_evaluation', true, true, true);
  }
}
