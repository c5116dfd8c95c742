import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Seeded indicators whose actual the complaints and practical matters now compute (seeds/indicators.json says the same for a new database). */
const COMPUTED: Record<string, string> = {
  'indicator:004:complaints-decrease-2024': 'COMPLAINT_DECREASE',
  'indicator:004:complaints-decrease': 'COMPLAINT_DECREASE',
  'indicator:004:complaints-handling-rate': 'COMPLAINT_HANDLING_RATE',
  'indicator:004:micro-projects-per-compound-2024': 'MICRO_PROJECTS',
};

/**
 * Indicators computed from the tickets (issue 16): 004's complaint targets from the complaints, its
 * 微实事 target from the practical matters, where an office has not set them otherwise. No schema change.
 */
export class IndicatorsFromTickets1765500000006 implements MigrationInterface {
  name = 'IndicatorsFromTickets1765500000006';

  async up(qr: QueryRunner): Promise<void> {
    const key = qr.connection.driver.escape('key');
    for (const [k, measure] of Object.entries(COMPUTED)) {
      await qr.query(`UPDATE indicator SET computed = ? WHERE computed IS NULL AND id IN (SELECT entityId FROM seed_record WHERE ${key} = ? AND entityType = 'Indicator')`, [measure, k]);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    const key = qr.connection.driver.escape('key');
    for (const [k, measure] of Object.entries(COMPUTED)) {
      await qr.query(`UPDATE indicator SET computed = NULL WHERE computed = ? AND id IN (SELECT entityId FROM seed_record WHERE ${key} = ? AND entityType = 'Indicator')`, [measure, k]);
    }
  }
}
