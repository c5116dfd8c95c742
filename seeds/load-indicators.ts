import { Indicator } from '../api/src/modules/indicator/indicator.entities';
import type { Seeder } from './load';
import type { SourceRef } from './types';

export interface IndicatorsSeed {
  indicators: Array<{
    key: string;
    name: string;
    printed: string;
    unit: string;
    comparator: string;
    target: number;
    deadlineText: string | null;
    deadline: string | null;
    scope: string;
    computable: string | null;
    /** 每个小区: the target holds for every compound */
    perCompound?: boolean;
    source: SourceRef;
  }>;
}

/** Every numeric target the five documents set (seeds/indicators.json; its "notes" say how each was read). */
export async function seedIndicators(seeder: Seeder, data: IndicatorsSeed): Promise<void> {
  for (const i of data.indicators) {
    await seeder.put(i.key, Indicator, 'Indicator', {
      name: i.name,
      printed: i.printed,
      unit: i.unit,
      comparator: i.comparator,
      target: i.target,
      deadlineText: i.deadlineText,
      deadline: i.deadline,
      scopeId: seeder.ref(i.scope),
      computed: i.computable,
      perCompound: i.perCompound ?? false,
      ...seeder.source(i.source),
    });
  }
}
