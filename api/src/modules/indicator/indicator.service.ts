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
import type { IndicatorFilter, IndicatorMeasurementFilter } from './indicator.inputs';

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
 * the actual is computed; otherwise it is the latest measurement on or before the date.
 */
export class IndicatorProgressService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The actuals of many indicators on one date, with a fixed number of queries whatever their
   * number: one for the latest measurements; for computed ones the jurisdiction tree, the compounds
   * of every community concerned, their party organisations or committees, and the issuing documents.
   */
  async actuals(indicators: readonly Indicator[], asOf: string, jurisdictionId?: number): Promise<Array<number | null>> {
    const scopeOf = (i: Indicator) => jurisdictionId ?? i.scopeId;
    const measured = indicators.filter((i) => !i.computed);
    const computed = indicators.filter((i) => i.computed);
    const latest = new Map<number, number>();
    if (measured.length) {
      const rows = await this.ds
        .getRepository(IndicatorMeasurement)
        .createQueryBuilder('m')
        .where('m.indicatorId IN (:...ids) AND m.measuredOn <= :asOf', { ids: measured.map((i) => i.id), asOf })
        .andWhere('m.jurisdictionId IN (:...scopes)', { scopes: [...new Set(measured.map(scopeOf))] })
        .orderBy('m.measuredOn', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .getMany();
      const wanted = new Map(measured.map((i) => [i.id, scopeOf(i)]));
      for (const m of rows) if (wanted.get(m.indicatorId) === m.jurisdictionId) latest.set(m.indicatorId, Number(m.value)); // ascending: the last one wins
    }
    const computedActual = computed.length ? await this.computedActuals(computed, scopeOf, asOf) : new Map<number, number | null>();
    return indicators.map((i) => (i.computed ? (computedActual.get(i.id) ?? null) : (latest.get(i.id) ?? null)));
  }

  private async computedActuals(indicators: Indicator[], scopeOf: (i: Indicator) => number, asOf: string): Promise<Map<number, number | null>> {
    const tree = await loadJurisdictionTree(this.ds);
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
