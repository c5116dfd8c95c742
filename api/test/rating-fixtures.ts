import { usccCheckChar } from '../src/common/uscc';
import type { TestApp } from './harness';

/** Rating fixtures on the seeded property-company scheme (weights 40/20/10/10/10/10, thresholds 60/70/80/90). */
export interface RatingFixture {
  schemeId: string;
  criteria: Record<string, string>;
  ok(query: string, variables?: Record<string, unknown>): Promise<any>;
  period(code: string, startDate: string, endDate: string): Promise<string>;
  /** A new company with a valid credit code; returns its id and code. */
  company(name?: string): Promise<{ id: string; uscc: string }>;
  /** Rates a company in a period with scores by criterion code; returns the rating id. */
  rate(periodId: string, companyId: string, scores: Record<string, number>, extra?: { dissatisfaction?: number | null; negative?: boolean }): Promise<string>;
  /** Changes a rating's scores or dissatisfaction. */
  rescore(ratingId: string, scores: Record<string, number>, extra?: { dissatisfaction?: number | null }): Promise<void>;
}

export const all = (v: number) => ({ SATISFACTION: v, PARTY_EVALUATION: v, COMPLIANCE: v, CIVILISED_CITY: v, SANITATION: v, HOTLINE_12345: v });

let serial = 0;

export async function ratingFixture(t: TestApp, token: string, tag: string): Promise<RatingFixture> {
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const { allRatingSchemes } = await ok('{ allRatingSchemes(filter: { subjectKind: PROPERTY_COMPANY }) { id jurisdictionId criteria { id code } } }');
  const criteria: Record<string, string> = Object.fromEntries(allRatingSchemes[0].criteria.map((c: { code: string; id: string }) => [c.code, c.id]));
  const scoreList = (scores: Record<string, number>) => Object.entries(scores).map(([code, score]) => ({ criterionId: criteria[code], score }));
  return {
    schemeId: allRatingSchemes[0].id,
    criteria,
    ok,
    async period(code, startDate, endDate) {
      return (
        await ok('mutation($s: ID!, $c: String!, $a: LocalDate!, $b: LocalDate!) { createRatingPeriod(schemeId: $s, code: $c, startDate: $a, endDate: $b) { id } }', {
          s: allRatingSchemes[0].id,
          c: code,
          a: startDate,
          b: endDate,
        })
      ).createRatingPeriod.id;
    },
    async company(name) {
      serial++;
      const base = `91350582${tag.padEnd(5, 'X').slice(0, 5)}${String(serial).padStart(4, '0')}`;
      const uscc = `${base}${usccCheckChar(base)}`;
      // registered (注册地) in the area of the office that issued the scheme: its periods rate only companies there (issue 14)
      const id = (
        await ok('mutation($n: String!, $u: String!, $j: ID) { createPropertyCompany(name: $n, uscc: $u, jurisdictionId: $j) { id } }', {
          n: name ?? `${tag}物业${serial}`,
          u: uscc,
          j: allRatingSchemes[0].jurisdictionId,
        })
      ).createPropertyCompany.id;
      return { id, uscc };
    },
    async rate(periodId, companyId, scores, extra = {}) {
      return (
        await ok(
          'mutation($p: ID!, $c: ID!, $s: [ScoreInput!], $d: Float, $n: Boolean) { createRating(periodId: $p, propertyCompanyId: $c, scores: $s, dissatisfactionRate: $d, onNegativeList: $n) { id } }',
          {
            p: periodId,
            c: companyId,
            s: scoreList(scores),
            d: extra.dissatisfaction ?? null,
            n: extra.negative ?? false,
          },
        )
      ).createRating.id;
    },
    async rescore(ratingId, scores, extra = {}) {
      await ok('mutation($id: ID!, $s: [ScoreInput!], $d: Float) { updateRating(id: $id, scores: $s, dissatisfactionRate: $d) { id } }', {
        id: ratingId,
        s: scoreList(scores),
        d: 'dissatisfaction' in extra ? extra.dissatisfaction : undefined,
      });
    },
  };
}
