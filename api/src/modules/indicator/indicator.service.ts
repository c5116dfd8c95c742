import { registerEnumType } from 'type-graphql';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { assertPastDate, daysBetween } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { JurisdictionLevel } from '../organization/enums';
import { loadJurisdictionTree } from '../organization/jurisdiction-tree';
import { Comparator, ComputedMeasure, Indicator, IndicatorMeasurement, IndicatorUnit } from './indicator.entities';
import { computedActual, type IndicatorActual, type OwnFigure, ownOnly, perCompoundActual, rollUp } from './indicator-rollup';
import { prepareMeasures } from './indicator-measures';
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

/** Whether a value meets the indicator's target. */
const meets = (i: Indicator, value: number): boolean => {
  const target = Number(i.target);
  return i.comparator === Comparator.GTE ? value >= target : i.comparator === Comparator.LTE ? value <= target : value === target;
};
/** Up to this many places the measurement read names them (the bound on every list argument). */
const MAX_PLACES_IN_LIST = 1000;

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
  /**
   * A per-compound indicator (每个小区) is measured compound by compound: the measurement names the
   * compound and lies in its community; any other is measured for a jurisdiction and names none.
   * Placed before the scope check, so the community it is placed in is the one checked. A null
   * jurisdictionId is no jurisdiction named (the compound's community is taken, or it is asked for).
   */
  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const { jurisdictionId, ...rest } = input;
    return super.normalize(jurisdictionId === null ? rest : input, creating);
  }

  protected async checkScope(em: EntityManager, row: IndicatorMeasurement): Promise<number | null | undefined> {
    const indicator = await em.findOneBy(Indicator, { id: row.indicatorId });
    if (indicator?.perCompound) {
      if (row.compoundId == null) throw badInput('compoundId', `${indicator.name} is set for every compound: name the compound measured`, 'REQUIRED');
      const compound = await em.findOneByOrFail(Compound, { id: row.compoundId });
      row.jurisdictionId = compound.communityId;
    } else if (indicator && row.compoundId != null) {
      throw badInput('compoundId', `${indicator.name} is measured for a jurisdiction, not compound by compound`, 'NOT_PER_COMPOUND');
    }
    if (row.jurisdictionId == null) throw badInput('jurisdictionId', 'Name the jurisdiction measured', 'REQUIRED');
    return super.checkScope(em, row);
  }

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
    const measured = indicators.filter((i) => !i.computed && !i.perCompound);
    const perCompound = indicators.filter((i) => !i.computed && i.perCompound);
    const computed = indicators.filter((i) => i.computed);
    // A count adds up from the areas below, so it needs their figures; a share only its own.
    const areaOf = (i: Indicator) => (i.unit === IndicatorUnit.COUNT ? tree.subtree(scopeOf(i)) : tree.subtree(scopeOf(i)).slice(0, 1));
    const areas = new Map(measured.map((i) => [i.id, areaOf(i)]));
    const own = await this.latestMeasurements(measured, [...new Set([...areas.values()].flat().map((j) => j.id))], asOf);
    const compounds = computed.length || perCompound.length ? await this.compoundsOf([...computed, ...perCompound], scopeOf, tree) : new Map<number, Set<number>>();
    const computedActuals = computed.length ? await this.computedActuals(computed, compounds, asOf, (i) => new Set(tree.subtree(scopeOf(i)).map((j) => j.id))) : new Map<number, number | null>();
    const perCompoundActuals = perCompound.length ? await this.perCompoundActuals(perCompound, compounds, asOf) : new Map<number, IndicatorActual>();
    return indicators.map((i) => {
      if (i.computed && i.perCompound) return perCompoundActual(computedActuals.get(i.id) ?? 0, compounds.get(i.id)?.size ?? 0);
      if (i.computed) return computedActual(computedActuals.get(i.id) ?? null);
      if (i.perCompound) return perCompoundActuals.get(i.id)!;
      const mine = own.get(i.id) ?? new Map<number, OwnFigure>();
      return i.unit === IndicatorUnit.COUNT ? rollUp(areas.get(i.id) ?? [], mine) : ownOnly(mine.get(scopeOf(i)));
    });
  }

  /** The compounds of each indicator's area (its scope, or the place asked about), in one query. */
  private async compoundsOf(indicators: Indicator[], scopeOf: (i: Indicator) => number, tree: JurisdictionTree): Promise<Map<number, Set<number>>> {
    const communitiesUnder = (id: number): number[] => tree.subtree(id).flatMap((j) => (j.level === JurisdictionLevel.COMMUNITY ? [j.id] : []));
    const communitiesOf = new Map(indicators.map((i) => [i.id, new Set(communitiesUnder(scopeOf(i)))]));
    const all = [...new Set([...communitiesOf.values()].flatMap((c) => [...c]))];
    const rows = all.length ? await this.ds.getRepository(Compound).find({ where: { communityId: In(all) }, select: { id: true, communityId: true } }) : [];
    return new Map(indicators.map((i) => [i.id, new Set(rows.filter((c) => communitiesOf.get(i.id)!.has(c.communityId)).map((c) => c.id))]));
  }

  private async computedActuals(indicators: Indicator[], compounds: Map<number, Set<number>>, asOf: string, areaOf: (i: Indicator) => Set<number>): Promise<Map<number, number | null>> {
    const all = [...new Set([...compounds.values()].flatMap((c) => [...c]))];
    const measures = await prepareMeasures(this.ds, indicators, all, asOf);
    return new Map(
      indicators.map((i) => {
        const ids = compounds.get(i.id)!;
        // measures of compounds have nothing to say of an area without any; one of companies still has
        const answers = ids.size > 0 || i.computed === ComputedMeasure.THREE_HAVE_COMPANY_COVERAGE;
        return [i.id, answers ? measures.get(i.computed!)!(i, ids, areaOf(i)) : null];
      }),
    );
  }

  /**
   * 每个小区: the latest measurement of each compound on or before the day decides whether that compound
   * meets the target; the actual is the number that do, of all compounds of the area (one never
   * measured does not).
   */
  private async perCompoundActuals(indicators: Indicator[], compounds: Map<number, Set<number>>, asOf: string): Promise<Map<number, IndicatorActual>> {
    const qb = this.ds
      .getRepository(IndicatorMeasurement)
      .createQueryBuilder('m')
      .select(['m.id', 'm.indicatorId', 'm.compoundId', 'm.measuredOn', 'm.value'])
      .where('m.indicatorId IN (:...ids) AND m.compoundId IS NOT NULL AND m.measuredOn <= :asOf', { ids: indicators.map((i) => i.id), asOf });
    qb.andWhere(
      `NOT EXISTS ${qb
        .subQuery()
        .select('1')
        .from(IndicatorMeasurement, 'n')
        .where('n.indicatorId = m.indicatorId AND n.compoundId = m.compoundId AND n.measuredOn <= :asOf')
        .andWhere('(n.measuredOn > m.measuredOn OR (n.measuredOn = m.measuredOn AND n.id > m.id))')
        .getQuery()}`,
    );
    const latest = await qb.getMany();
    return new Map(
      indicators.map((i) => {
        const ids = compounds.get(i.id)!;
        const meeting = latest.filter((m) => m.indicatorId === i.id && ids.has(m.compoundId!) && meets(i, Number(m.value))).length;
        return [i.id, perCompoundActual(meeting, ids.size)];
      }),
    );
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

  /**
   * Met when the actual meets the target (for a per-compound target: every compound meets it); missed
   * when the deadline passed without; at risk with no figure, within 30 days of the deadline, or with no
   * deadline at all (a standing target not met today is not on track: there is no later day it is
   * waiting for); on track otherwise.
   */
  status(indicator: Indicator, actual: IndicatorActual | number | null, asOf: string): IndicatorStatus {
    const detail = typeof actual === 'object' && actual !== null ? actual : null;
    const value = detail ? detail.value : (actual as number | null);
    const met = indicator.perCompound && detail ? detail.compounds !== null && detail.compounds > 0 && detail.compoundsMeeting === detail.compounds : value !== null && meets(indicator, value);
    if (met) return IndicatorStatus.MET;
    if (indicator.deadline && asOf > indicator.deadline) return IndicatorStatus.MISSED;
    if (value === null) return IndicatorStatus.AT_RISK;
    if (!indicator.deadline || daysBetween(asOf, indicator.deadline) <= AT_RISK_DAYS) return IndicatorStatus.AT_RISK;
    return IndicatorStatus.ON_TRACK;
  }
}
