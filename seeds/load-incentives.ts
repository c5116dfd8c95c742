import { IncentiveProgramme, IncentiveRule, IncentiveRuleLine } from '../api/src/modules/incentive/incentive.entities';
import type { Seeder } from './load';
import type { SourceRef } from './types';

export interface IncentivesSeed {
  notes: string[];
  programmes: Array<{ key: string; name: string; trigger: string; description: string | null; source: SourceRef }>;
  rules: Array<{
    key: string;
    programme: string;
    name: string;
    printed: string;
    validFrom: string;
    validTo: string | null;
    note: string | null;
    lines: Array<{ recipientRole: string; amountFen: number | null; printedAmount: string | null; note: string | null }>;
    source: SourceRef;
  }>;
}

/** The award programmes and rules of 000 三(四) and 004 二(二) (seeds/incentives.json; its notes say what the documents leave open). */
export async function seedIncentives(seeder: Seeder, data: IncentivesSeed): Promise<void> {
  for (const p of data.programmes) {
    await seeder.put(p.key, IncentiveProgramme, 'IncentiveProgramme', {
      name: p.name,
      trigger: p.trigger,
      description: p.description,
      jurisdictionId: seeder.ownerOf(p.source?.document),
      ...seeder.source(p.source),
    });
  }
  for (const r of data.rules) {
    const ruleId = await seeder.put(r.key, IncentiveRule, 'IncentiveRule', {
      programmeId: seeder.ref(r.programme),
      name: r.name,
      printed: r.printed,
      validFrom: r.validFrom,
      validTo: r.validTo,
      note: r.note,
      ...seeder.source(r.source),
    });
    for (const [i, l] of r.lines.entries()) {
      await seeder.put(`${r.key}:${l.recipientRole}`, IncentiveRuleLine, 'IncentiveRuleLine', { ruleId, ...l, sortOrder: i + 1 });
    }
  }
}
