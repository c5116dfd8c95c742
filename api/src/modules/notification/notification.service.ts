import { type DataSource, type EntityManager, type FindOptionsWhere, In, IsNull } from 'typeorm';
import type { Actor } from '../../common/context';
import { badInput, dbViolation, notFound, toId } from '../../common/errors';
import type { Role } from '../../common/roles';
import { unscoped } from '../../common/scope';
import { User } from '../auth/user.entity';
import type { NotificationChannel, Recipient } from './notification.channels';
import type { NotificationDeliveries } from './notification.deliveries';
import { DeliveryStatus, Notification, NotificationDelivery } from './notification.entity';
import { type DeclaredKind, fill, type ModuleNotificationKinds, type NotificationKind } from './notification.kinds';

/** Who is told. Each form adds users; every user is told once, inactive users never, the actor never of their own act. */
export interface Recipients {
  /** These users. */
  users?: ReadonlyArray<number | null | undefined>;
  /** The staff of these units: users whose unitId is one of them. */
  units?: ReadonlyArray<number | null | undefined>;
  /** The office of these jurisdictions (null: the root office): its users of `officeRoles`. */
  offices?: ReadonlyArray<number | null>;
  /** Which of an office's users (default PARTY_OFFICE and ADMIN; approvals name PARTY_OFFICE alone). */
  officeRoles?: readonly Role[];
  /** Never these users (the maker of a payout waiting for a checker). */
  except?: ReadonlyArray<number | null | undefined>;
}

/** One notification, as a sending module writes it (`notify`). */
export interface NotifyInput<K extends NotificationKind = NotificationKind> {
  recipients: Recipients;
  kind: K;
  /** The values its line is written with, one per parameter the kind declares (display-ready: names, amounts in yuan, dates). */
  params: { [P in ModuleNotificationKinds[K] & string]: string | number };
  /** Free text shown as written under the line (a reason, a 催办 note); at most 2,000 characters are kept. */
  body?: string | null;
  /** Where it leads in the console: a hash route, `#/Payout/12/show`. */
  link?: string | null;
  /** The record it is about. */
  entityType: string;
  entityId: number | string;
  /** Rows with the same key for the same user are one (the same reminder twice on one day): `reminder:assignment:12:2025-05-29`. */
  dedupeKey?: string | null;
  /** Who caused it: named on it, and not told of their own act. Null or absent: the system. */
  actor?: Actor | null;
}

const TITLE_MAX = 200;
const BODY_MAX = 2000;
const PAGE_MAX = 100;
const DEFAULT_OFFICE_ROLES = ['PARTY_OFFICE', 'ADMIN'] as Role[];

/** At most `n` characters as MySQL counts them (code points). */
const clamp = (s: string, n: number): string => {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
};
const ids = (xs: ReadonlyArray<number | null | undefined> | undefined): number[] => [...new Set((xs ?? []).filter((x): x is number => typeof x === 'number'))];

/** The notification centre of each app (one per data source), for `notify` called with only a transaction in hand. */
const CENTRES = new WeakMap<DataSource, NotificationService>();

/**
 * Writes notifications inside the caller's transaction (`em`): one row per recipient, resolved to users
 * now, and an outbox row per outgoing channel, delivered after the commit. A module that sends them
 * declares its kinds in its index.ts (notification.kinds.ts) and calls this where the event is
 * written, so the notification commits or rolls back with it:
 *
 *   await notify(m.em, { recipients: { units: [unitId] }, kind: 'COMPLAINT_ASSIGNED', params: { … }, link: `#/Complaint/${id}/show`, entityType: 'Complaint', entityId: id, actor: m.actor });
 */
export function notify<K extends NotificationKind>(em: EntityManager, n: NotifyInput<K>): Promise<Notification[]> {
  const centre = CENTRES.get(em.connection);
  if (!centre) throw new Error('No notification centre for this data source: the notification module makes one with the app’s services');
  return centre.notify(em, n);
}

/**
 * 消息提醒: sends notifications (`notify`) and answers the signed-in user's own (their list, what is
 * unread, marking read). Every read and write names the user: there is no way to another's.
 */
export class NotificationService {
  private readonly channels: NotificationChannel[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly kinds: ReadonlyMap<string, DeclaredKind>,
    private readonly deliveries: NotificationDeliveries,
  ) {
    CENTRES.set(ds, this);
  }

