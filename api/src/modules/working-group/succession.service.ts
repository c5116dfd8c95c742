import { Field, ID, ObjectType } from 'type-graphql';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/context';
import { assertPastDate, dayBefore } from '../../common/dates';
import { badInput, notFound, toId, toOptionalId } from '../../common/errors';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditEvent } from '../audit/audit-event.entity';
import type { AuditService } from '../audit/audit.service';
import { Membership } from './membership.entity';
import { Person } from './person.entity';
import { Post } from './post.entity';
import { PostHolding } from './post-holding.entity';
import type { SuccessionInput } from './working-group.inputs';
import { assertPeriod, inForceOn } from '../../common/periods';
import { SEAT_PERIOD } from './membership.service';
import { HOLDING_PERIOD } from './working-group.service';

/** What a succession does (or, as a preview, would do). */
@ObjectType({ description: 'The seats a succession moves from the predecessor to the successor' })
export class SuccessionResult {
  @Field(() => Post)
  post: Post;

  @Field(() => Person, { nullable: true, description: 'Null when the post was vacant' })
  predecessor: Person | null;

  @Field(() => Person)
  successor: Person;

  @Field({ description: 'First day the successor holds the post' })
  date: string;

  @Field(() => String, {
    nullable: true,
    description: "Last day the successor holds the post: null = open-ended; the predecessor's last day when a later succession is already recorded (the successor's seats end then too)",
  })
  until?: string | null;

  @Field(() => [Membership], { description: "The predecessor's seats that pass: closed the day before (in a preview: as they are now)" })
  closedSeats: Membership[];

  @Field(() => [Membership], { nullable: true, description: "The successor's new seats; null in a preview" })
  newSeats: Membership[] | null;

  @Field(() => ID, { nullable: true, description: 'The audit event that records it (null in a preview)' })
  auditEventId: string | null;
}

/**
 * 继任 ("若上述人员岗位调整，由继任者担任，不再另行发文"): a seat belongs to its post. When a post
 * changes hands on a date, the predecessor's holding and seats end the day before and the successor's
 * begin on that date. Nothing is deleted, so the roster as of any earlier date is unchanged.
 * A succession recorded late, dated before one already recorded for the post, fills the gap: the
 * successor takes the rest of the predecessor's period (holding and each seat), which ends the day
 * before the later succession, instead of staying open beside it.
 */
