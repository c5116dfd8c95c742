import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bigint, createdAt, date, datetime, fk, id, index, int, sourceColumns, sourceForeignKeys, text, timestamps, varchar } from './columns';

/** Incentive programmes, rules, budgets, award cases and payouts, with their step histories. */
export class Incentives1764028800000 implements MigrationInterface {
  name = 'Incentives1764028800000';

  async up(qr: QueryRunner): Promise<void> {
    const create = (t: ConstructorParameters<typeof Table>[0]) => qr.createTable(new Table(t), false, true, true);
    await create({
      name: 'incentive_programme',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), varchar('name', 200), varchar('trigger', 40), text('description', { nullable: true })],
      indices: [index('uq_incentive_programme_name', ['name'], true)],
      foreignKeys: sourceForeignKeys(),
    });
    await create({
      name: 'incentive_rule',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        int('programmeId'),
        varchar('name', 200),
        text('printed', { nullable: true }),
        date('validFrom'),
        date('validTo', { nullable: true }),
        text('note', { nullable: true }),
        int('version', { default: 1 }),
      ],
      indices: [index('ix_incentive_rule_programme', ['programmeId', 'validFrom'])],
      foreignKeys: [...sourceForeignKeys(), fk('programmeId', 'incentive_programme')],
    });
    await create({
      name: 'incentive_rule_line',
      columns: [
        id(),
        ...timestamps(qr),
        int('ruleId'),
        varchar('recipientRole', 32),
        bigint('amountFen', { nullable: true }),
        varchar('printedAmount', 100, { nullable: true }),
        varchar('note', 500, { nullable: true }),
        int('sortOrder', { default: 0 }),
      ],
      indices: [index('uq_incentive_rule_line_role', ['ruleId', 'recipientRole'], true)],
      foreignKeys: [fk('ruleId', 'incentive_rule', 'CASCADE')],
    });
    await create({
      name: 'incentive_budget',
      columns: [id(), ...timestamps(qr), int('programmeId'), int('year'), bigint('amountFen'), varchar('note', 500, { nullable: true })],
      indices: [index('uq_incentive_budget_year', ['programmeId', 'year'], true)],
      foreignKeys: [fk('programmeId', 'incentive_programme')],
    });
    await create({
      name: 'award_case',
      columns: [
        id(),
        ...timestamps(qr),
        int('programmeId'),
        int('compoundId'),
        int('propertyCompanyId', { nullable: true }),
        int('communityId'),
        int('year'),
        varchar('status', 24),
        int('version', { default: 1 }),
        date('appliedOn'),
        date('inspectedOn', { nullable: true }),
        date('superiorAcceptedOn', { nullable: true }),
        date('streetAcceptedOn', { nullable: true }),
        date('rejectedOn', { nullable: true }),
        text('note', { nullable: true }),
      ],
      indices: [index('uq_award_case_site', ['programmeId', 'compoundId'], true), index('ix_award_case_status', ['status'])],
      foreignKeys: [fk('programmeId', 'incentive_programme'), fk('compoundId', 'compound'), fk('propertyCompanyId', 'property_company'), fk('communityId', 'jurisdiction')],
    });
    await create({
      name: 'award_case_step',
      columns: [
        id(),
        int('caseId'),
        varchar('fromStatus', 24, { nullable: true }),
        varchar('toStatus', 24),
        date('stepDate'),
        int('actorId', { nullable: true }),
        varchar('actorName', 50),
        text('reason', { nullable: true }),
        createdAt(qr, 'at'),
      ],
      indices: [index('ix_award_case_step_case', ['caseId'])],
      foreignKeys: [fk('caseId', 'award_case')],
    });
    await create({
      name: 'payout',
      columns: [
        id(),
        ...timestamps(qr),
        int('caseId'),
        int('programmeId'),
        int('ruleId'),
        int('ruleVersion'),
        varchar('recipientRole', 32),
        int('recipientCompanyId', { nullable: true }),
        int('recipientJurisdictionId', { nullable: true }),
        varchar('recipientName', 200),
        bigint('amountFen'),
        int('budgetYear'),
        varchar('status', 16),
        int('version', { default: 1 }),
        int('submittedById', { nullable: true }),
        datetime('submittedAt', { nullable: true }),
        int('approvedById', { nullable: true }),
        datetime('approvedAt', { nullable: true }),
        int('paidById', { nullable: true }),
        date('paidOn', { nullable: true }),
        varchar('paymentReference', 100, { nullable: true }),
        text('note', { nullable: true }),
      ],
      indices: [
        index('uq_payout_case_role', ['caseId', 'recipientRole'], true),
        index('uq_payout_payment_reference', ['paymentReference'], true),
        index('ix_payout_budget', ['programmeId', 'budgetYear', 'status']),
        index('ix_payout_status', ['status']),
      ],
      foreignKeys: [
        fk('caseId', 'award_case'),
        fk('programmeId', 'incentive_programme'),
        fk('ruleId', 'incentive_rule'),
        fk('recipientCompanyId', 'property_company'),
        fk('recipientJurisdictionId', 'jurisdiction'),
        fk('submittedById', 'app_user'),
        fk('approvedById', 'app_user'),
        fk('paidById', 'app_user'),
      ],
    });
    await create({
      name: 'payout_transition',
      columns: [
        id(),
        int('payoutId'),
        varchar('fromStatus', 16, { nullable: true }),
        varchar('toStatus', 16),
        int('actorId', { nullable: true }),
        varchar('actorName', 50),
        text('reason', { nullable: true }),
        createdAt(qr, 'at'),
      ],
      indices: [index('ix_payout_transition_payout', ['payoutId'])],
      foreignKeys: [fk('payoutId', 'payout')],
    });
    await create({
      name: 'idempotency_key',
      columns: [id(), varchar('idemKey', 100), varchar('operation', 40), int('targetId'), varchar('requestHash', 64), int('actorId', { nullable: true }), createdAt(qr)],
      indices: [index('uq_idempotency_key', ['idemKey'], true)],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const tables = ['idempotency_key', 'payout_transition', 'payout', 'award_case_step', 'award_case', 'incentive_budget', 'incentive_rule_line', 'incentive_rule', 'incentive_programme'];
    for (const t of tables) await qr.dropTable(t, true, true, true);
  }
}
