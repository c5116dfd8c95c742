import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Actor } from '../../common/context';
import { todayInChina } from '../../common/dates';
import { badInput, notFound, toId } from '../../common/errors';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { GroupRole, ROLE_LABEL } from './enums';
import { Membership } from './membership.entity';
import { Person } from './person.entity';
import { Post } from './post.entity';
import { PostHolding } from './post-holding.entity';
import { type RosterImportResult, type RosterRowInput, type RosterRowResult, RosterRowStatus } from './roster-import.types';
import { inForceOn } from '../../common/periods';
import { currentSeats } from './membership.service';
import { WorkingGroup } from './working-group.entity';

const ROLE_BY_LABEL = new Map<string, GroupRole>([
  ...Object.entries(ROLE_LABEL).map(([role, label]) => [label, role as GroupRole] as [string, GroupRole]),
  ...Object.values(GroupRole).map((r) => [r, r] as [string, GroupRole]),
]);
const MAX_ROWS = 500;

const clean = (v: string | null | undefined) => (v ?? '').replace(/[\s\u3000]+/g, ' ').trim();
/** 组 长 → 组长: rosters pad short labels with spaces. */
const roleOf = (v: string | null | undefined) => ROLE_BY_LABEL.get(clean(v).replace(/ /g, '')) ?? null;

interface Plan {
  row: RosterRowResult;
  seat?: Membership;
  personId?: number | null;
  postTitle?: string | null;
  postId?: number | null;
}

/**
 * 名单导入: a sheet of 姓名 / 职务 / 组内职务 / 顺序 against a group's current roster. The preview says
 * per row what will be added, changed or rejected, and why; committing writes everything in one
 * transaction, and only when no row is rejected. Seats missing from the sheet are left alone
 * (removing a member is an explicit act).
 */
