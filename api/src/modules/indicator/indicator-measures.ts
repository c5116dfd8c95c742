import { type DataSource, In, LessThanOrEqual } from 'typeorm';
import { AwardCase, AwardCaseStep } from '../incentive/award-case.entity';
import { IncentiveProgramme } from '../incentive/incentive.entities';
import { AwardCaseStatus, IncentiveTrigger } from '../incentive/incentive.enums';
import { CommitteeKind, OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { Compound } from '../organization/compound.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { covered, modeOn } from '../property-service/coverage.rules';
import { ServiceCoverage } from '../property-service/service-coverage.entity';
import { PartyOrganization } from '../party-organization/party-organization.entity';
import { ThreeHaveDesignation } from '../party-organization/three-have-designation.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { PublishedEntry, RatingPublication } from '../publication/publication.entities';
import { latestDueQuarter } from '../public-revenue/public-revenue.rules';
import { RevenueDisclosure } from '../public-revenue/revenue-disclosure.entity';
import { Rating, RatingPeriod, RatingScheme } from '../rating/rating.entities';
import { RatedSubjectKind } from '../rating/rating.enums';
import { percent } from '../../common/percent';
import { complaintCounts, decrease, handlingRate, sumCounts } from '../complaint/complaint-figures';
import { PracticalMatter, PracticalMatterStep } from '../practical-matter/practical-matter.entity';
import { PracticalMatterKind, PracticalMatterStatus } from '../practical-matter/practical-matter.enums';
import { ComputedMeasure, type Indicator } from './indicator.entities';

/*
 * 由台账计算的指标: each computed measure, as of a day, over the compounds of an area. A measure is
 * prepared once per request for every compound of every area asked about (a fixed number of queries),
 * then answers for each indicator's own area. The rules, as the documents word the targets:
 *
 * - OWNERS_COMMITTEE_RATE 业委会组建率: compounds with an elected committee serving on the day, of all compounds.
 * - SELF_GOVERNANCE_COVERAGE 小区业主自治组织覆盖 (004 二(二)): compounds with an elected committee or a
 *   临时物业管理委员会 serving on the day, of all compounds.
 * - NEW_COMMITTEE_PARTY_SHARE 新组建(换届)的业委会成员党员比例: party members of all members of the
 *   committees (elected or provisional) formed or re-elected on or after the document setting the
 *   target was issued and serving on the day, counted member by member, not averaged by committee.
 * - PARTY_ORGANIZATION_RATE 小区党组织覆盖率: compounds with a party organisation serving on the day.
 * - THREE_STAR_BRANCH_SHARE 达到三星级及以上的小区党组织比率 (003 3): of the compound party organisations
 *   serving on the day, those whose latest published party-branch rating (the latest period published
 *   on or before the day, its latest revision) gives three stars or more. An organisation never rated
 *   counts as not reaching three stars: the target is a share of all of them.
 * - DEMONSTRATION_SITES 示范点 (000 附件; 002 五): demonstration-site award cases of the area's compounds
 *   accepted by the street (the last acceptance) on or before the day. A count.
 * - THREE_HAVE_COMPANY_COVERAGE “三有”物业服务企业党组织覆盖率 (004 二(一)): of the companies registered (注册地)
 *   in the area and counted as 三有 on the day (ThreeHaveDesignation), those with a party organisation of
 *   their own serving on the day. Companies, not compounds, are counted.
 * - PROPERTY_SERVICE_COVERAGE 物业服务覆盖 (000 附件 四(一); 003 5 无物业小区清零): compounds served on the day
 *   (their recorded period that day is not 无物业; without recorded periods, their management mode), of all.
 * - DISCLOSURE_RATE 公共收益公示 (001 三(三)1): compounds that have disclosed, by the day, the latest quarter
 *   due by then (on time or late), of all compounds.
 * - COMPLAINT_DECREASE 信访投诉量下降 (004 一(3), 二(三)): complaints about the area's compounds received from
 *   1 January to the day, against the same days of the year before: the fall in % (a rise is negative;
 *   none last year: nothing to compare). complaint-figures.ts counts them.
 * - COMPLAINT_HANDLING_RATE 信访处置率 (004 二(三)): of this year's complaints that had to be disposed by
 *   the day (disposed, or past their limit), those disposed.
 * - MICRO_PROJECTS 微实事 (004 二(十) 每个小区策划开展至少1个): per compound, the 微实事 opened (立项) in the
 *   year of the target's deadline (else of the day) on or before the day; a per-compound target counts
 *   the compounds with at least the target's number.
 * - TEN_MATTERS_CLOSURE_RATE 十件实事销号 (003 §2 问题清单, 销号管理): of the ten-matters problems opened on or
 *   before the day, those closed (销号) on the day (a matter reopened after is open again).
 */

export interface MeasureInput {
  ds: DataSource;
  asOf: string;
  /** Every compound of every area asked about. */
  compoundIds: number[];
  indicators: Indicator[];
  /** Reads shared by the measures of one request (committees, party organisations): each made once. */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** The actual of one indicator over the compounds of its area, and the jurisdictions of the area (null: nothing to compute from). */
export type MeasureAnswer = (indicator: Indicator, compoundIds: ReadonlySet<number>, area: ReadonlySet<number>) => number | null;

export interface MeasureDef {
  prepare(input: MeasureInput): Promise<MeasureAnswer>;
}

const serves = (from: string, to: string | null, day: string) => from <= day && (to === null || to >= day);
const shareOf = (meeting: ReadonlySet<number>) => (_: Indicator, ids: ReadonlySet<number>) => percent([...ids].filter((id) => meeting.has(id)).length, ids.size);

async function servingCommittees(input: MeasureInput, kinds: CommitteeKind[]): Promise<OwnersCommittee[]> {
  if (!input.compoundIds.length) return [];
  const rows = await input.once('committees', () => input.ds.getRepository(OwnersCommittee).find({ where: { compoundId: In(input.compoundIds) } }));
  return rows.filter((c) => kinds.includes(c.kind) && serves(c.formedOn, c.dissolvedOn, input.asOf));
}

/** Compounds' organisations (a company's has no compound and is not read here). */
async function servingOrganizations(input: MeasureInput): Promise<Array<PartyOrganization & { compoundId: number }>> {
  if (!input.compoundIds.length) return [];
  const rows = await input.once('organizations', () => input.ds.getRepository(PartyOrganization).find({ where: { compoundId: In(input.compoundIds) } }));
  return rows.filter((o): o is PartyOrganization & { compoundId: number } => o.compoundId !== null && serves(o.formedOn, o.dissolvedOn, input.asOf));
}

/** The area's complaint counts summed over its compounds (complaint-figures.ts). */
async function complaintsOf(input: MeasureInput) {
  const counts = await input.once('complaints', () => complaintCounts(input.ds, { compoundIds: input.compoundIds }, input.asOf));
  return (ids: ReadonlySet<number>) => sumCounts([...counts].flatMap(([compoundId, c]) => (ids.has(compoundId) ? [c] : [])));
}

/**
 * The practical matters of a kind in the compounds, each with the day it was opened and its status on
 * the day (its last step on or before the day: a matter reopened after closing is open again).
 */
async function mattersOf(input: MeasureInput, kind: PracticalMatterKind): Promise<Array<{ compoundId: number; openedOn: string; closed: boolean }>> {
  if (!input.compoundIds.length) return [];
  const matters = await input.ds.getRepository(PracticalMatter).find({ select: { id: true, compoundId: true }, where: { compoundId: In(input.compoundIds), kind } });
  if (!matters.length) return [];
  const steps = await input.ds.getRepository(PracticalMatterStep).find({
    select: { id: true, practicalMatterId: true, fromStatus: true, toStatus: true, stepDate: true },
    where: { practicalMatterId: In(matters.map((m) => m.id)), stepDate: LessThanOrEqual(input.asOf) },
    order: { id: 'ASC' },
  });
  const state = new Map<number, { openedOn: string; last: PracticalMatterStatus }>();
  for (const s of steps) {
    const held = state.get(s.practicalMatterId);
    state.set(s.practicalMatterId, { openedOn: held?.openedOn ?? s.stepDate, last: s.toStatus });
  }
  return matters.flatMap((m) => {
    const st = state.get(m.id);
    return st ? [{ compoundId: m.compoundId, openedOn: st.openedOn, closed: st.last === PracticalMatterStatus.CLOSED }] : [];
  });
}

const MEASURES: Record<ComputedMeasure, MeasureDef> = {
  [ComputedMeasure.COMPLAINT_DECREASE]: {
    async prepare(input) {
      const of = await complaintsOf(input);
      return (_, ids) => decrease(of(ids));
    },
  },
  [ComputedMeasure.COMPLAINT_HANDLING_RATE]: {
    async prepare(input) {
      const of = await complaintsOf(input);
      return (_, ids) => handlingRate(of(ids));
    },
  },
  [ComputedMeasure.MICRO_PROJECTS]: {
    async prepare(input) {
      const matters = await mattersOf(input, PracticalMatterKind.MICRO_PROJECT);
      return (indicator, ids) => {
        const year = (indicator.deadline ?? input.asOf).slice(0, 4);
        const perCompound = new Map<number, number>();
        for (const m of matters) if (ids.has(m.compoundId) && m.openedOn.startsWith(year)) perCompound.set(m.compoundId, (perCompound.get(m.compoundId) ?? 0) + 1);
        // a per-compound target: the compounds that have enough; otherwise the area's count
        if (indicator.perCompound) return [...ids].filter((id) => (perCompound.get(id) ?? 0) >= Number(indicator.target)).length;
        return [...perCompound.values()].reduce((a, b) => a + b, 0);
      };
    },
  },
  [ComputedMeasure.TEN_MATTERS_CLOSURE_RATE]: {
    async prepare(input) {
      const matters = await mattersOf(input, PracticalMatterKind.TEN_MATTERS);
      return (_, ids) => {
        const mine = matters.filter((m) => ids.has(m.compoundId));
        return percent(mine.filter((m) => m.closed).length, mine.length);
      };
    },
  },
  [ComputedMeasure.OWNERS_COMMITTEE_RATE]: {
    async prepare(input) {
      return shareOf(new Set((await servingCommittees(input, [CommitteeKind.ELECTED])).map((c) => c.compoundId)));
    },
  },
  [ComputedMeasure.SELF_GOVERNANCE_COVERAGE]: {
    async prepare(input) {
      return shareOf(new Set((await servingCommittees(input, [CommitteeKind.ELECTED, CommitteeKind.PROVISIONAL])).map((c) => c.compoundId)));
    },
  },
  [ComputedMeasure.NEW_COMMITTEE_PARTY_SHARE]: {
    async prepare(input) {
      const committees = await servingCommittees(input, [CommitteeKind.ELECTED, CommitteeKind.PROVISIONAL]);
      const docIds = [...new Set(input.indicators.flatMap((i) => (i.sourceDocumentId ? [i.sourceDocumentId] : [])))];
      const docs = docIds.length ? await input.ds.getRepository(PolicyDocument).find({ select: { id: true, issueDate: true }, where: { id: In(docIds) } }) : [];
      const issued = new Map(docs.map((d) => [d.id, d.issueDate]));
      return (indicator, ids) => {
        const since = (indicator.sourceDocumentId && issued.get(indicator.sourceDocumentId)) || '0000-01-01';
        const fresh = committees.filter((c) => ids.has(c.compoundId) && c.formedOn >= since && c.memberCount);
        return percent(
          fresh.reduce((n, c) => n + (c.partyMemberCount ?? 0), 0),
          fresh.reduce((n, c) => n + (c.memberCount ?? 0), 0),
        );
      };
    },
  },
  [ComputedMeasure.PARTY_ORGANIZATION_RATE]: {
    async prepare(input) {
      return shareOf(new Set((await servingOrganizations(input)).map((o) => o.compoundId)));
    },
  },
  [ComputedMeasure.THREE_STAR_BRANCH_SHARE]: {
    async prepare(input) {
      const orgs = await servingOrganizations(input);
      const stars = orgs.length
        ? await latestPublishedStars(
            input.ds,
            orgs.map((o) => o.id),
            input.asOf,
          )
        : new Map<number, number>();
      return (_, ids) => {
        const mine = orgs.filter((o) => ids.has(o.compoundId));
        return percent(mine.filter((o) => (stars.get(o.id) ?? 0) >= 3).length, mine.length);
      };
    },
  },
  [ComputedMeasure.THREE_HAVE_COMPANY_COVERAGE]: {
    async prepare(input) {
      const designations = (await input.ds.getRepository(ThreeHaveDesignation).find({ select: { propertyCompanyId: true, designatedOn: true, endedOn: true } })).filter((d) =>
        serves(d.designatedOn, d.endedOn, input.asOf),
      );
      const ids = [...new Set(designations.map((d) => d.propertyCompanyId))];
      const companies = ids.length ? await input.ds.getRepository(PropertyCompany).find({ select: { id: true, jurisdictionId: true }, where: { id: In(ids) } }) : [];
      const orgs = ids.length
        ? await input.ds.getRepository(PartyOrganization).find({ select: { propertyCompanyId: true, formedOn: true, dissolvedOn: true }, where: { propertyCompanyId: In(ids) } })
        : [];
      const covered = new Set(orgs.filter((o) => serves(o.formedOn, o.dissolvedOn, input.asOf)).map((o) => o.propertyCompanyId));
      return (_, __, area) => {
        const mine = companies.filter((c) => c.jurisdictionId !== null && area.has(c.jurisdictionId));
        return percent(mine.filter((c) => covered.has(c.id)).length, mine.length);
      };
    },
  },
  [ComputedMeasure.PROPERTY_SERVICE_COVERAGE]: {
    async prepare(input) {
      if (!input.compoundIds.length) return shareOf(new Set());
      const compounds = await input.ds.getRepository(Compound).find({ select: { id: true, managementMode: true }, where: { id: In(input.compoundIds) } });
      const periods = await input.ds.getRepository(ServiceCoverage).find({ select: { compoundId: true, mode: true, since: true, until: true }, where: { compoundId: In(input.compoundIds) } });
      return shareOf(
        new Set(
          compounds
            .filter((c) =>
              covered(
                modeOn(
                  periods.filter((p) => p.compoundId === c.id),
                  input.asOf,
                  c.managementMode,
                ),
              ),
            )
            .map((c) => c.id),
        ),
      );
    },
  },
  [ComputedMeasure.DISCLOSURE_RATE]: {
    async prepare(input) {
      if (!input.compoundIds.length) return shareOf(new Set());
      const { year, quarter } = latestDueQuarter(input.asOf);
      const rows = await input.ds.getRepository(RevenueDisclosure).find({
        select: { compoundId: true, disclosedOn: true },
        where: { compoundId: In(input.compoundIds), year, quarter, disclosedOn: LessThanOrEqual(input.asOf) },
      });
      return shareOf(new Set(rows.map((r) => r.compoundId)));
    },
  },
  [ComputedMeasure.DEMONSTRATION_SITES]: {
    async prepare(input) {
      if (!input.compoundIds.length) return () => 0;
      const rows: Array<{ compoundId: number | string }> = await input.ds
        .getRepository(AwardCase)
        .createQueryBuilder('c')
        .select('c.compoundId', 'compoundId')
        .innerJoin(IncentiveProgramme, 'p', 'p.id = c.programmeId')
        .where('p.trigger = :trigger AND c.status = :accepted AND c.compoundId IN (:...ids)', {
          trigger: IncentiveTrigger.DEMONSTRATION_SITE_ACCEPTED,
          accepted: AwardCaseStatus.STREET_ACCEPTED,
          ids: input.compoundIds,
        })
        .andWhere(`EXISTS (SELECT 1 FROM ${input.ds.getMetadata(AwardCaseStep).tableName} s WHERE s.caseId = c.id AND s.toStatus = :accepted AND s.stepDate <= :asOf)`, { asOf: input.asOf })
        .getRawMany();
      const sites = rows.map((r) => Number(r.compoundId));
      return (_, ids) => sites.filter((id) => ids.has(id)).length;
    },
  },
};

/**
 * The stars of each party organisation in its latest published party-branch rating on or before the
 * day: the edition of the latest period (by its end), its latest revision published by then.
 */
async function latestPublishedStars(ds: DataSource, orgIds: number[], asOf: string): Promise<Map<number, number>> {
  const rows: Array<{ orgId: number | string; stars: number | string; endsOn: string; revision: number | string }> = await ds
    .getRepository(PublishedEntry)
    .createQueryBuilder('e')
    .select(['r.partyOrganizationId AS "orgId"', 'e.stars AS "stars"', 'per.endDate AS "endsOn"', 'pub.revision AS "revision"'])
    .innerJoin(Rating, 'r', 'r.id = e.ratingId')
    .innerJoin(RatingPublication, 'pub', 'pub.id = e.publicationId')
    .innerJoin(RatingPeriod, 'per', 'per.id = pub.periodId')
    .innerJoin(RatingScheme, 's', 's.id = per.schemeId')
    .where('r.partyOrganizationId IN (:...orgIds) AND pub.publishedOn <= :asOf AND s.subjectKind = :kind', { orgIds, asOf, kind: RatedSubjectKind.PARTY_BRANCH })
    .getRawMany();
  const best = new Map<number, { stars: number; endsOn: string; revision: number }>();
  for (const r of rows) {
    const id = Number(r.orgId);
    const row = { stars: Number(r.stars), endsOn: String(r.endsOn).slice(0, 10), revision: Number(r.revision) };
    const held = best.get(id);
    if (!held || row.endsOn > held.endsOn || (row.endsOn === held.endsOn && row.revision > held.revision)) best.set(id, row);
  }
  return new Map([...best].map(([id, r]) => [id, r.stars]));
}

/** The measures the indicators ask for, each prepared once over all their compounds. */
export async function prepareMeasures(ds: DataSource, indicators: Indicator[], compoundIds: number[], asOf: string): Promise<Map<ComputedMeasure, MeasureAnswer>> {
  const wanted = [...new Set(indicators.flatMap((i) => (i.computed ? [i.computed] : [])))];
  const out = new Map<ComputedMeasure, MeasureAnswer>();
  const shared = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!shared.has(key)) shared.set(key, read());
    return shared.get(key) as Promise<T>;
  };
  for (const m of wanted) {
    out.set(m, await MEASURES[m].prepare({ ds, asOf, compoundIds, indicators: indicators.filter((i) => i.computed === m), once }));
  }
  return out;
}
