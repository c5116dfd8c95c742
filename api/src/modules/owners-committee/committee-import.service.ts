import { type EntityManager, type EntityMetadata, In } from 'typeorm';
import { dayBefore, todayInChina } from '../../common/dates';
import { columnProblem } from '../../common/input-limits';
import { headerOf, readRow, RowError } from '../../common/sheet-import/layout';
import type { Planned, SheetImport } from '../../common/sheet-import/sheet-import';
import { fieldChange as change, ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import { Compound } from '../organization/compound.entity';
import { compoundFinder, type SheetCompound } from '../organization/compound-sheet';
import { CommitteeMember } from './committee-member.entity';
import { recountMembers } from './committee-member.service';
import type { CommitteeRole, PoliticalStatus } from './committee.enums';
import * as rules from './committee.rules';
import { COMMITTEE_FIELDS, COMMITTEE_SHEET } from './committee.sheet';
import type { CommitteeImportCommittee, CommitteeImportRow, CommitteeSheetRowInput } from './committee-import.types';
import { type CommitteeKind, OwnersCommittee } from './owners-committee.entity';

type CommitteeField = (typeof COMMITTEE_FIELDS)[number];

/** One committee the sheet names: a compound and a formation day, its cells as the rows give them. */
interface Group {
  compound: Compound;
  community: string;
  formedOn: string;
  /** The committee's cells from the sheet (null: no row gives one) and the row that first gives each. */
  sheet: Record<CommitteeField, string | null>;
  setBy: Partial<Record<CommitteeField, number>>;
  indexes: number[];
  existing: OwnersCommittee | null;
  members: CommitteeMember[];
  problem: RowError | null;
  /** A new committee followed by a later one of its kind is closed the day before that one forms. */
  dissolvedOn: string | null;
  /** The recorded committee of its kind it succeeds, closed the day before it forms. */
  closes: OwnersCommittee | null;
  seen: Set<string>;
  summary?: CommitteeImportCommittee;
}

interface MemberValues {
  name: string;
  role: CommitteeRole;
  politicalStatus: PoliticalStatus;
  building: string | null;
  phone: string | null;
  contactPublic: boolean | null;
}

/** What committing a row writes: the member as it will be (a new one when `member` is null). */
interface MemberChange {
  group: Group;
  member: CommitteeMember | null;
  next: Pick<CommitteeMember, 'name' | 'role' | 'politicalStatus' | 'building' | 'phone' | 'contactPublic'>;
}

interface CommitteeContext {
  groupOf: Map<number, Group>;
  problems: Map<number, RowError>;
  memberMeta: EntityMetadata;
}

type Committees = {
  args: object;
  input: CommitteeSheetRowInput;
  context: CommitteeContext;
  row: CommitteeImportRow;
  change: MemberChange;
  figures: { committees: CommitteeImportCommittee[] };
};
type Row = Planned<Committees>;

const header = (field: string) => headerOf(COMMITTEE_SHEET, field);
const fold = (s: unknown) => String(s ?? '').trim();
/** A blank 社区, 小区 or 成立日期 continues the row above (merged cells); 成立日期 only while the row stays in the same compound. */
const CONTINUED = ['community', 'compound'] as const;

/**
 * 业委会名册导入: a sheet of owners' committees, one row per member, against what is recorded. Rows are
 * grouped into committees by compound and formation day (成立日期). The compound is found by name in
 * the named community among the compounds the importer may see, and must be one they may record
 * facts of (common/scope.ts: a community's staff their own community only); otherwise the row is
 * rejected without saying more about other offices' compounds.
 *
 * - A committee recorded with the same compound and formation day is updated, never duplicated:
 *   a given 任期届满 / 备案日期 replaces the recorded one, a blank one leaves it. Its 类型 cannot change
 *   here (KIND_DIFFERS: correct it on the committee's page).
 * - Members are matched by name within the committee: a match is updated (职务, 政治面貌; 楼栋, 联系电话
 *   and 是否同意公开 where given), anyone else is added. Recorded members the sheet leaves out are
 *   kept: a member leaves by the owners' meeting (removedOn), not by a missing row. A member recorded
 *   as having left is not brought back by a sheet (MEMBER_REMOVED).
 * - A new committee succeeds the one of its kind serving before it (re-election): that one is closed
 *   the day before (dissolvedOn), as the one-at-a-time rule of OwnersCommitteeService asks; a
 *   predecessor already closed after the new formation day is an OVERLAP.
 * - The preview says per row what happens to the member, and per committee the members added and
 *   changed and the party share they will make (committee.rules.ts); committing writes everything in
 *   one transaction with one audit event, and only when no row is rejected. The same sheet imported
 *   again changes nothing.
 */
export const committeeImport: SheetImport<Committees> = {
  layout: COMMITTEE_SHEET,
  action: 'IMPORT_COMMITTEES',
  entityType: 'OwnersCommittee',

  async load(em, _args, rows) {
    const today = todayInChina();
    const problems = new Map<number, RowError>();
    const read = continueMergedCells(rows).map((cells) => readRow(COMMITTEE_SHEET, cells));

    const { find, compounds } = await compoundFinder(
      em,
      COMMITTEE_SHEET,
      read.map((r) => r.values),
      OwnersCommittee,
    );
    const committees = compounds.length ? await em.find(OwnersCommittee, { where: { compoundId: In(compounds.map((c) => c.id)) }, order: { formedOn: 'ASC', id: 'ASC' } }) : [];
    const members = committees.length ? await em.find(CommitteeMember, { where: { committeeId: In(committees.map((c) => c.id)) }, order: { id: 'ASC' } }) : [];

    const groups = new Map<string, Group>();
    const groupOf = new Map<number, Group>();
    read.forEach(({ values: v, error }, i) => {
      const at = (field: string) => (error?.field === field ? error : null);
      const fail = (code: string, field: string, message: string) => problems.set(i, new RowError(code, field, message));
      if (!v.community) return at('community') ? problems.set(i, error!) : fail('COMMUNITY_REQUIRED', 'community', `${header('community')} is empty`);
      if (!v.compound) return fail('COMPOUND_REQUIRED', 'compound', `${header('compound')} is empty`);
      if (!v.formedOn) return at('formedOn') ? problems.set(i, error!) : fail('FORMED_ON_REQUIRED', 'formedOn', `${header('formedOn')} is empty`);
      let found: SheetCompound;
      try {
        found = find(v.community, v.compound);
      } catch (err) {
        if (err instanceof RowError) return problems.set(i, err);
        throw err;
      }
      const { compound, community } = found;
      const formedOn = v.formedOn as string;
      if (formedOn > today) return fail('FUTURE_DATE', 'formedOn', `${formedOn} is in the future: record a committee once it is formed`);
      const key = `${compound.id}|${formedOn}`;
      const group = groups.get(key) ?? newGroup(compound, community, formedOn);
      groups.set(key, group);
      for (const field of COMMITTEE_FIELDS) {
        const value = v[field] as string | null;
        if (value === null) continue;
        const known = group.sheet[field];
        if (known === null) {
          group.sheet[field] = value;
          group.setBy[field] = i;
        } else if (known !== value) {
          const line = rows[group.setBy[field]!].line;
          return fail('COMMITTEE_MISMATCH', field, `${header(field)} is ${known} on line ${line} for the same committee (${compound.name}, ${formedOn})`);
        }
      }
      group.indexes.push(i);
      groupOf.set(i, group);
    });

    for (const group of groups.values()) group.problem = checkCommittee(group, committees, members, today);
    succeed([...groups.values()], committees);
    return { groupOf, problems, memberMeta: em.connection.getMetadata(CommitteeMember) };
  },

  describe: (values) => ({
    community: (values.community as string | null) ?? null,
    compound: (values.compound as string | null) ?? null,
    formedOn: (values.formedOn as string | null) ?? null,
    name: (values.name as string | null) ?? null,
    role: (values.role as CommitteeRole | null) ?? null,
    politicalStatus: (values.politicalStatus as PoliticalStatus | null) ?? null,
    changes: [],
    committeeId: null,
    memberId: null,
  }),

  plan({ index, values, answer: row }, ctx) {
    const problem = ctx.problems.get(index);
    if (problem) throw problem;
    const group = ctx.groupOf.get(index)!; // a row without a problem joined its committee
    Object.assign(row, { community: group.community, compound: group.compound.name, formedOn: group.formedOn, committeeId: group.existing ? String(group.existing.id) : null });
    if (group.problem) throw group.problem;
    const v = values as unknown as MemberValues;
    // as MySQL counts them (code points), against the member's columns
    for (const field of ['name', 'building', 'phone'] as const) {
      const column = ctx.memberMeta.findColumnWithPropertyName(field)!;
      const p = columnProblem(ctx.memberMeta, column, v[field]);
      if (p) throw new RowError(p.reason, field, `${header(field)} ${p.text}`);
    }
    if (group.seen.has(v.name)) throw new RowError('DUPLICATE_ROW', 'name', `${v.name} appears twice for the committee of ${group.compound.name} formed ${group.formedOn}`);
    group.seen.add(v.name);

    const namesakes = group.members.filter((m) => fold(m.name).replace(/\s+/g, ' ') === v.name);
    if (namesakes.length > 1) throw new RowError('AMBIGUOUS_MEMBER', 'name', `${namesakes.length} members of this committee are called ${v.name}; change this one by hand`);
    const member = namesakes[0] ?? null;
    if (member?.removedOn) throw new RowError('MEMBER_REMOVED', 'name', `${v.name} left the committee on ${member.removedOn}; a sheet does not bring a member back`);
    const next: MemberChange['next'] = {
      name: member?.name ?? v.name,
      role: v.role,
      politicalStatus: v.politicalStatus,
      building: v.building ?? member?.building ?? null,
      phone: v.phone ?? member?.phone ?? null,
      contactPublic: v.contactPublic ?? member?.contactPublic ?? false,
    };
    if (member) {
      row.memberId = String(member.id);
      for (const field of ['role', 'politicalStatus', 'building', 'phone', 'contactPublic'] as const) {
        if (member[field] !== next[field]) row.changes.push(change(field, member[field], next[field]));
      }
    }
    if (group.existing) {
      for (const field of COMMITTEE_FIELDS) {
        if (group.setBy[field] === index && group.existing[field] !== group.sheet[field]) row.changes.push(change(field, group.existing[field], group.sheet[field]));
      }
    }
    const note =
      group.closes && index === group.indexes[0] ? { code: 'CLOSES_PREDECESSOR', message: `The committee formed ${group.closes.formedOn} will be closed on ${dayBefore(group.formedOn)}` } : undefined;
    const status = !member ? ImportRowStatus.ADD : row.changes.length ? ImportRowStatus.CHANGE : ImportRowStatus.UNCHANGED;
    return { status, change: { group, member, next }, note };
  },

  summarise(planned) {
    return { committees: [...byGroup(planned).entries()].map(([group, rows]) => summarise(group, rows)) };
  },

  async apply(em, planned, _ctx, answer) {
    const written: Array<Record<string, unknown>> = [];
    for (const [group, rows] of byGroup(planned)) {
      const committee = await writeCommittee(em, group);
      const fresh = rows.filter((r) => !r.change.member);
      const changed = rows.filter((r) => r.change.member && r.row.status === ImportRowStatus.CHANGE);
      if (fresh.length) {
        const saved = await em.save(
          CommitteeMember,
          fresh.map((r) => em.create(CommitteeMember, { ...blankMember, ...r.change.next, committeeId: committee.id })),
        );
        fresh.forEach((r, i) => (r.row.memberId = String(saved[i].id)));
      }
      if (changed.length)
        await em.save(
          CommitteeMember,
          changed.map((r) => Object.assign(r.change.member!, r.change.next)),
        );
      await recountMembers(em, committee.id);
      for (const r of rows) r.row.committeeId = String(committee.id);
      group.summary!.committeeId = String(committee.id);
      written.push({
        id: committee.id,
        compoundId: group.compound.id,
        formedOn: group.formedOn,
        status: group.summary!.status,
        added: fresh.length,
        changed: changed.length,
        closes: group.closes?.id ?? null,
      });
    }
    return {
      entityId: Number(answer.committees[0]?.committeeId ?? written[0]?.id),
      after: { added: answer.added, changed: answer.changed, unchanged: answer.unchanged, committees: written },
      answer: { committees: answer.committees },
    };
  },
};

const blankMember = { servedFrom: null, servedTo: null, pledge: null, photoRef: null, suspendedOn: null, suspensionReason: null, removedOn: null };

/** The rows with a blank 社区 or 小区 take the row above's; a blank 成立日期 too while the compound is the one above. */
function continueMergedCells(rows: CommitteeSheetRowInput[]): Array<Record<string, unknown>> {
  const above: Record<string, string> = {};
  return rows.map((r) => {
    const cells: Record<string, unknown> = { ...r };
    const sameCompound = !fold(r.compound) || (fold(r.compound) === above.compound && (!fold(r.community) || fold(r.community) === above.community));
    for (const field of [...CONTINUED, 'formedOn'] as const) {
      const own = fold(r[field]);
      if (own) above[field] = own;
      else if (above[field] && (field !== 'formedOn' || sameCompound)) cells[field] = above[field];
    }
    return cells;
  });
}

function newGroup(compound: Compound, community: string, formedOn: string): Group {
  return {
    compound,
    community,
    formedOn,
    sheet: { kind: null, termEndsOn: null, filedOn: null },
    setBy: {},
    indexes: [],
    existing: null,
    members: [],
    problem: null,
    dissolvedOn: null,
    closes: null,
    seen: new Set(),
  };
}

/**
 * The recorded committee of the compound formed that day (by kind where two were), and the
 * committee's own rules as OwnersCommitteeService applies them: its kind known and unchanged, its
 * dates in order and not ahead of today.
 */
function checkCommittee(group: Group, committees: OwnersCommittee[], members: CommitteeMember[], today: string): RowError | null {
  const { kind, termEndsOn, filedOn } = group.sheet;
  const same = committees.filter((c) => c.compoundId === group.compound.id && c.formedOn === group.formedOn);
  group.existing = same.length === 1 ? same[0] : kind ? (same.find((c) => c.kind === kind) ?? null) : null;
  if (same.length > 1 && !group.existing) return new RowError('KIND_REQUIRED', 'kind', `${group.compound.name} has two committees formed ${group.formedOn}: say which by ${header('kind')}`);
  const existing = group.existing;
  if (existing) group.members = members.filter((m) => m.committeeId === existing.id);
  if (existing && kind && existing.kind !== kind)
    return new RowError('KIND_DIFFERS', 'kind', `The committee of ${group.compound.name} formed ${group.formedOn} is recorded as ${existing.kind}: change its kind on its page`);
  if (!existing && !kind) return new RowError('KIND_REQUIRED', 'kind', `${header('kind')} is empty for a new committee`);
  if (termEndsOn && termEndsOn <= group.formedOn) return new RowError('END_BEFORE_START', 'termEndsOn', `The term ends (${termEndsOn}) after the committee is formed (${group.formedOn})`);
  if (filedOn && filedOn < group.formedOn) return new RowError('END_BEFORE_START', 'filedOn', `A committee is filed (${filedOn}) after it is formed (${group.formedOn})`);
  if (filedOn && filedOn > today) return new RowError('FUTURE_DATE', 'filedOn', `${filedOn} is in the future: record the filing once it is made`);
  return null;
}

/**
 * One committee of a kind serves a compound at a time: within each compound and kind, a new
 * committee closes the recorded one serving before it (the day before it forms) and is itself
 * closed by a later one; a predecessor recorded as serving past the new formation day overlaps it.
 */
function succeed(groups: Group[], committees: OwnersCommittee[]): void {
  const fresh = groups.filter((g) => !g.existing && !g.problem);
  for (const group of fresh) {
    const kind = group.sheet.kind as CommitteeKind;
    const timeline = [
      ...committees.filter((c) => c.compoundId === group.compound.id && c.kind === kind).map((c) => ({ formedOn: c.formedOn, recorded: c })),
      ...fresh.filter((g) => g.compound.id === group.compound.id && g.sheet.kind === kind).map((g) => ({ formedOn: g.formedOn, recorded: null })),
    ].sort((a, b) => (a.formedOn < b.formedOn ? -1 : a.formedOn > b.formedOn ? 1 : 0));
    const at = timeline.findIndex((t) => !t.recorded && t.formedOn === group.formedOn);
    const next = timeline[at + 1];
    if (next) group.dissolvedOn = dayBefore(next.formedOn);
    const prev = timeline[at - 1]?.recorded;
    if (!prev) continue;
    if (prev.dissolvedOn === null) group.closes = prev;
    else if (prev.dissolvedOn >= group.formedOn)
      group.problem = new RowError('OVERLAP', 'formedOn', `The committee formed ${prev.formedOn} is recorded as serving until ${prev.dissolvedOn}, after this one was formed`);
  }
}

/** The planned rows by committee, in sheet order. */
function byGroup(planned: Row[]): Map<Group, Row[]> {
  const out = new Map<Group, Row[]>();
  for (const p of planned) (out.get(p.change.group) ?? out.set(p.change.group, []).get(p.change.group)!).push(p);
  return out;
}

/** The committee after the import: its cells, its members (the sheet's and the recorded ones it leaves alone) and their party share. */
function summarise(group: Group, rows: Row[]): CommitteeImportCommittee {
  const matched = new Set(rows.flatMap((r) => (r.change.member ? [r.change.member.id] : [])));
  const after = [...group.members.filter((m) => m.removedOn === null && !matched.has(m.id)), ...rows.map((r) => r.change.next)];
  const counts = { memberCount: after.length, partyMemberCount: after.filter(rules.isPartyMember).length };
  const e = group.existing;
  const cells = { kind: group.sheet.kind ?? e?.kind, termEndsOn: group.sheet.termEndsOn ?? e?.termEndsOn ?? null, filedOn: group.sheet.filedOn ?? e?.filedOn ?? null };
  const changes = e ? COMMITTEE_FIELDS.flatMap((f) => (group.sheet[f] !== null && group.sheet[f] !== e[f] ? [change(f, e[f], group.sheet[f])] : [])) : [];
  const count = (s: ImportRowStatus) => rows.filter((r) => r.row.status === s).length;
  const touched = changes.length > 0 || group.closes !== null || count(ImportRowStatus.ADD) + count(ImportRowStatus.CHANGE) > 0;
  group.summary = {
    community: group.community,
    compound: group.compound.name,
    compoundId: String(group.compound.id),
    kind: cells.kind as CommitteeKind,
    formedOn: group.formedOn,
    termEndsOn: cells.termEndsOn,
    filedOn: cells.filedOn,
    dissolvedOn: e ? e.dissolvedOn : group.dissolvedOn,
    status: !e ? ImportRowStatus.ADD : touched ? ImportRowStatus.CHANGE : ImportRowStatus.UNCHANGED,
    committeeId: e ? String(e.id) : null,
    changes,
    lines: rows.map((r) => r.row.line),
    membersAdded: count(ImportRowStatus.ADD),
    membersChanged: count(ImportRowStatus.CHANGE),
    membersUnchanged: count(ImportRowStatus.UNCHANGED),
    membersKept: after.length - rows.length,
    ...counts,
    partyShare: rules.partyShare(counts),
    belowPartyShare: rules.belowPartyShare(counts),
    closesCommitteeId: group.closes ? String(group.closes.id) : null,
    closesOn: group.closes ? dayBefore(group.formedOn) : null,
  };
  return group.summary;
}

/** The committee as the sheet has it: a new one inserted, a recorded one's given cells written; its predecessor closed. */
async function writeCommittee(em: EntityManager, group: Group): Promise<OwnersCommittee> {
  if (group.closes) {
    group.closes.dissolvedOn = dayBefore(group.formedOn);
    await em.save(OwnersCommittee, group.closes);
  }
  const e = group.existing;
  if (!e) {
    const { kind, termEndsOn, filedOn } = group.sheet;
    return em.save(
      OwnersCommittee,
      em.create(OwnersCommittee, {
        compoundId: group.compound.id,
        kind: kind as CommitteeKind,
        formedOn: group.formedOn,
        termEndsOn,
        filedOn,
        dissolvedOn: group.dissolvedOn,
        memberCount: null,
        partyMemberCount: null,
      }),
    );
  }
  const given = COMMITTEE_FIELDS.filter((f) => group.sheet[f] !== null && group.sheet[f] !== e[f]);
  if (!given.length) return e;
  for (const f of given) (e as unknown as Record<string, unknown>)[f] = group.sheet[f];
  return em.save(OwnersCommittee, e);
}
