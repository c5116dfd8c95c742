import { type EntityManager, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { todayInChina } from '../../common/dates';
import { badInput, toId } from '../../common/errors';
import { likePattern } from '../../common/query';
import { GroupRole, ROLE_RANK } from './enums';
import { Membership } from './membership.entity';
import type { MembershipFilter, ReorderMembershipsArgs } from './working-group.inputs';
import { assertPeriod, inForceOn, type PeriodRule } from '../../common/periods';
import { leanMany } from '../../common/lean';

/** Roster order: group, then role as rosters print them (组长 before 副组长 …), then published order. */
export const ROLE_ORDER_SQL = `CASE e.role ${Object.entries(ROLE_RANK)
  .map(([role, rank]) => `WHEN '${role}' THEN ${rank}`)
  .join(' ')} ELSE 99 END`;

/** Roster order as a list's default sort. */
export const rosterOrder = (qb: SelectQueryBuilder<Membership>) => qb.orderBy('e.groupId', 'ASC').addOrderBy(ROLE_ORDER_SQL, 'ASC').addOrderBy('e.sortOrder', 'ASC').addOrderBy('e.id', 'ASC');

/** One person holds a role in a group once at a time (succession writes seats through the same rule). */
export const SEAT_PERIOD: PeriodRule<Membership> = {
  entity: Membership,
  from: 'validFrom',
  to: 'validTo',
  scope: ['groupId', 'personId', 'role'],
  field: 'personId',
  overlap: 'This person already holds this role in the group during that period',
};

/** 成员: seats in working groups, with their period, order and post. */
export class MembershipService extends CrudService<Membership, MembershipFilter> {
  protected applyFilter(qb: SelectQueryBuilder<Membership>, filter: MembershipFilter): void {
    const { asOf, q, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (asOf) inForceOn(qb, asOf);
    if (q?.trim()) {
      qb.andWhere("e.personId IN (SELECT p.id FROM person p WHERE p.name LIKE :q ESCAPE '!')", { q: likePattern(q) });
    }
  }

  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    if (!creating) return super.normalize(input, creating);
    // sortOrder 0 = "after the last seat of that role", worked out in validate() (clients cannot send 0: @Min(1)).
    return super.normalize({ ...input, validFrom: input.validFrom ?? todayInChina(), sortOrder: input.sortOrder ?? 0 }, creating);
  }

  protected async validate(em: EntityManager, next: Membership, before: Membership | null): Promise<void> {
    await assertPeriod(em, SEAT_PERIOD, next, before?.id);
    if (!next.sortOrder) next.sortOrder = await this.nextOrder(em, next.groupId, next.role, next.validFrom);
  }

  /** After the last seat of the role in force on the day the new seat starts. */
  private async nextOrder(em: EntityManager, groupId: number, role: GroupRole, day: string): Promise<number> {
    const seats = await currentSeats(em, groupId, day, role);
    return Math.max(0, ...seats.map((s) => s.sortOrder)) + 1;
  }

  /** Seats by id, in the order given (a replayed reorderMemberships answers with them). */
  async inOrder(ids: number[]): Promise<Membership[]> {
    const seats = new Map((await this.ds.getRepository(Membership).findBy({ id: In(ids) })).map((m) => [m.id, m]));
    return ids.map((id) => seats.get(id)).filter((m): m is Membership => !!m);
  }

  /** Sets the published order of a role's current seats (1, 2, 3 … in the order given). */
  async reorder(args: ReorderMembershipsArgs, actor: Actor): Promise<Membership[]> {
    const groupId = toId(args.groupId, 'groupId');
    const ids = args.membershipIds.map((id) => toId(id, 'membershipIds'));
    if (new Set(ids).size !== ids.length) throw badInput('membershipIds', 'A seat is listed twice', 'NOT_THE_CURRENT_SEATS');
    return this.tx.run(async (em) => {
      const seats = await currentSeats(em, groupId, todayInChina(), args.role);
      const current = new Set(seats.map((s) => s.id));
      if (seats.length !== ids.length || ids.some((id) => !current.has(id))) {
        throw badInput('membershipIds', `List exactly the ${seats.length} current ${args.role} seats of the group`, 'NOT_THE_CURRENT_SEATS');
      }
      const before = seats.sort((a, b) => a.sortOrder - b.sortOrder).map((s) => s.id);
      const byId = new Map(seats.map((s) => [s.id, s]));
      const result = ids.map((id, i) => Object.assign(byId.get(id) as Membership, { sortOrder: i + 1 }));
      await em.save(Membership, result);
      await this.audit.record(em, actor, {
        action: 'REORDER',
        entityType: 'WorkingGroup',
        entityId: groupId,
        before: { role: args.role, order: before },
        after: { role: args.role, order: ids },
      });
      return result;
    });
  }
}

/** The seats of a group (or of one role) in force on a day: what "the current roster" means everywhere. */
export function currentSeats(em: EntityManager, groupId: number, day: string, role?: GroupRole): Promise<Membership[]> {
  const qb = em.createQueryBuilder(Membership, 'e').where('e.groupId = :groupId', { groupId });
  if (role) qb.andWhere('e.role = :role', { role });
  return leanMany(inForceOn(qb, day));
}
