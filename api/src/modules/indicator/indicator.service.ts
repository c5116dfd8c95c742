import { registerEnumType } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { assertPastDate, daysBetween } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { JurisdictionLevel } from '../organization/enums';
import { loadJurisdictionTree } from '../organization/jurisdiction-tree';
import { CommitteeKind, OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { PartyOrganization } from '../party-organization/party-organization.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { Comparator, ComputedMeasure, Indicator, IndicatorMeasurement, IndicatorUnit } from './indicator.entities';
import { computedActual, type IndicatorActual, type OwnFigure, ownOnly, rollUp } from './indicator-rollup';
import type { IndicatorFilter, IndicatorMeasurementFilter } from './indicator.inputs';

type JurisdictionTree = Awaited<ReturnType<typeof loadJurisdictionTree>>;

export enum IndicatorStatus {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  MET = 'MET',
  MISSED = 'MISSED',
}
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description: 'MET: the actual meets the target; MISSED: the deadline passed without; AT_RISK: within 30 days of the deadline, or no data yet; ON_TRACK otherwise',
});

const AT_RISK_DAYS = 30;
/** Up to this many places the measurement read names them (the bound on every list argument). */
const MAX_PLACES_IN_LIST = 1000;
const inOffice = (from: string, to: string | null, day: string) => from <= day && (to === null || to >= day);

function checkPercent(unit: IndicatorUnit, value: number, field: string): void {
  if (unit === IndicatorUnit.PERCENT && value > 100) throw badInput(field, `${field} is a percentage: at most 100`, 'OVER_100');
  if (unit === IndicatorUnit.COUNT && !Number.isInteger(value)) throw badInput(field, `${field} is a count: a whole number`, 'NOT_A_WHOLE_NUMBER');
}

/** 指标: targets are checked against their unit (a percentage is 0–100). */
export class IndicatorService extends CrudService<Indicator, IndicatorFilter> {
  protected async validate(_em: EntityManager, next: Indicator): Promise<void> {
    checkPercent(next.unit, Number(next.target), 'target');
  }
}

/** 指标测量: typed values, also 0–100 for a percentage, and not dated in the future. */
export class IndicatorMeasurementService extends CrudService<IndicatorMeasurement, IndicatorMeasurementFilter> {
  protected async validate(em: EntityManager, next: IndicatorMeasurement): Promise<void> {
    const indicator = await em.findOneByOrFail(Indicator, { id: next.indicatorId });
    checkPercent(indicator.unit, Number(next.value), 'value');
    assertPastDate(next.measuredOn, 'measuredOn');
  }
}

/**
 * 指标实际值与状态. Where the data can answer (committee and party-organisation rates from compounds),
 * the actual is computed; otherwise it is the latest measurement typed for the jurisdiction on or
 * before the date, else, for counts, the sum of the jurisdictions below it (indicator-rollup.ts says
 * the rules: shares typed by hand are never averaged, a figure typed for the jurisdiction wins).
 */
