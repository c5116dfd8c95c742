import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/** The transaction the current async call chain runs in, per data source. */
const active = new AsyncLocalStorage<{ ds: DataSource; em: EntityManager }>();

/**
 * Runs work in one database transaction, and transactions compose (after Vendure's
 * TransactionalConnection): a service called inside another's transaction joins it instead of
 * opening its own, so a write made of several services' writes commits or rolls back as one. The
 * transaction in progress is carried by AsyncLocalStorage, so callers need not pass `em` through
 * layers that only call other services (they may, and `manager` gives it back).
 *
 * SQLite (better-sqlite3) has a single connection that TypeORM shares between callers, so two
 * overlapping transactions would nest as savepoints of each other: on SQLite, outermost
 * transactions are queued and run one at a time. A nested call must therefore never queue behind
 * its own outer transaction (it would wait forever): it joins it.
 */
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(private readonly ds: DataSource) {
    this.serial = ds.options.type === 'better-sqlite3';
  }

  /** The entity manager of the transaction this call chain is in, or the data source's manager outside one. */
  get manager(): EntityManager {
    return this.current()?.em ?? this.ds.manager;
  }

  /** Is this call chain inside a transaction of this data source? */
  get inTransaction(): boolean {
    return this.current() !== undefined;
  }

  /**
   * Runs `work` in a transaction: the caller's, when there is one (the work joins it: its failure
   * fails the whole), otherwise a new one. On MySQL/MariaDB an outermost transaction chosen as a
   * deadlock victim is retried (twice at most): InnoDB rolled it back entirely, so running the work
   * again is safe. Work passed here only touches the database through `em`.
   */
  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current();
    if (outer) return work(outer.em);
    const inTransaction = (em: EntityManager) => active.run({ ds: this.ds, em }, () => work(em));
    if (!this.serial) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.ds.transaction(inTransaction);
        } catch (err) {
          if (attempt >= 3 || !isDeadlock(err)) throw err;
        }
      }
    }
    const result = this.queue.then(() => this.ds.transaction(inTransaction));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private current(): { ds: DataSource; em: EntityManager } | undefined {
    const store = active.getStore();
    // A transaction that has ended (work that outlived it, e.g. a timer started inside) is not joined.
    if (!store || store.ds !== this.ds || !store.em.queryRunner?.isTransactionActive) return undefined;
    return store;
  }
}

/**
 * Find options that lock the rows read until the transaction ends (SELECT … FOR UPDATE). SQLite has
 * no row locks and needs none: its transactions run one at a time (see TransactionRunner).
 */
export function writeLock(em: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return em.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_write' } };
}

function isDeadlock(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return code === 'ER_LOCK_DEADLOCK' || errno === 1213;
}
