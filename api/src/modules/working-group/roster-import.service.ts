import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { todayInChina } from '../../common/dates';
import { inForceOn } from '../../common/periods';
import { RowError } from '../../common/sheet-import/layout';
import type { Planned, SheetImport } from '../../common/sheet-import/sheet-import';
import { ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import { type GroupRole, ROLE_LABEL } from './enums';
import { currentSeats } from './membership.service';
import { Membership } from './membership.entity';
import { Person } from './person.entity';
import { PostHolding } from './post-holding.entity';
import { Post } from './post.entity';
import type { RosterRowInput, RosterRowResult } from './roster-import.types';
import { ROSTER_SHEET } from './roster.sheet';
import { WorkingGroup } from './working-group.entity';

/** A row's cells as read by ROSTER_SHEET (name and role are required). */
interface RosterValues {
  name: string;
  post: string | null;
  role: GroupRole;
  order: number | null;
}

/** What committing a row writes: the seat it changes, or the person (known or not) it seats. */
interface RosterChange {
  seat?: Membership;
  personId?: number | null;
  postTitle?: string | null;
  postId?: number | null;
}

interface RosterContext {
  groupId: number;
  day: string;
  seats: Membership[];
  people: Person[];
  nameOf: Map<number, string>;
  posts: Post[];
  titleOf: Map<number, string>;
  nextOrder: Map<GroupRole, number>;
  seen: Set<string>;
}

type Roster = { args: { groupId: string }; input: RosterRowInput; context: RosterContext; row: RosterRowResult; change: RosterChange; into: WorkingGroup };
type Row = Planned<Roster>;

/**
 * 名单导入: a sheet of 姓名 / 职务 / 组内职务 / 顺序 against a group's current roster. The preview says
 * per row what will be added, changed or rejected, and why; committing writes everything in one
 * transaction, and only when no row is rejected. Seats missing from the sheet are left alone
 * (removing a member is an explicit act).
 */
export const rosterImport: SheetImport<Roster> = {
  layout: ROSTER_SHEET,
  into: { entity: WorkingGroup, arg: 'groupId' },
  action: 'IMPORT',

  async load(em, _args, rows, { id: groupId }) {
    const day = todayInChina();
    const clean = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
    const seats = await currentSeats(em, groupId, day);
    const names = [...new Set(rows.map((r) => clean(r.name)).filter(Boolean))];
    const people = names.length ? await em.find(Person, { where: { name: In(names) } }) : [];
    const seatPeople = seats.length ? await em.find(Person, { where: { id: In(seats.map((s) => s.personId)) } }) : [];
    const titles = [...new Set(rows.map((r) => clean(r.post)).filter(Boolean))];
    const posts = titles.length ? await postsOfOffice(em, groupId, titles) : [];
    const seatPostIds = seats.flatMap((s) => (s.postId ? [s.postId] : []));
    const seatPosts = seatPostIds.length ? await em.find(Post, { where: { id: In(seatPostIds) } }) : [];
    const nextOrder = new Map<GroupRole, number>();
    for (const s of seats) nextOrder.set(s.role, Math.max(nextOrder.get(s.role) ?? 0, s.sortOrder));
    return {
      groupId,
      day,
      seats,
      people,
      nameOf: new Map(seatPeople.map((p) => [p.id, p.name])),
      posts,
      titleOf: new Map(seatPosts.map((p) => [p.id, p.title])),
      nextOrder,
      seen: new Set(),
    };
  },

  describe: (values) => ({
    name: (values.name as string | null) ?? null,
    post: (values.post as string | null) ?? null,
    role: (values.role as string | null) ?? null,
    order: null,
    changes: [],
    membershipId: null,
  }),

  plan({ values, answer: row }, ctx) {
    const { name, post: title, role, order } = values as unknown as RosterValues;
    const key = `${name}|${role}`;
    if (ctx.seen.has(key)) throw new RowError('DUPLICATE_ROW', 'name', `${name} appears twice as ${ROLE_LABEL[role]}`);
    ctx.seen.add(key);
    row.order = order;

    let postId: number | null | undefined;
    if (title) {
      const matches = ctx.posts.filter((p) => p.title === title);
      if (matches.length > 1) throw new RowError('AMBIGUOUS_POST', 'post', `${matches.length} posts are called "${title}"; rename one first`);
      postId = matches[0]?.id ?? null;
    }
    const newPost = title && postId === null ? { code: 'NEW_POST', message: `the post "${title}" will be created` } : undefined;

    const seat = ctx.seats.find((s) => s.role === role && ctx.nameOf.get(s.personId) === name);
    if (seat) {
      row.membershipId = String(seat.id);
      const held = seat.postId ? ctx.titleOf.get(seat.postId) : undefined;
      if (title && title !== held) row.changes.push({ field: 'post', from: held ?? null, to: title });
      if (row.order !== null && row.order !== seat.sortOrder) row.changes.push({ field: 'order', from: String(seat.sortOrder), to: String(row.order) });
      row.order ??= seat.sortOrder;
      return { status: row.changes.length ? ImportRowStatus.CHANGE : ImportRowStatus.UNCHANGED, change: { seat, postTitle: title || undefined, postId }, note: newPost };
    }

    const namesakes = ctx.people.filter((p) => p.name === name);
    if (namesakes.length > 1) throw new RowError('AMBIGUOUS_PERSON', 'name', `${namesakes.length} people are called ${name}; add this one by hand`);
    row.order ??= (ctx.nextOrder.get(role) ?? 0) + 1;
    ctx.nextOrder.set(role, Math.max(ctx.nextOrder.get(role) ?? 0, row.order));
    const newPerson = namesakes.length === 0 ? { code: 'NEW_PERSON', message: `${name} is not in the system yet and will be added` } : undefined;
    return { status: ImportRowStatus.ADD, change: { personId: namesakes[0]?.id ?? null, postTitle: title || null, postId }, note: newPerson ?? newPost };
  },

  async apply(em, planned, ctx, answer) {
    await writeSeats(em, ctx, planned);
    return {
      after: { added: answer.added, changed: answer.changed, unchanged: answer.unchanged, rows: answer.rows.map((r) => ({ line: r.line, status: r.status, membershipId: r.membershipId })) },
    };
  },
};

/**
 * The posts a roster's titles name: the group's own office's posts. A seat's post is held by its
 * holder, and an office records who holds its own posts only: a title another office uses (a
 * community's the street ADMIN happens to read, the city's above it) becomes the office's own new post.
 */
async function postsOfOffice(em: EntityManager, groupId: number, titles: string[]): Promise<Post[]> {
  const office = (await em.findOneByOrFail(WorkingGroup, { id: groupId })).jurisdictionId;
  return em.find(Post, { where: { title: In(titles), jurisdictionId: office ?? IsNull() } });
}

async function writeSeats(em: EntityManager, { groupId, day }: RosterContext, plans: Row[]): Promise<void> {
  // new people and posts belong to the office whose roster this is (common/scope.ts)
  const office = (await em.findOneByOrFail(WorkingGroup, { id: groupId })).jurisdictionId;
  const createdPosts = new Map<string, number>();
  const postFor = async ({ change: p }: Row): Promise<number | null | undefined> => {
    if (!p.postTitle) return undefined;
    if (p.postId) return p.postId;
    const known = createdPosts.get(p.postTitle);
    if (known) return known;
    const post = await em.save(Post, em.create(Post, { title: p.postTitle, jurisdictionId: office, unitId: null }));
    createdPosts.set(p.postTitle, post.id);
    return post.id;
  };
  const touched = new Set<number>();
  // Seats: changed ones saved together; new people and new seats inserted in one statement each.
  const changed = plans.filter((p) => p.row.status === ImportRowStatus.CHANGE && p.change.seat);
  for (const p of changed) {
    const postId = await postFor(p);
    if (postId !== undefined) p.change.seat!.postId = postId;
    p.change.seat!.sortOrder = p.row.order ?? p.change.seat!.sortOrder;
  }
  if (changed.length)
    await em.save(
      Membership,
      changed.map((p) => p.change.seat!),
    );
  const added = plans.filter((p) => p.row.status === ImportRowStatus.ADD);
  const newPeople = added.filter((p) => !p.change.personId);
  if (newPeople.length) {
    const ids = (
      await em.insert(
        Person,
        newPeople.map((p) => ({ name: p.row.name as string, phone: null, note: null, jurisdictionId: office })),
      )
    ).identifiers;
    newPeople.forEach((p, i) => (p.change.personId = ids[i].id as number));
  }
  const addedPosts: Array<number | null> = [];
  for (const p of added) addedPosts.push((await postFor(p)) ?? null); // one at a time: a new title is created once
  if (added.length) {
    const seats = added.map((p, i) => ({
      groupId,
      personId: p.change.personId!,
      role: p.row.role as GroupRole,
      sortOrder: p.row.order as number,
      postId: addedPosts[i],
      concurrent: false,
      validFrom: day,
      validTo: null,
    }));
    const ids = (await em.insert(Membership, seats)).identifiers;
    added.forEach((p, i) => (p.row.membershipId = String(ids[i].id)));
  }
  for (const p of [...changed, ...added]) if (p.row.membershipId) touched.add(Number(p.row.membershipId));

  // A seat with a post means its holder holds the post: open the holdings that are missing, in one go.
  const wanted = [
    ...changed.filter((p) => p.change.seat!.postId).map((p) => ({ postId: p.change.seat!.postId as number, personId: p.change.seat!.personId })),
    ...added.flatMap((p, i) => (addedPosts[i] ? [{ postId: addedPosts[i] as number, personId: p.change.personId! }] : [])),
  ];
  if (wanted.length) {
    const open = await inForceOn(em.createQueryBuilder(PostHolding, 'e').where('e.personId IN (:...people)', { people: [...new Set(wanted.map((w) => w.personId))] }), day).getMany();
    const held = new Set(open.map((h) => `${h.postId}:${h.personId}`));
    const missing = wanted.filter((w) => !held.has(`${w.postId}:${w.personId}`) && held.add(`${w.postId}:${w.personId}`));
    if (missing.length)
      await em.insert(
        PostHolding,
        missing.map((w) => ({ ...w, validFrom: day, validTo: null })),
      );
  }
  await renumber(em, groupId, plans, touched, day);
}

/**
 * The sheet's 顺序 is a position: a row placed at 1 goes before the seat that was 1. Each role the
 * import touched is renumbered 1..n, rows from the sheet first among equal numbers.
 */
async function renumber(em: EntityManager, groupId: number, plans: Row[], touched: Set<number>, day: string): Promise<void> {
  const roles = new Set(plans.filter((p) => p.row.status === ImportRowStatus.ADD || p.row.status === ImportRowStatus.CHANGE).map((p) => p.row.role as GroupRole));
  for (const role of roles) {
    const seats = await currentSeats(em, groupId, day, role);
    seats.sort((a, b) => a.sortOrder - b.sortOrder || Number(touched.has(b.id)) - Number(touched.has(a.id)) || a.id - b.id);
    const moved = seats.flatMap((seat, i) => (seat.sortOrder === i + 1 ? [] : [Object.assign(seat, { sortOrder: i + 1 })]));
    if (moved.length) await em.save(Membership, moved);
  }
}
