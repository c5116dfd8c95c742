import { RatingCriterion, RatingScheme } from '../api/src/modules/rating/rating.entities';
import type { Seeder } from './load';
import type { SourceRef } from './types';

export interface RatingsSeed {
  notes: string[];
  schemes: Array<{
    key: string;
    name: string;
    subjectKind: string;
    periodKind: string;
    star2Min: number;
    star3Min: number;
    star4Min: number;
    star5Min: number;
    redMinStars: number | null;
    blackMaxStars: number | null;
    blackDissatisfactionOver: number | null;
    blackOnNegativeList: boolean;
    notes: string;
    source: SourceRef;
    criteria: Array<{ code: string; name: string; weight: number; source: SourceRef }>;
  }>;
}

/** The two rating schemes (seeds/ratings.json; its notes say which thresholds the documents fix). */
export async function seedRatings(seeder: Seeder, data: RatingsSeed): Promise<void> {
  for (const { key, criteria, source, ...scheme } of data.schemes) {
    const schemeId = await seeder.put(key, RatingScheme, 'RatingScheme', { ...scheme, jurisdictionId: seeder.ownerOf(source?.document), ...seeder.source(source) });
    for (const [i, c] of criteria.entries()) {
      await seeder.put(`${key}:${c.code}`, RatingCriterion, 'RatingCriterion', { schemeId, code: c.code, name: c.name, weight: c.weight, maxScore: 100, sortOrder: i + 1, ...seeder.source(c.source) });
    }
  }
}