  /** Adds a way notifications reach users (the in-app one and the webhook are added by the module; a module may add SMS or WeCom in its `wire`). */
  addChannel(channel: NotificationChannel): void {
    if (this.channels.some((c) => c.name === channel.name)) throw new Error(`A notification channel named ${channel.name} already exists`);
    if (channel.name.length > 32) throw new Error(`Notification channel name ${channel.name} is longer than 32 characters`);
    this.channels.push(channel);
  }

  /** The channels, by name (the delivery worker finds an outbox row's channel here). */
  channel(name: string): NotificationChannel | undefined {
    return this.channels.find((c) => c.name === name);
  }

  get outgoing(): NotificationChannel[] {
    return this.channels.filter((c) => c.outgoing);
  }

  /** The declared kinds (for tests and the README's list). */
  get declaredKinds(): ReadonlyMap<string, DeclaredKind> {
    return this.kinds;
  }

  /** See `notify` above. Returns the rows written (none for a recipient who already has the dedupe key). */
  async notify<K extends NotificationKind>(em: EntityManager, n: NotifyInput<K>): Promise<Notification[]> {
    const decl = this.kinds.get(n.kind);
    if (!decl) throw new Error(`Unknown notification kind ${n.kind}: declare it in its module's notificationKinds`);
    const params = Object.fromEntries(Object.entries(n.params as Record<string, string | number>).map(([k, v]) => [k, String(v)]));
    const missing = decl.params.filter((p) => params[p] === undefined);
    if (missing.length) throw new Error(`Notification ${n.kind} needs the parameters ${missing.join(', ')}`);
    if (n.dedupeKey && n.dedupeKey.length > 150) throw new Error(`A dedupe key is at most 150 characters: ${n.dedupeKey}`);
    // The system tells whom the event concerns, whether or not the actor could see them: a unit's staff
    // acknowledging an assignment tells the street office above, which they cannot list.
    return unscoped(async () => {
      const { users, actorName } = await this.resolve(em, n.recipients, n.actor?.user?.id ?? null);
      let targets = users;
      if (n.dedupeKey && targets.length) {
        const had = await em.find(Notification, { select: { userId: true }, where: { dedupeKey: n.dedupeKey, userId: In(targets.map((u) => u.id)) } });
        const done = new Set(had.map((r) => r.userId));
        targets = targets.filter((u) => !done.has(u.id));
      }
      const title = clamp(fill(decl.title, params), TITLE_MAX);
      const body = n.body?.trim() ? clamp(n.body.trim(), BODY_MAX) : null;
      const rows = targets.map((user) =>
        em.create(Notification, {
          userId: user.id,
          kind: n.kind,
          paramsJson: JSON.stringify(params),
          title,
          body,
          link: n.link ?? null,
          entityType: n.entityType,
          entityId: String(n.entityId),
          actorId: n.actor?.user?.id ?? null,
          actorName,
          dedupeKey: n.dedupeKey ?? null,
          readAt: null,
        }),
      );
      const written = await this.insertAll(em, rows, !!n.dedupeKey);
      // an outbox row per notification and outgoing channel that accepts it, in one statement
      const recipient = new Map(targets.map((u) => [u.id, u]));
      const outbox = written.flatMap((row) =>
        this.outgoing
          .filter((channel) => !channel.accepts || channel.accepts(row, recipient.get(row.userId)!))
          .map((channel) => ({ notificationId: row.id, channel: channel.name, status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: this.deliveries.dueNow() })),
      );
      if (outbox.length) {
        await em.insert(NotificationDelivery, outbox);
        this.deliveries.afterCommit(em);
      }
      return written;
    });
  }

  /**
   * The rows in one multi-row INSERT. With a dedupe key, another transaction may have written one of
   * them meanwhile (MySQL; the statement is then undone whole): they are written one by one, and the
   * ones that key already holds are left out, theirs being the one.
   */
  private async insertAll(em: EntityManager, rows: Notification[], deduped: boolean): Promise<Notification[]> {
    if (!rows.length) return [];
    try {
      await em.insert(Notification, rows);
      return rows;
    } catch (err) {
      if (!deduped || dbViolation(err) !== 'unique') throw err;
    }
    const written: Notification[] = [];
    for (const row of rows) {
      try {
        await em.insert(Notification, row);
        written.push(row);
      } catch (err) {
        if (dbViolation(err) !== 'unique') throw err;
      }
    }
    return written;
  }

