import { type EntityMetadata, In } from 'typeorm';
import { todayInChina } from '../../common/dates';
import { columnProblem } from '../../common/input-limits';
import { headerOf, readRow, RowError } from '../../common/sheet-import/layout';
import type { SheetImport } from '../../common/sheet-import/sheet-import';
import { fieldChange as change, ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import type { Compound } from '../organization/compound.entity';
import { compoundFinder, type SheetCompound } from '../organization/compound-sheet';
import { DISCLOSURE_SHEET } from './disclosure.sheet';
import type { DisclosureImportRow, DisclosureSheetRowInput } from './disclosure-import.types';
import { disclosureDueOn, DisclosureStatus, disclosureStatus, quarterEndsOn } from './public-revenue.rules';
import { RevenueDisclosure } from './revenue-disclosure.entity';

interface DisclosureContext {
  today: string;
  /** Each row's compound, or why it has none (by row index). */
  found: Map<number, SheetCompound | RowError>;
  recorded: Map<string, RevenueDisclosure>;
  seen: Map<string, number>;
  meta: EntityMetadata;
}

interface DisclosureChange {
  compound: Compound;
  disclosure: RevenueDisclosure | null;
  next: Pick<RevenueDisclosure, 'year' | 'quarter' | 'disclosedOn' | 'evidence' | 'summary'>;
}

type Disclosures = {
  args: object;
  input: DisclosureSheetRowInput;
  context: DisclosureContext;
  row: DisclosureImportRow;
  change: DisclosureChange;
  figures: { late: number; compounds: number };
};

const header = (field: string) => headerOf(DISCLOSURE_SHEET, field);
const keyOf = (compoundId: number, year: number, quarter: number) => `${compoundId}|${year}|${quarter}`;
const FIELDS = ['disclosedOn', 'evidence', 'summary'] as const;

/** A blank 社区 takes the row above's (a merged cell). */
function continueCommunity(rows: DisclosureSheetRowInput[]): Array<Record<string, unknown>> {
  let above = '';
  return rows.map((r) => {
    const own = String(r.community ?? '').trim();
    if (own) above = own;
    return { ...r, community: own || above };
  });
}

/**
 * 公共收益公示台账导入: a sheet of quarterly public-revenue postings (001 三(三)1, 000 附件 三(一)), one row per
 * compound and quarter, against what is recorded. The compound is found by name in the named community
 * among those the importer may record facts of (organization/compound-sheet.ts).
 *
 * - The rules of a disclosure entered by hand hold for every row: a quarter is posted once it is over
 *   (BEFORE_QUARTER_END), not on a day still to come (FUTURE_DATE).
 * - A quarter recorded for the compound is updated, never duplicated: a different 公示日期 or 公示佐证
 *   replaces the recorded one, a blank 公示内容 leaves it. Two rows for one compound and quarter: the second
 *   is a DUPLICATE_ROW.
 * - The preview says per row its due day and whether it was posted on time or late (a LATE note), and
 *   how many rows are late; committing writes everything in one transaction with one audit event,
 *   only when no row is rejected. The same sheet imported again changes nothing.
 */
export const disclosureImport: SheetImport<Disclosures> = {
  layout: DISCLOSURE_SHEET,
  action: 'IMPORT_REVENUE_DISCLOSURES',
  entityType: 'RevenueDisclosure',

  async load(em, _args, rows) {
    const read = continueCommunity(rows).map((cells) => readRow(DISCLOSURE_SHEET, cells).values);
    const { find, compounds } = await compoundFinder(em, DISCLOSURE_SHEET, read, RevenueDisclosure);
    const found = new Map<number, SheetCompound | RowError>();
    read.forEach((v, i) => {
      try {
        found.set(i, find(v.community, v.compound));
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        found.set(i, err);
      }
    });
    const recorded = compounds.length ? await em.find(RevenueDisclosure, { where: { compoundId: In(compounds.map((c) => c.id)) } }) : [];
    return {
      today: todayInChina(),
      found,
      recorded: new Map(recorded.map((d) => [keyOf(d.compoundId, d.year, d.quarter), d])),
      seen: new Map(),
      meta: em.connection.getMetadata(RevenueDisclosure),
    };
  },

  describe: (values) => ({
    community: (values.community as string | null) ?? null,
    compound: (values.compound as string | null) ?? null,
    year: (values.year as number | null) ?? null,
    quarter: (values.quarter as number | null) ?? null,
    disclosedOn: (values.disclosedOn as string | null) ?? null,
    dueOn: null,
    disclosureStatus: null,
    changes: [],
    compoundId: null,
    disclosureId: null,
  }),

  plan({ index, values, input, answer: row }, ctx) {
    const at = ctx.found.get(index)!;
    if (at instanceof RowError) throw at;
    const { compound, community } = at;
    Object.assign(row, { community, compound: compound.name, compoundId: String(compound.id) });
    const year = values.year as number;
    const quarter = values.quarter as number;
    const disclosedOn = values.disclosedOn as string;
    row.dueOn = disclosureDueOn(year, quarter);
    const ends = quarterEndsOn(year, quarter);
    if (disclosedOn < ends) throw new RowError('BEFORE_QUARTER_END', 'disclosedOn', `${year} Q${quarter} is disclosed once it is over (from ${ends})`);
    if (disclosedOn > ctx.today) throw new RowError('FUTURE_DATE', 'disclosedOn', `${disclosedOn} is in the future: record a disclosure once it is posted`);
    // as MySQL counts them (code points), against the disclosure's columns
    for (const field of ['evidence', 'summary'] as const) {
      const p = columnProblem(ctx.meta, ctx.meta.findColumnWithPropertyName(field)!, values[field]);
      if (p) throw new RowError(p.reason, field, `${header(field)} ${p.text}`);
    }
    const key = keyOf(compound.id, year, quarter);
    const first = ctx.seen.get(key);
    if (first !== undefined) throw new RowError('DUPLICATE_ROW', 'quarter', `${compound.name} ${year} Q${quarter} is on line ${first} too`);
    ctx.seen.set(key, input.line);

    const disclosure = ctx.recorded.get(key) ?? null;
    const next: DisclosureChange['next'] = {
      year,
      quarter,
      disclosedOn,
      evidence: values.evidence as string,
      summary: (values.summary as string | null) ?? disclosure?.summary ?? null,
    };
    row.disclosureStatus = disclosureStatus(year, quarter, disclosedOn, disclosedOn);
    if (disclosure) {
      row.disclosureId = String(disclosure.id);
      for (const field of FIELDS) if (disclosure[field] !== next[field]) row.changes.push(change(field, disclosure[field], next[field]));
    }
    const status = !disclosure ? ImportRowStatus.ADD : row.changes.length ? ImportRowStatus.CHANGE : ImportRowStatus.UNCHANGED;
    const note = row.disclosureStatus === DisclosureStatus.LATE ? { code: 'LATE', message: `Disclosed ${disclosedOn}, after it was due on ${row.dueOn}: recorded as late` } : undefined;
    return { status, change: { compound, disclosure, next }, note };
  },

  summarise(planned) {
    return {
      late: planned.filter((p) => p.row.disclosureStatus === DisclosureStatus.LATE).length,
      compounds: new Set(planned.map((p) => p.change.compound.id)).size,
    };
  },

  async apply(em, planned, _ctx, answer) {
    const fresh = planned.filter((p) => !p.change.disclosure);
    const changed = planned.filter((p) => p.change.disclosure && p.row.status === ImportRowStatus.CHANGE);
    if (fresh.length) {
      const saved = await em.save(
        RevenueDisclosure,
        fresh.map((p) => em.create(RevenueDisclosure, { ...p.change.next, compoundId: p.change.compound.id, communityId: p.change.compound.communityId })),
      );
      fresh.forEach((p, i) => (p.row.disclosureId = String(saved[i].id)));
    }
    if (changed.length)
      await em.save(
        RevenueDisclosure,
        changed.map((p) => Object.assign(p.change.disclosure!, p.change.next)),
      );
    const ids = planned.map((p) => Number(p.row.disclosureId));
    return {
      entityId: ids[0],
      after: { added: answer.added, changed: answer.changed, unchanged: answer.unchanged, late: answer.late, disclosures: ids },
    };
  },
};