export class SuccessionService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async preview(input: SuccessionInput): Promise<SuccessionResult> {
    const { planned: _planned, ...result } = await this.plan(this.ds.manager, input);
    return result;
  }

  /** A recorded succession's answer again, from its audit event (an idempotent replay of recordSuccession). */
  async fromAudit(event: AuditEvent | null): Promise<SuccessionResult> {
    const before = (event?.before ?? {}) as { holderId?: number | null };
    const after = (event?.after ?? {}) as { holderId?: number; date?: string; seatIds?: number[]; closedSeatIds?: number[] };
    if (!event || !after.holderId || !after.date) throw notFound('SuccessionResult', event?.id ?? 'unknown');
    const seats = async (ids: number[] = []) => (ids.length ? this.ds.getRepository(Membership).find({ where: { id: In(ids) }, order: { id: 'ASC' } }) : []);
    return {
      post: await this.ds.getRepository(Post).findOneByOrFail({ id: Number(event.entityId) }),
      predecessor: before.holderId ? await this.ds.getRepository(Person).findOneBy({ id: before.holderId }) : null,
      successor: await this.ds.getRepository(Person).findOneByOrFail({ id: after.holderId }),
      date: after.date,
      closedSeats: await seats(after.closedSeatIds),
      newSeats: await seats(after.seatIds),
      auditEventId: String(event.id),
    };
  }

  record(input: SuccessionInput, actor: Actor): Promise<SuccessionResult> {
    return this.tx.run(async (em) => {
      const plan = await this.plan(em, input, true);
      const { post, predecessor, successor, date } = plan;
      const holdingsQb = em.createQueryBuilder(PostHolding, 'e').where('e.postId = :postId AND e.personId = :pid', { postId: post.id, pid: predecessor?.id });
      inForceOn(holdingsQb, date);
      const holdings = predecessor ? await holdingsQb.getMany() : [];
      const tooEarly = holdings.find((h) => h.validFrom >= date);
      if (tooEarly) throw badInput('date', `The succession date must be after ${tooEarly.validFrom}, when the current holding began`, 'SUCCESSION_TOO_EARLY');
      for (const h of holdings) {
        h.validTo = dayBefore(date);
        await em.save(PostHolding, h);
      }
      const holding = em.create(PostHolding, {
        postId: post.id,
        personId: successor.id,
        validFrom: date,
        validTo: plan.until ?? null,
        sourceDocumentId: holdings[0]?.sourceDocumentId ?? null,
        sourceClauseId: holdings[0]?.sourceClauseId ?? null,
      });
      await assertPeriod(em, { ...HOLDING_PERIOD, field: 'successorId', overlap: 'The successor already holds this post during that period' }, holding);
      const newHolding = await em.save(PostHolding, holding);
      for (const seat of plan.closedSeats) {
        seat.validTo = dayBefore(date);
        await em.save(Membership, seat);
      }
      for (const seat of plan.planned) {
        await assertPeriod(em, { ...SEAT_PERIOD, field: 'successorId', overlap: 'The successor already holds this role in the group during that period' }, seat);
      }
      plan.newSeats = await em.save(Membership, plan.planned);
      const event = await this.audit.record(em, actor, {
        action: 'SUCCESSION',
        entityType: 'Post',
        entityId: post.id,
        before: { holderId: predecessor?.id ?? null, holdingIds: holdings.map((h) => h.id), seatIds: plan.closedSeats.map((s) => s.id) },
        after: {
          holderId: successor.id,
          date,
          holdingId: newHolding.id,
          seatIds: plan.newSeats.map((s) => s.id),
          closedSeatIds: plan.closedSeats.map((s) => s.id),
          closedOn: dayBefore(date),
          until: plan.until ?? null,
        },
      });
      plan.auditEventId = String(event.id);
      return plan;
    });
  }

  private async plan(em: EntityManager, input: SuccessionInput, lock = false): Promise<SuccessionResult & { planned: Membership[] }> {
    const date = assertPastDate(input.date, 'date');
    const postId = toId(input.postId, 'postId');
    const successorId = toId(input.successorId, 'successorId');
    const predecessorId = toOptionalId(input.predecessorId, 'predecessorId');
    const post = await em.findOneBy(Post, { id: postId });
    if (!post) throw notFound('Post', postId);
    const successor = await em.findOneBy(Person, { id: successorId });
    if (!successor) throw badInput('successorId', `successorId: no Person with id ${successorId}`, 'UNKNOWN_REFERENCE');

    const lockOpt = lock && em.connection.options.type !== 'better-sqlite3';
    const seatsQb = em.createQueryBuilder(Membership, 'e').where('e.postId = :postId', { postId });
    inForceOn(seatsQb, date);
    if (lockOpt) seatsQb.setLock('pessimistic_write');
    const seats = await seatsQb.orderBy('e.id', 'ASC').getMany();
    const holdingsQb = em.createQueryBuilder(PostHolding, 'e').where('e.postId = :postId', { postId });
    inForceOn(holdingsQb, date);
    const holdingsOnDate = await holdingsQb.getMany();
    const holders = new Set([...holdingsOnDate.map((h) => h.personId), ...seats.map((s) => s.personId)]);

    let fromId: number | null;
    if (predecessorId != null) {
      if (!holders.has(predecessorId)) throw badInput('predecessorId', 'That person does not hold this post on that date', 'NOT_THE_HOLDER');
      fromId = predecessorId;
    } else if (holders.size > 1) {
      throw badInput('predecessorId', `${holders.size} people hold this post on that date; say whose seats pass`, 'SEVERAL_HOLDERS');
    } else {
      fromId = holders.size === 1 ? [...holders][0] : null;
    }
    if (fromId === successorId) throw badInput('successorId', 'The successor already holds this post', 'ALREADY_HOLDS_POST');
    const predecessor = fromId == null ? null : await em.findOneByOrFail(Person, { id: fromId });

    const closedSeats = seats.filter((s) => s.personId === fromId);
    const tooEarly = closedSeats.find((s) => s.validFrom >= date);
    if (tooEarly) throw badInput('date', `The succession date must be after ${tooEarly.validFrom}, when the current seat began`, 'SUCCESSION_TOO_EARLY');
    const planned = closedSeats.map((s) =>
      em.create(Membership, {
        groupId: s.groupId,
        personId: successorId,
        role: s.role,
        sortOrder: s.sortOrder,
        postId: s.postId,
        concurrent: s.concurrent,
        validFrom: date,
        // the rest of the predecessor's seat: it ends where a later succession already ended it
        validTo: s.validTo,
        sourceDocumentId: s.sourceDocumentId,
        sourceClauseId: s.sourceClauseId,
      }),
    );
    const until = await this.endOfGap(
      em,
      postId,
      date,
      holdingsOnDate.filter((h) => h.personId === fromId),
    );
    return { post, predecessor, successor, date, until, closedSeats, newSeats: null, planned, auditEventId: null };
  }

  /**
   * Where the successor's holding ends: where the predecessor's did (null = open), or, for a vacant
   * post, the day before the next holding of the post already recorded after the date.
   */
  private async endOfGap(em: EntityManager, postId: number, date: string, predecessorHoldings: PostHolding[]): Promise<string | null> {
    if (predecessorHoldings.length) {
      const ends = predecessorHoldings.map((h) => h.validTo);
      return ends.includes(null) ? null : (ends as string[]).sort().at(-1)!;
    }
    const next = await em.createQueryBuilder(PostHolding, 'e').where('e.postId = :postId AND e.validFrom > :date', { postId, date }).orderBy('e.validFrom', 'ASC').getOne();
    return next ? dayBefore(next.validFrom) : null;
  }
}
