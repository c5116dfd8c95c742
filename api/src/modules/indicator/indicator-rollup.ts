import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { JurisdictionLevel } from '../organization/enums';
import type { JurisdictionNode } from '../organization/jurisdiction-tree';

/*
 * 指标汇总: how a jurisdiction's actual is made from the measurements typed for it and for the areas
 * below it (community → street → county → city).
 *
 * - A measurement typed for the jurisdiction itself (the latest on or before the date) is its actual.
 * - Otherwise, for an indicator whose measure adds up (a count: unit COUNT), the actual is the sum of
 *   the actuals of the jurisdictions directly below, each of them found the same way (its own
 *   measurement, else the sum of the areas below it). Areas with no figure count as not reported, not
 *   as 0: the answer says how many reported (`reported` of `below`, and in communities).
 * - A share or rate typed by hand (unit PERCENT) is not rolled up: a measurement holds the percentage
 *   only, not its numerator and denominator, and averaging percentages of areas of different sizes
 *   gives a wrong figure. Such an indicator has an actual only where one was typed. (The rates the
 *   system computes from compounds, `Indicator.computed`, are recomputed from their parts over the
 *   whole area instead; see IndicatorProgressService.)
 * - Both typed for the jurisdiction and below it: the jurisdiction's own figure wins, whatever the
 *   dates. The office of an area answers for its whole area, and the areas below may have reported only
 *   in part; the sum of the parts is still given beside it (`rolledUp`) so a difference shows. The same
 *   rule holds at every level: a street that typed its own figure contributes that figure to its
 *   county, not its communities' sum.
 */

/** Where an indicator's actual comes from. */
export enum ActualSource {
  MEASURED = 'MEASURED',
  ROLLED_UP = 'ROLLED_UP',
  COMPUTED = 'COMPUTED',
  NONE = 'NONE',
}
registerEnumType(ActualSource, {
  name: 'ActualSource',
  description: 'How the actual was obtained',
  valuesConfig: {
    MEASURED: { description: 'Typed for this jurisdiction (the latest measurement on or before the date)' },
    ROLLED_UP: { description: 'Added up from the jurisdictions below it (counts only), none typed for this one' },
    COMPUTED: { description: 'Computed from the records of the area’s compounds (Indicator.computed), or, for a per-compound target, the compounds meeting it' },
    NONE: { description: 'No figure: nothing typed here, and nothing below, or a share that cannot be added up' },
  },
});

/** 实际值及其来源: an indicator's actual in one jurisdiction on one date, and how it was obtained. */
@ObjectType({ description: 'An indicator’s actual in a jurisdiction on a date, and how it was obtained' })
export class IndicatorActual {
  @Field(() => Float, { nullable: true, description: 'The actual (the same as Indicator.actual)' })
  value: number | null;

  @Field(() => ActualSource)
  source: ActualSource;

  @Field(() => Boolean, { description: 'Whether typed figures of the jurisdictions below add up into this one (counts); false for shares and rates, and for computed indicators' })
  rollsUp: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The date of the measurement typed for this jurisdiction, when there is one' })
  measuredOn: string | null;

  @Field(() => Float, { nullable: true, description: 'The sum of the jurisdictions below, also when a figure typed here wins (null: nothing below reported, or it does not add up)' })
  rolledUp: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'The oldest measurement in the sum: the roll-up is no fresher than this' })
  rolledUpOldestOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Jurisdictions directly below with a figure (typed, or rolled up themselves); null when it does not add up' })
  reported: number | null;

  @Field(() => Int, { nullable: true, description: 'Jurisdictions directly below; null when it does not add up' })
  below: number | null;

  @Field(() => JurisdictionLevel, { nullable: true, description: 'Their level (the level of the first of them)' })
  belowLevel: JurisdictionLevel | null;

  @Field(() => Int, { nullable: true, description: 'Communities (社区/村) below whose figure is in the sum, directly or through a figure typed for their street or county' })
  communitiesReported: number | null;

  @Field(() => Int, { nullable: true, description: 'Communities (社区/村) below' })
  communities: number | null;

  @Field(() => Int, { nullable: true, description: '每个小区: compounds of the area meeting the target (by their latest measurement); null unless the indicator is set per compound' })
  compoundsMeeting: number | null;

  @Field(() => Int, { nullable: true, description: '每个小区: compounds of the area; null unless the indicator is set per compound' })
  compounds: number | null;
}

/** The latest measurement of one indicator typed for one jurisdiction, on or before the date asked. */
export interface OwnFigure {
  value: number;
  measuredOn: string;
}

