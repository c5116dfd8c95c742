import { registerEnumType } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { CrudService, notBefore } from '../../common/crud.service';
import { todayInChina } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { CommitteeKind, OwnersCommittee, PartyOrganization } from '../organization/self-governance.entities';
import { PolicyDocument } from '../policy/policy-document.entity';
import { Comparator, ComputedMeasure, Indicator, IndicatorMeasurement, IndicatorUnit } from './indicator.entities';
import type { IndicatorFilter, IndicatorMeasurementFilter, OwnersCommitteeFilter, PartyOrganizationFilter } from './indicator.inputs';

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
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function checkPercent(unit: IndicatorUnit, value: number, field: string): void {
  if (unit === IndicatorUnit.PERCENT && value > 100) throw badInput(field, `${field} is a percentage: at most 100`);
  if (unit === IndicatorUnit.COUNT && !Number.isInteger(value)) throw badInput(field, `${field} is a count: a whole number`);
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
    if (next.measuredOn > todayInChina()) throw badInput('measuredOn', 'measuredOn cannot be in the future');
  }
}

/** 业委会: a term's dates in order, party members no more than members, one elected committee at a time. */
export class OwnersCommitteeService extends CrudService<OwnersCommittee, OwnersCommitteeFilter> {
  protected async validate(em: EntityManager, next: OwnersCommittee, before: OwnersCommittee | null): Promise<void> {
    if (!notBefore(next.dissolvedOn, next.formedOn)) throw badInput('dissolvedOn', 'dissolvedOn cannot be before formedOn');
    if (next.partyMemberCount != null && next.memberCount != null && next.partyMemberCount > next.memberCount) {
      throw badInput('partyMemberCount', 'partyMemberCount cannot exceed memberCount');
    }
    const qb = em
      .createQueryBuilder(OwnersCommittee, 'e')
      .where('e.compoundId = :c AND e.kind = :k', { c: next.compoundId, k: next.kind })
      .andWhere('(e.dissolvedOn IS NULL OR e.dissolvedOn >= :from)', { from: next.formedOn });
    if (next.dissolvedOn) qb.andWhere('e.formedOn <= :to', { to: next.dissolvedOn });
    if (before) qb.andWhere('e.id <> :id', { id: before.id });
    if (await qb.getExists()) throw badInput('formedOn', 'The compound already has such a committee in that period');
  }
}

export class PartyOrganizationService extends CrudService<PartyOrganization, PartyOrganizationFilter> {
  protected async validate(_em: EntityManager, next: PartyOrganization): Promise<void> {
    if (!notBefore(next.dissolvedOn, next.formedOn)) throw badInput('dissolvedOn', 'dissolvedOn cannot be before formedOn');
  }
}

/**
 * 指标实际值与状态. Where the data can answer (committee and party-organisation rates from compounds),
 * the actual is computed; otherwise it is the latest measurement on or before the date.
 */
export class IndicatorProgressService {
  constructor(private readonly ds: DataSource) {}

  /** The actuals of many indicators on one date: the jurisdiction tree is read once for all of them. */
  async actuals(indicators: readonly Indicator[], asOf: string, jurisdictionId?: number): Promise<Array<number | null>> {
    const tree = await this.ds.getRepository(Jurisdiction).find({ select: { id: true, parentId: true, level: true } });
    return Promise.all(indicators.map((i) => this.actual(i, asOf, jurisdictionId, tree)));
  }

  /** Every community under a jurisdiction (itself, when it is one). */
  private communitiesUnder(scopeId: number, all: Jurisdiction[]): number[] {
    const children = new Map<number, number[]>();
    for (const j of all) if (j.parentId != null) children.set(j.parentId, [...(children.get(j.parentId) ?? []), j.id]);
    const out: number[] = [];
    const walk = (id: number) => {
      const j = all.find((x) => x.id === id);
      if (j?.level === 'COMMUNITY') out.push(id);
      for (const c of children.get(id) ?? []) walk(c);
    };
    walk(scopeId);
    return out;
  }

  async actual(indicator: Indicator, asOf: string, jurisdictionId?: number, tree?: Jurisdiction[]): Promise<number | null> {
    const scope = jurisdictionId ?? indicator.scopeId;
    if (!indicator.computed) {
      const m = await this.ds
        .getRepository(IndicatorMeasurement)
        .createQueryBuilder('m')
        .where('m.indicatorId = :id AND m.jurisdictionId = :scope AND m.measuredOn <= :asOf', { id: indicator.id, scope, asOf })
        .orderBy('m.measuredOn', 'DESC')
        .addOrderBy('m.id', 'DESC')
        .getOne();
      return m ? Number(m.value) : null;
    }
    const all = tree ?? (await this.ds.getRepository(Jurisdiction).find({ select: { id: true, parentId: true, level: true } }));
    const communities = this.communitiesUnder(scope, all);
    const compounds = communities.length ? await this.ds.getRepository(Compound).find({ where: { communityId: In(communities) }, select: { id: true } }) : [];
    if (!compounds.length) return null;
    const ids = compounds.map((c) => c.id);
    const pct = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 100 : null);
    if (indicator.computed === ComputedMeasure.PARTY_ORGANIZATION_RATE) {
      const orgs = await this.ds.getRepository(PartyOrganization).find({ where: { compoundId: In(ids) } });
      return pct(new Set(orgs.filter((o) => inOffice(o.formedOn, o.dissolvedOn, asOf)).map((o) => o.compoundId)).size, ids.length);
    }
    const committees = await this.ds.getRepository(OwnersCommittee).find({ where: { compoundId: In(ids), kind: CommitteeKind.ELECTED } });
    const current = committees.filter((c) => inOffice(c.formedOn, c.dissolvedOn, asOf));
    if (indicator.computed === ComputedMeasure.OWNERS_COMMITTEE_RATE) return pct(new Set(current.map((c) => c.compoundId)).size, ids.length);
    // NEW_COMMITTEE_PARTY_SHARE: members of committees formed since the document was issued.
    const doc = indicator.sourceDocumentId ? await this.ds.getRepository(PolicyDocument).findOneBy({ id: indicator.sourceDocumentId }) : null;
    const since = doc?.issueDate ?? '0000-01-01';
    const fresh = current.filter((c) => c.formedOn >= since && c.memberCount);
    return pct(fresh.reduce((s, c) => s + (c.partyMemberCount ?? 0), 0), fresh.reduce((s, c) => s + (c.memberCount ?? 0), 0));
  }

  status(indicator: Indicator, actual: number | null, asOf: string): IndicatorStatus {
    const target = Number(indicator.target);
    const met =
      actual !== null &&
      (indicator.comparator === Comparator.GTE ? actual >= target : indicator.comparator === Comparator.LTE ? actual <= target : actual === target);
    if (met) return IndicatorStatus.MET;
    if (indicator.deadline && asOf > indicator.deadline) return IndicatorStatus.MISSED;
    if (actual === null) return IndicatorStatus.AT_RISK;
    if (indicator.deadline && daysBetween(asOf, indicator.deadline) <= AT_RISK_DAYS) return IndicatorStatus.AT_RISK;
    return IndicatorStatus.ON_TRACK;
  }
}
