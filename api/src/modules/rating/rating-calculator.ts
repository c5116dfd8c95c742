import type { Reason } from '../../common/reasons';
import { ListStatus } from './rating.enums';
import type { Rating, RatingCriterion, RatingScheme } from './rating.entities';

/** What a rating comes to: never stored, always computed from the scheme and the typed inputs. */
export interface RatingOutcome {
  /** Every criterion has a score. */
  complete: boolean;
  /** Criteria still without a score (by name). */
  missing: string[];
  /** Σ score / maxScore × weight, 0–100, two decimals; null until complete. */
  total: number | null;
  stars: number | null;
  /** Null while incomplete unless a black-list reason that needs no total already holds. */
  listStatus: ListStatus | null;
  /** Why the subject is on a list, in the words published with it. */
  reasons: string[];
}

const fmt = (n: number) => n.toFixed(2);

/** Stars for a total: the highest level whose threshold the total reaches; 1 below star2Min. */
export function starsFor(scheme: RatingScheme, total: number): number {
  if (total >= scheme.star5Min) return 5;
  if (total >= scheme.star4Min) return 4;
  if (total >= scheme.star3Min) return 3;
  if (total >= scheme.star2Min) return 2;
  return 1;
}

/**
 * Computes total, stars and 红黑榜 status. Scores are handled in hundredths so a total is exact to
 * two decimals; black wins over red; dissatisfaction and the negative list put a subject on the
 * black list whatever its stars (001 四(四), 000 附件 一(二)).
 */
export function rate(
  scheme: RatingScheme,
  criteria: RatingCriterion[],
  scores: Map<number, number>,
  rating: Pick<Rating, 'dissatisfactionRate' | 'onNegativeList' | 'negativeListNote'>,
): RatingOutcome {
  const missing = criteria.filter((c) => !scores.has(c.id)).map((c) => c.name);
  const complete = criteria.length > 0 && missing.length === 0;
  let total: number | null = null;
  let stars: number | null = null;
  if (complete) {
    const hundredths = criteria.reduce((sum, c) => sum + (Math.round(scores.get(c.id)! * 100) * c.weight) / c.maxScore, 0);
    total = Math.round(hundredths + 1e-9) / 100;
    stars = starsFor(scheme, total);
  }
  const black: string[] = [];
  if (stars !== null && scheme.blackMaxStars !== null && stars <= scheme.blackMaxStars) {
    black.push(`${stars}星（总分${fmt(total!)}）`);
  }
  if (scheme.blackDissatisfactionOver !== null && rating.dissatisfactionRate !== null && rating.dissatisfactionRate > scheme.blackDissatisfactionOver) {
    black.push(`业主不满意率${fmt(rating.dissatisfactionRate)}%，超过${fmt(scheme.blackDissatisfactionOver)}%`);
  }
  if (scheme.blackOnNegativeList && rating.onNegativeList) {
    black.push(`列入负面清单${rating.negativeListNote ? `：${rating.negativeListNote}` : ''}`);
  }
  if (black.length) return { complete, missing, total, stars, listStatus: ListStatus.BLACK, reasons: black };
  if (stars === null) return { complete, missing, total, stars, listStatus: null, reasons: [] };
  if (scheme.redMinStars !== null && stars >= scheme.redMinStars) {
    return { complete, missing, total, stars, listStatus: ListStatus.RED, reasons: [`${stars}星（总分${fmt(total!)}）`] };
  }
  return { complete, missing, total, stars, listStatus: ListStatus.NONE, reasons: [] };
}

/** The one key per rated subject and period (UNIQUE with the period): how each kind of subject is named. */
export const subjectKey = {
  company: (id: number) => `company:${id}`,
  party: (id: number) => `party:${id}`,
  committee: (id: number) => `committee:${id}`,
  name: (name: string) => `name:${name}`,
};

/** Why a score cannot be recorded on a criterion (code and message), or null when it can. */
export function scoreProblem(criterion: Pick<RatingCriterion, 'name' | 'maxScore'>, score: number): { code: 'SCORE_OUT_OF_RANGE' | 'BAD_SCORE'; reason: Reason; message: string } | null {
  if (score < 0) return { code: 'SCORE_OUT_OF_RANGE', reason: 'NEGATIVE', message: `${criterion.name}: ${score} is below 0` };
  if (score > criterion.maxScore) return { code: 'SCORE_OUT_OF_RANGE', reason: 'ABOVE_MAX', message: `${criterion.name}: ${score} is above the maximum ${criterion.maxScore}` };
  if (Math.round(score * 100) !== score * 100) return { code: 'BAD_SCORE', reason: 'TOO_MANY_DECIMALS', message: `${criterion.name}: at most two decimals` };
  return null;
}