export class IndicatorProgressService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The actuals of many indicators on one date, with a fixed number of queries whatever their number
   * and the number of jurisdictions: the jurisdiction tree, one for the latest measurement of each
   * indicator in each jurisdiction concerned; for computed ones the compounds of every community
   * concerned, their party organisations or committees, and the issuing documents.
   */
  async actuals(indicators: readonly Indicator[], asOf: string, jurisdictionId?: number): Promise<IndicatorActual[]> {
    if (!indicators.length) return [];
    const scopeOf = (i: Indicator) => jurisdictionId ?? i.scopeId;
    const tree = await loadJurisdictionTree(this.ds);
    const measured = indicators.filter((i) => !i.computed);
    const computed = indicators.filter((i) => i.computed);
    // A count adds up from the areas below, so it needs their figures; a share only its own.
    const areaOf = (i: Indicator) => (i.unit === IndicatorUnit.COUNT ? tree.subtree(scopeOf(i)) : tree.subtree(scopeOf(i)).slice(0, 1));
    const areas = new Map(measured.map((i) => [i.id, areaOf(i)]));
    const own = await this.latestMeasurements(measured, [...new Set([...areas.values()].flat().map((j) => j.id))], asOf);
    const computedActuals = computed.length ? await this.computedActuals(computed, scopeOf, asOf, tree) : new Map<number, number | null>();
    return indicators.map((i) => {
      if (i.computed) return computedActual(computedActuals.get(i.id) ?? null);
      const mine = own.get(i.id) ?? new Map<number, OwnFigure>();
      return i.unit === IndicatorUnit.COUNT ? rollUp(areas.get(i.id) ?? [], mine) : ownOnly(mine.get(scopeOf(i)));
    });
  }

  /**
   * The latest measurement on or before the date of each indicator in each jurisdiction, in one
   * statement (a row is the latest when no later one of the same indicator and place exists), so the
   * rows read are at most indicators × jurisdictions, however long the history.
   */
  private async latestMeasurements(indicators: readonly Indicator[], jurisdictionIds: number[], asOf: string): Promise<Map<number, Map<number, OwnFigure>>> {
    const out = new Map<number, Map<number, OwnFigure>>();
    if (!indicators.length || !jurisdictionIds.length) return out;
    const qb = this.ds
      .getRepository(IndicatorMeasurement)
      .createQueryBuilder('m')
      .select(['m.id', 'm.indicatorId', 'm.jurisdictionId', 'm.measuredOn', 'm.value'])
      .where('m.indicatorId IN (:...ids) AND m.measuredOn <= :asOf', { ids: indicators.map((i) => i.id), asOf });
    qb.andWhere(
      `NOT EXISTS ${qb
        .subQuery()
        .select('1')
        .from(IndicatorMeasurement, 'n')
        .where('n.indicatorId = m.indicatorId AND n.jurisdictionId = m.jurisdictionId AND n.measuredOn <= :asOf')
        .andWhere('(n.measuredOn > m.measuredOn OR (n.measuredOn = m.measuredOn AND n.id > m.id))')
        .getQuery()}`,
    );
    // The places only narrow the read; past the list bound every place of these indicators is read.
    if (jurisdictionIds.length <= MAX_PLACES_IN_LIST) qb.andWhere('m.jurisdictionId IN (:...places)', { places: jurisdictionIds });
    for (const m of await qb.getMany()) {
      const of = out.get(m.indicatorId) ?? new Map<number, OwnFigure>();
      of.set(m.jurisdictionId, { value: Number(m.value), measuredOn: m.measuredOn });
      out.set(m.indicatorId, of);
    }
    return out;
  }

  private async computedActuals(indicators: Indicator[], scopeOf: (i: Indicator) => number, asOf: string, tree: JurisdictionTree): Promise<Map<number, number | null>> {
    const communitiesUnder = (id: number): number[] => tree.subtree(id).flatMap((j) => (j.level === JurisdictionLevel.COMMUNITY ? [j.id] : []));
    const communitiesOf = new Map(indicators.map((i) => [i.id, communitiesUnder(scopeOf(i))]));
    const allCommunities = [...new Set([...communitiesOf.values()].flat())];
    const compounds = allCommunities.length ? await this.ds.getRepository(Compound).find({ where: { communityId: In(allCommunities) }, select: { id: true, communityId: true } }) : [];
    const compoundIds = compounds.map((c) => c.id);
    const needs = (m: ComputedMeasure) => indicators.some((i) => i.computed === m);
    const orgs = compoundIds.length && needs(ComputedMeasure.PARTY_ORGANIZATION_RATE) ? await this.ds.getRepository(PartyOrganization).find({ where: { compoundId: In(compoundIds) } }) : [];
    const committees =
      compoundIds.length && (needs(ComputedMeasure.OWNERS_COMMITTEE_RATE) || needs(ComputedMeasure.NEW_COMMITTEE_PARTY_SHARE))
        ? await this.ds.getRepository(OwnersCommittee).find({ where: { compoundId: In(compoundIds), kind: CommitteeKind.ELECTED } })
        : [];
    const docIds = [...new Set(indicators.filter((i) => i.computed === ComputedMeasure.NEW_COMMITTEE_PARTY_SHARE && i.sourceDocumentId).map((i) => i.sourceDocumentId!))];
    const docs = docIds.length ? await this.ds.getRepository(PolicyDocument).findBy({ id: In(docIds) }) : [];
    const issued = new Map(docs.map((d) => [d.id, d.issueDate]));
    const liveOrgs = orgs.filter((o) => inOffice(o.formedOn, o.dissolvedOn, asOf));
    const liveCommittees = committees.filter((c) => inOffice(c.formedOn, c.dissolvedOn, asOf));
    const pct = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 100 : null);

    const out = new Map<number, number | null>();
    for (const indicator of indicators) {
      const mine = new Set(communitiesOf.get(indicator.id));
      const ids = new Set(compounds.filter((c) => mine.has(c.communityId)).map((c) => c.id));
      if (!ids.size) {
        out.set(indicator.id, null);
        continue;
      }
      const current = liveCommittees.filter((c) => ids.has(c.compoundId));
      if (indicator.computed === ComputedMeasure.PARTY_ORGANIZATION_RATE) {
        out.set(indicator.id, pct(new Set(liveOrgs.filter((o) => ids.has(o.compoundId)).map((o) => o.compoundId)).size, ids.size));
      } else if (indicator.computed === ComputedMeasure.OWNERS_COMMITTEE_RATE) {
        out.set(indicator.id, pct(new Set(current.map((c) => c.compoundId)).size, ids.size));
      } else {
        // NEW_COMMITTEE_PARTY_SHARE: members of committees formed since the document was issued.
        const since = (indicator.sourceDocumentId && issued.get(indicator.sourceDocumentId)) || '0000-01-01';
        const fresh = current.filter((c) => c.formedOn >= since && c.memberCount);
        out.set(
          indicator.id,
          pct(
            fresh.reduce((n, c) => n + (c.partyMemberCount ?? 0), 0),
            fresh.reduce((n, c) => n + (c.memberCount ?? 0), 0),
          ),
        );
      }
    }
    return out;
  }

  status(indicator: Indicator, actual: number | null, asOf: string): IndicatorStatus {
    const target = Number(indicator.target);
    const met = actual !== null && (indicator.comparator === Comparator.GTE ? actual >= target : indicator.comparator === Comparator.LTE ? actual <= target : actual === target);
    if (met) return IndicatorStatus.MET;
    if (indicator.deadline && asOf > indicator.deadline) return IndicatorStatus.MISSED;
    if (actual === null) return IndicatorStatus.AT_RISK;
    if (indicator.deadline && daysBetween(asOf, indicator.deadline) <= AT_RISK_DAYS) return IndicatorStatus.AT_RISK;
    return IndicatorStatus.ON_TRACK;
  }
}