  /** The users the recipients name (active ones, the actor and `except` left out), and the actor's display name. */
  private async resolve(em: EntityManager, r: Recipients, actorId: number | null): Promise<{ users: Recipient[]; actorName: string | null }> {
    const roles = r.officeRoles ?? DEFAULT_OFFICE_ROLES;
    const offices = r.offices ?? [];
    const named = offices.filter((o): o is number => o !== null);
    const where: Array<FindOptionsWhere<User>> = [];
    if (ids(r.users).length) where.push({ id: In(ids(r.users)), active: true });
    if (ids(r.units).length) where.push({ unitId: In(ids(r.units)), active: true });
    if (named.length) where.push({ jurisdictionId: In(named), role: In(roles), active: true });
    if (offices.includes(null)) where.push({ jurisdictionId: IsNull(), role: In(roles), active: true });
    if (!where.length) return { users: [], actorName: null };
    if (actorId !== null) where.push({ id: actorId });
    const rows = await em.find(User, { select: { id: true, username: true, displayName: true, role: true, unitId: true, jurisdictionId: true, active: true }, where, order: { id: 'ASC' } });
    const skip = new Set([...ids(r.except), ...(actorId !== null ? [actorId] : [])]);
    const actor = rows.find((u) => u.id === actorId);
    const users = rows
      .filter((u) => u.active && !skip.has(u.id))
      .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, jurisdictionId: u.jurisdictionId }));
    return { users, actorName: actor ? actor.displayName : null };
  }

  /** The signed-in user's notifications, newest first, a page at a time (at most 100). */
  async mine(userId: number, o: { unreadOnly?: boolean | null; page?: number | null; perPage?: number | null }): Promise<Notification[]> {
    const perPage = o.perPage ?? 20;
    const page = o.page ?? 0;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > PAGE_MAX) throw badInput('perPage', `perPage must be between 1 and ${PAGE_MAX}`, 'OUT_OF_RANGE', { min: 1, max: PAGE_MAX });
    if (!Number.isInteger(page) || page < 0 || page > 10_000) throw badInput('page', 'page must be between 0 and 10000', 'OUT_OF_RANGE', { min: 0, max: 10_000 });
    return this.ds.getRepository(Notification).find({ where: this.own(userId, o.unreadOnly), order: { id: 'DESC' }, skip: page * perPage, take: perPage });
  }

  /** How many the user has (unread ones only, or all). */
  count(userId: number, unreadOnly = false): Promise<number> {
    return this.ds.getRepository(Notification).count({ where: this.own(userId, unreadOnly) });
  }

  /**
   * Marks the user's notifications read (those already read keep their time). An id that is not one of
   * theirs is NOT_FOUND and nothing is marked: another user's notification does not exist for them.
   */
  async markRead(userId: number, rawIds: readonly string[]): Promise<Notification[]> {
    if (rawIds.length > PAGE_MAX) throw badInput('ids', `At most ${PAGE_MAX} notifications at once`, 'TOO_MANY', { max: PAGE_MAX });
    const wanted = [...new Set(rawIds.map((id) => toId(id, 'ids')))];
    if (!wanted.length) return [];
    const repo = this.ds.getRepository(Notification);
    const rows = await repo.find({ where: { id: In(wanted), userId } });
    const unknown = wanted.find((id) => !rows.some((r) => r.id === id));
    if (unknown !== undefined) throw notFound('Notification', unknown);
    const unread = rows.filter((r) => r.readAt === null).map((r) => r.id);
    if (unread.length) await repo.update({ id: In(unread), userId, readAt: IsNull() }, { readAt: new Date() });
    return repo.find({ where: { id: In(wanted), userId }, order: { id: 'DESC' } });
  }

  /** Marks every unread notification of the user read; returns how many. */
  async markAllRead(userId: number): Promise<number> {
    const res = await this.ds.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return res.affected ?? 0;
  }

  private own(userId: number, unreadOnly?: boolean | null): FindOptionsWhere<Notification> {
    return unreadOnly ? { userId, readAt: IsNull() } : { userId };
  }
}