export class RosterImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  run(groupIdArg: string, rows: RosterRowInput[], commit: boolean, actor: Actor): Promise<RosterImportResult> {
    const groupId = toId(groupIdArg, 'groupId');
    if (rows.length === 0) throw badInput('rows', 'The sheet has no rows');
    if (rows.length > MAX_ROWS) throw badInput('rows', `At most ${MAX_ROWS} rows at a time`);
    if (!commit) return this.plan(this.ds.manager, groupId, rows).then(({ result }) => result);
    return this.tx.run(async (em) => {
      const { result, plans, day } = await this.plan(em, groupId, rows);
      if (result.rejected > 0) {
        throw badInput('rows', `${result.rejected} row(s) are rejected; nothing was imported. Fix the sheet and import again`);
      }
      await this.apply(em, groupId, plans, day);
      await this.audit.record(em, actor, {
        action: 'IMPORT',
        entityType: 'WorkingGroup',
        entityId: groupId,
        after: { added: result.added, changed: result.changed, unchanged: result.unchanged, rows: result.rows.map((r) => ({ line: r.line, status: r.status, membershipId: r.membershipId })) },
      });
      return { ...result, committed: true };
    });
  }

  private async plan(em: EntityManager, groupId: number, rows: RosterRowInput[]) {
    if (!(await em.existsBy(WorkingGroup, { id: groupId }))) throw notFound('WorkingGroup', groupId);
    const day = todayInChina();
    const seats = await currentSeats(em, groupId, day);
    const names = [...new Set(rows.map((r) => clean(r.name)).filter(Boolean))];
    const people = names.length ? await em.find(Person, { where: { name: In(names) } }) : [];
    const seatPeople = seats.length ? await em.find(Person, { where: { id: In(seats.map((s) => s.personId)) } }) : [];
    const nameOf = new Map(seatPeople.map((p) => [p.id, p.name]));
    const titles = [...new Set(rows.map((r) => clean(r.post)).filter(Boolean))];
    const posts = titles.length ? await em.find(Post, { where: { title: In(titles) } }) : [];
    const seatPosts = seats.some((s) => s.postId) ? await em.find(Post, { where: { id: In(seats.filter((s) => s.postId).map((s) => s.postId as number)) } }) : [];
    const titleOf = new Map(seatPosts.map((p) => [p.id, p.title]));

    const nextOrder = new Map<GroupRole, number>();
    for (const s of seats) nextOrder.set(s.role, Math.max(nextOrder.get(s.role) ?? 0, s.sortOrder));
    const seen = new Set<string>();
    const plans: Plan[] = [];

    for (const input of rows) {
      const name = clean(input.name);
      const title = clean(input.post);
      const role = roleOf(input.role);
      const orderText = clean(input.order);
      const row: RosterRowResult = {
        line: input.line,
        name: name || null,
        post: title || null,
        role,
        order: null,
        status: RosterRowStatus.REJECT,
        reasonCode: null,
        reason: null,
        changes: [],
        membershipId: null,
      };
      const reject = (code: string, reason: string) => {
        row.reasonCode = code;
        row.reason = reason;
        plans.push({ row });
      };
      if (!name) { reject('NAME_REQUIRED', '姓名 is empty'); continue; }
      if (!role) { reject('UNKNOWN_ROLE', `组内职务 "${clean(input.role)}" is not a role (${Object.values(ROLE_LABEL).join(', ')})`); continue; }
      if (orderText && !/^[1-9]\d{0,3}$/.test(orderText)) { reject('BAD_ORDER', `顺序 "${orderText}" is not a whole number from 1`); continue; }
      const key = `${name}|${role}`;
      if (seen.has(key)) { reject('DUPLICATE_ROW', `${name} appears twice as ${ROLE_LABEL[role]}`); continue; }
      seen.add(key);
      row.order = orderText ? Number(orderText) : null;

      let postId: number | null | undefined;
      if (title) {
        const matches = posts.filter((p) => p.title === title);
        if (matches.length > 1) { reject('AMBIGUOUS_POST', `${matches.length} posts are called "${title}"; rename one first`); continue; }
        postId = matches[0]?.id ?? null;
      }

      const seat = seats.find((s) => s.role === role && nameOf.get(s.personId) === name);
      if (seat) {
        row.membershipId = String(seat.id);
        if (title && title !== (seat.postId ? titleOf.get(seat.postId) : undefined)) {
          row.changes.push({ field: 'post', from: seat.postId ? (titleOf.get(seat.postId) ?? null) : null, to: title });
        }
        if (row.order !== null && row.order !== seat.sortOrder) row.changes.push({ field: 'order', from: String(seat.sortOrder), to: String(row.order) });
        row.order ??= seat.sortOrder;
        row.status = row.changes.length ? RosterRowStatus.CHANGE : RosterRowStatus.UNCHANGED;
        if (title && postId === null) { row.reasonCode = 'NEW_POST'; row.reason = `the post "${title}" will be created`; }
        plans.push({ row, seat, postTitle: title || undefined, postId });
        continue;
      }

      const namesakes = people.filter((p) => p.name === name);
      if (namesakes.length > 1) { reject('AMBIGUOUS_PERSON', `${namesakes.length} people are called ${name}; add this one by hand`); continue; }
      row.status = RosterRowStatus.ADD;
      if (row.order === null) {
        row.order = (nextOrder.get(role) ?? 0) + 1;
      }
      nextOrder.set(role, Math.max(nextOrder.get(role) ?? 0, row.order));
      if (namesakes.length === 0) { row.reasonCode = 'NEW_PERSON'; row.reason = `${name} is not in the system yet and will be added`; }
      else if (title && postId === null) { row.reasonCode = 'NEW_POST'; row.reason = `the post "${title}" will be created`; }
      plans.push({ row, personId: namesakes[0]?.id ?? null, postTitle: title || null, postId });
    }

    const count = (s: RosterRowStatus) => plans.filter((p) => p.row.status === s).length;
    const result: RosterImportResult = {
      committed: false,
      added: count(RosterRowStatus.ADD),
      changed: count(RosterRowStatus.CHANGE),
      unchanged: count(RosterRowStatus.UNCHANGED),
      rejected: count(RosterRowStatus.REJECT),
      rows: plans.map((p) => p.row),
    };
    return { result, plans, day };
  }

  private async apply(em: EntityManager, groupId: number, plans: Plan[], day: string): Promise<void> {
    const createdPosts = new Map<string, number>();
    const postFor = async (p: Plan): Promise<number | null | undefined> => {
      if (!p.postTitle) return undefined;
      if (p.postId) return p.postId;
      const known = createdPosts.get(p.postTitle);
      if (known) return known;
      const post = await em.save(Post, em.create(Post, { title: p.postTitle, jurisdictionId: null, unitId: null }));
      createdPosts.set(p.postTitle, post.id);
      return post.id;
    };
    const touched = new Set<number>();
    // Seats: changed ones saved together; new people and new seats inserted in one statement each.
    const changed = plans.filter((p) => p.row.status === RosterRowStatus.CHANGE && p.seat);
    for (const p of changed) {
      const postId = await postFor(p);
      if (postId !== undefined) p.seat!.postId = postId;
      p.seat!.sortOrder = p.row.order ?? p.seat!.sortOrder;
    }
    if (changed.length) await em.save(Membership, changed.map((p) => p.seat!));
    const added = plans.filter((p) => p.row.status === RosterRowStatus.ADD);
    const newPeople = added.filter((p) => !p.personId);
    if (newPeople.length) {
      const ids = (await em.insert(Person, newPeople.map((p) => ({ name: p.row.name as string, phone: null, note: null })))).identifiers;
      newPeople.forEach((p, i) => (p.personId = ids[i].id as number));
    }
    const addedPosts: Array<number | null> = [];
    for (const p of added) addedPosts.push((await postFor(p)) ?? null); // one at a time: a new title is created once
    if (added.length) {
      const seats = added.map((p, i) => ({ groupId, personId: p.personId!, role: p.row.role as GroupRole, sortOrder: p.row.order as number, postId: addedPosts[i], concurrent: false, validFrom: day, validTo: null }));
      const ids = (await em.insert(Membership, seats)).identifiers;
      added.forEach((p, i) => (p.row.membershipId = String(ids[i].id)));
    }
    for (const p of [...changed, ...added]) if (p.row.membershipId) touched.add(Number(p.row.membershipId));

    // A seat with a post means its holder holds the post: open the holdings that are missing, in one go.
    const wanted = [
      ...changed.filter((p) => p.seat!.postId).map((p) => ({ postId: p.seat!.postId as number, personId: p.seat!.personId })),
      ...added.flatMap((p, i) => (addedPosts[i] ? [{ postId: addedPosts[i] as number, personId: p.personId! }] : [])),
    ];
    if (wanted.length) {
      const open = await inForceOn(em.createQueryBuilder(PostHolding, 'e').where('e.personId IN (:...people)', { people: [...new Set(wanted.map((w) => w.personId))] }), day).getMany();
      const held = new Set(open.map((h) => `${h.postId}:${h.personId}`));
      const missing = wanted.filter((w) => !held.has(`${w.postId}:${w.personId}`) && held.add(`${w.postId}:${w.personId}`));
      if (missing.length) await em.insert(PostHolding, missing.map((w) => ({ ...w, validFrom: day, validTo: null })));
    }
    await this.renumber(em, groupId, plans, touched, day);
  }

  /**
   * The sheet's 顺序 is a position: a row placed at 1 goes before the seat that was 1. Each role the
   * import touched is renumbered 1..n, rows from the sheet first among equal numbers.
   */
  private async renumber(em: EntityManager, groupId: number, plans: Plan[], touched: Set<number>, day: string): Promise<void> {
    const roles = new Set(plans.filter((p) => p.row.status === RosterRowStatus.ADD || p.row.status === RosterRowStatus.CHANGE).map((p) => p.row.role as GroupRole));
    for (const role of roles) {
      const seats = await currentSeats(em, groupId, day, role);
      seats.sort((a, b) => a.sortOrder - b.sortOrder || Number(touched.has(b.id)) - Number(touched.has(a.id)) || a.id - b.id);
      const moved = seats.flatMap((seat, i) => (seat.sortOrder === i + 1 ? [] : [Object.assign(seat, { sortOrder: i + 1 })]));
      if (moved.length) await em.save(Membership, moved);
    }
  }
}
