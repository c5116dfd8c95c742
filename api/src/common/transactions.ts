import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction. SQLite (better-sqlite3) has a single connection that
 * TypeORM shares between callers, so two overlapping transactions would nest as savepoints of each
 * other: on SQLite, transactions are queued and run one at a time.
 */
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(private readonly ds: DataSource) {
    this.serial = ds.options.type === 'better-sqlite3';
  }

  /**
   * On MySQL/MariaDB a transaction chosen as a deadlock victim is retried (twice at most): InnoDB
   * rolled it back entirely, so running the work again is safe. Work passed here only touches the
   * database through `em`.
   */
  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.ds.transaction(work);
        } catch (err) {
          if (attempt >= 3 || !isDeadlock(err)) throw err;
        }
      }
    }
    const result = this.queue.then(() => this.ds.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
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
