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

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.ds.transaction(work);
    const result = this.queue.then(() => this.ds.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
