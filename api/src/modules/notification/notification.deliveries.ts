import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { LessThanOrEqual } from 'typeorm';
import { outsideRequest } from '../../common/request-scope';
import { User } from '../auth/user.entity';
import type { NotificationChannel, Recipient } from './notification.channels';
import { DeliveryStatus, Notification, NotificationDelivery } from './notification.entity';

/** How deliveries are retried (the webhook's settings; README, configuration). */
export interface RetryPolicy {
  /** Attempts before a delivery is given up, the first included. */
  maxAttempts: number;
  /** The wait after the first failure; each later wait doubles, up to a day. */
  retrySeconds: number;
  /** The longest one attempt may take (a claimed delivery is taken up again after this and a minute). */
  timeoutMs: number;
  /** How often the worker looks for deliveries due; 0: only when nudged (after a commit) or run by hand. */
  pollSeconds: number;
}

/** What one pass did. */
export interface PassResult {
  delivered: number;
  /** Failed and due again later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

const BATCH = 10;
const DAY_SECONDS = 86_400;
/** Set on a transaction's query runner when it wrote outbox rows: the worker is nudged once it commits. */
const PENDING = 'notificationDeliveriesPending';

/** A time rounded up to a whole second: MySQL DATETIME keeps no fraction (and would round it). */
const wholeSecond = (ms: number): Date => new Date(Math.ceil(ms / 1000) * 1000);

/**
 * The outbox worker of the outgoing channels: delivers each pending `notification_delivery` after the
 * transaction that wrote it commits, outside any request (a slow or dead receiver holds up no request
 * and no transaction), and retries a failed attempt with exponential backoff until `maxAttempts`.
 *
 * It runs in the API process: nudged after every commit that wrote outbox rows, every `pollSeconds`
 * for what is due later, and by hand (`runOnce`, for tests). Passes of one process run one at a time;
 * processes sharing a database each claim a delivery before attempting it (a conditional UPDATE on
 * its attempt count), so one attempt is made at a time. A process that dies mid-attempt leaves the
 * claim to lapse, and the delivery is tried again: receivers may see a delivery twice, with the same
 * `x-wydj-delivery` id, and drop the repeat.
 */
export class NotificationDeliveries {
  /** The worker's clock: when deliveries are due and attempts made (tests set their own). */
  clock: () => Date = () => new Date();
  private chain: Promise<unknown> = Promise.resolve();
  private queued = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly channels: (name: string) => NotificationChannel | undefined,
    private readonly policy: RetryPolicy,
    private readonly report: (err: unknown) => void,
  ) {
    // TypeORM reads the data source's subscribers at every commit, so one added now is heard
    ds.subscribers.push(new CommitListener(() => this.kick()));
  }

  /** When a new delivery is due: now, by the worker's clock (the second begun, so a pass at once finds it due). */
  dueNow(): Date {
    return new Date(Math.floor(this.clock().getTime() / 1000) * 1000);
  }

  /** Called by `notify` once it wrote outbox rows: the worker is nudged when the caller's transaction commits (at once outside one). */
  afterCommit(em: EntityManager): void {
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) runner.data[PENDING] = true;
    else this.kick();
  }

  /** Polls every `pollSeconds` (if set) and looks at once for what an earlier process left due. */
  start(): void {
    if (this.policy.pollSeconds > 0) {
      this.timer = setInterval(() => this.kick(), this.policy.pollSeconds * 1000);
      this.timer.unref();
    }
    this.kick();
  }

  /** Stops polling and waits for the pass under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.chain;
  }

  /** A pass soon, in the background (once, however many nudges come before it starts). */
  kick(): void {
    if (this.stopped || this.queued) return;
    this.queued = true;
    this.enqueue(() => {
      this.queued = false;
      return this.pass();
    }).catch(this.report);
  }

  /** One pass now (after the one under way): every delivery due by the clock, attempted once. */
  runOnce(): Promise<PassResult> {
    return this.enqueue(() => this.pass());
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    // outside the request that nudged it: its statements are no request's, its reads no viewer's
    const run = outsideRequest(() => this.chain.then(work));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async pass(): Promise<PassResult> {
    const result: PassResult = { delivered: 0, retrying: 0, failed: 0 };
    const now = this.clock();
    const due = await this.ds.getRepository(NotificationDelivery).find({
      where: { status: DeliveryStatus.PENDING, nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    const outcomes = await Promise.all(due.map((d) => this.attempt(d, now)));
    for (const o of outcomes) if (o) result[o]++;
    // a full batch: there may be more due
    if (due.length === BATCH && !this.stopped) this.kick();
    return result;
  }

  /** Claims one delivery, makes the attempt and records how it went. */
  private async attempt(d: NotificationDelivery, now: Date): Promise<keyof PassResult | null> {
    const repo = this.ds.getRepository(NotificationDelivery);
    const attempt = d.attempts + 1;
    const lapse = wholeSecond(now.getTime() + this.policy.timeoutMs + 60_000);
    const claim = await this.ds
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({ attempts: attempt, nextAttemptAt: lapse })
      .where('id = :id AND status = :status AND attempts = :attempts', { id: d.id, status: DeliveryStatus.PENDING, attempts: d.attempts })
      .execute();
    if (claim.affected !== 1) return null; // another process took it
    let error: string | null = null;
    try {
      const channel = this.channels(d.channel);
      if (!channel) throw new Error(`No channel named ${d.channel} in this process`);
      const n = await this.ds.getRepository(Notification).findOneByOrFail({ id: d.notificationId });
      const user = await this.ds.getRepository(User).findOneByOrFail({ id: n.userId });
      await channel.deliver(n, recipientOf(user), { deliveryId: d.id, attempt, at: now });
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500) || 'failed';
    }
    if (error === null) {
      await repo.update({ id: d.id }, { status: DeliveryStatus.DELIVERED, deliveredAt: this.clock(), nextAttemptAt: null, lastError: null });
      return 'delivered';
    }
    if (attempt >= this.policy.maxAttempts) {
      await repo.update({ id: d.id }, { status: DeliveryStatus.FAILED, nextAttemptAt: null, lastError: error });
      return 'failed';
    }
    const wait = Math.min(this.policy.retrySeconds * 2 ** (attempt - 1), DAY_SECONDS);
    await repo.update({ id: d.id }, { nextAttemptAt: wholeSecond(now.getTime() + wait * 1000), lastError: error });
    return 'retrying';
  }
}

const recipientOf = (u: User): Recipient => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, jurisdictionId: u.jurisdictionId });

/** Nudges the worker when the outermost transaction that wrote outbox rows commits; forgets them when it rolls back. */
class CommitListener implements EntitySubscriberInterface {
  constructor(private readonly nudge: () => void) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive || !runner.data?.[PENDING]) return;
    delete runner.data[PENDING];
    this.nudge();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data?.[PENDING];
  }
}