/** Sums of DECIMAL(12,2) values, kept to their two places (no 0.30000000000000004). */
const cents = (v: number) => Math.round(v * 100) / 100;

/** An answer with nothing rolled up: a figure typed for the jurisdiction, or none. */
export function ownOnly(own: OwnFigure | undefined): IndicatorActual {
  return Object.assign(new IndicatorActual(), {
    value: own?.value ?? null,
    source: own ? ActualSource.MEASURED : ActualSource.NONE,
    rollsUp: false,
    measuredOn: own?.measuredOn ?? null,
    rolledUp: null,
    rolledUpOldestOn: null,
    reported: null,
    below: null,
    belowLevel: null,
    communitiesReported: null,
    communities: null,
    compoundsMeeting: null,
    compounds: null,
  });
}

/** A per-compound target: how many of the area's compounds meet it (the value), of how many. */
export function perCompoundActual(meeting: number, compounds: number): IndicatorActual {
  return Object.assign(ownOnly(undefined), { value: compounds ? meeting : null, source: compounds ? ActualSource.COMPUTED : ActualSource.NONE, compoundsMeeting: meeting, compounds });
}

/** A computed actual (from compounds), which is already a figure of the whole area. */
export function computedActual(value: number | null): IndicatorActual {
  return Object.assign(ownOnly(undefined), { value, source: value === null ? ActualSource.NONE : ActualSource.COMPUTED });
}

interface Figure {
  value: number;
  /** Communities whose figure is inside this one. */
  covered: number;
  oldest: string;
}

/**
 * The actual of a count indicator in `nodes[0]`, from the latest figures typed for it and the areas
 * below. `nodes` is that jurisdiction's subtree (loadJurisdictionTree's `subtree`, the area first);
 * `own` the latest figure typed per jurisdiction. Pure: the caller reads the tree and the
 * measurements once for all indicators.
 */
export function rollUp(nodes: readonly JurisdictionNode[], own: ReadonlyMap<number, OwnFigure>): IndicatorActual {
  const [root] = nodes;
  if (!root) return Object.assign(ownOnly(undefined), { rollsUp: true });
  const kids = new Map<number, JurisdictionNode[]>();
  for (const n of nodes) if (n.id !== root.id && n.parentId !== null) kids.set(n.parentId, [...(kids.get(n.parentId) ?? []), n]);

  const communityMemo = new Map<number, number>();
  /** Communities in the area, itself included. */
  const communitiesIn = (n: JurisdictionNode): number => {
    let c = communityMemo.get(n.id);
    if (c === undefined) {
      c = (n.level === JurisdictionLevel.COMMUNITY ? 1 : 0) + (kids.get(n.id) ?? []).reduce((s, k) => s + communitiesIn(k), 0);
      communityMemo.set(n.id, c);
    }
    return c;
  };

  /** The sum of the areas directly below `n`, each by its own figure else its own roll-up. */
  const sumBelow = (n: JurisdictionNode): { figure: Figure | null; reported: number } => {
    let value = 0;
    let covered = 0;
    let oldest: string | null = null;
    let reported = 0;
    for (const k of kids.get(n.id) ?? []) {
      const f = figureOf(k);
      if (!f) continue;
      reported++;
      value += f.value;
      covered += f.covered;
      if (oldest === null || f.oldest < oldest) oldest = f.oldest;
    }
    return { figure: oldest === null ? null : { value: cents(value), covered, oldest }, reported };
  };
  const figureOf = (n: JurisdictionNode): Figure | null => {
    const typed = own.get(n.id);
    if (typed) return { value: typed.value, covered: communitiesIn(n), oldest: typed.measuredOn };
    return sumBelow(n).figure;
  };

  const typed = own.get(root.id);
  const below = kids.get(root.id) ?? [];
  const { figure, reported } = sumBelow(root);
  const source = typed ? ActualSource.MEASURED : figure ? ActualSource.ROLLED_UP : ActualSource.NONE;
  return Object.assign(new IndicatorActual(), {
    value: typed ? typed.value : (figure?.value ?? null),
    source,
    rollsUp: true,
    measuredOn: typed?.measuredOn ?? null,
    rolledUp: figure?.value ?? null,
    rolledUpOldestOn: figure?.oldest ?? null,
    reported,
    below: below.length,
    belowLevel: below[0]?.level ?? null,
    communitiesReported: figure?.covered ?? 0,
    communities: communitiesIn(root) - (root.level === JurisdictionLevel.COMMUNITY ? 1 : 0),
    compoundsMeeting: null,
    compounds: null,
  });
}
