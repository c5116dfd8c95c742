import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import { AppError, ErrorCode } from './errors';
import type { Role } from './roles';

/** Who a request acts for, as far as the scope rule goes (common/scope.ts). */
export interface Viewer {
  /** null: the root (acts anywhere). */
  jurisdictionId: number | null;
  role: Role | 'PARTNER' | 'NOBODY';
}

/** How much of the database one request may use (see README "Reliability and security"). */
export interface RequestBudget {
  /** Statements one request may send in all. */
  statements: number;
  /** Statements of one request that may run at the same time (so at most that many pooled connections). */
  concurrency: number;
  /** Milliseconds after which a request may start no further statement. */
  timeMs: number;
}

/**
 * One request's share of the database: its statement count (logged), a budget of statements and
 * time, and a small semaphore so that parallel DataLoader batches of one request cannot take the
 * whole connection pool. Installed by `scopeRequests` and read through AsyncLocalStorage, so the
 * services and loaders need not pass it around.
 */
export class RequestScope {
  statements = 0;
  /** Who the request acts for (common/scope.ts), set once its credentials are checked. */
  viewer?: Viewer;
  /** Owners of parent records this request has looked up (common/scope.ts `ownerOfId`). */
  readonly owners = new Map<string, number | null>();
  /**
   * Where this request's reads outside a transaction go: the primary until the request is known to be
   * a GraphQL query whose credentials are checked (`readFromReplicas`), then the read replicas, if any.
   */
  readsFrom: 'primary' | 'replica' = 'primary';
  readonly startedAt = Date.now();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly requestId: string,
    readonly budget: RequestBudget,
  ) {}

  /** Takes a slot for one statement, or refuses when the request has spent its budget. */
  async acquire(): Promise<void> {
    if (this.statements >= this.budget.statements) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `This request needs more than ${this.budget.statements} database statements; ask for fewer rows or fewer nested lists`, {
        reason: 'STATEMENT_BUDGET',
        limit: this.budget.statements,
      });
    }
    if (Date.now() - this.startedAt > this.budget.timeMs) {
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, `This request took longer than ${this.budget.timeMs} ms and was stopped; ask for less at a time`, {
        reason: 'TIME_BUDGET',
        limit: this.budget.timeMs,
      });
    }
    this.statements++;
    if (this.running < this.budget.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The scope of the request being served, if any (seeding, start-up and tests outside a request have none). */
export const currentScope = (): RequestScope | undefined => storage.getStore();

/** Runs `work` (and everything it awaits) inside `scope`. */
export const runInScope = <T>(scope: RequestScope, work: () => T): T => storage.run(scope, work);

/**
 * Lets the rest of the current request read from the replicas (config/data-source.ts): called by the
 * gates for query operations once the caller is checked, never for mutations, so every read that decides
 * a write (and the sign-in, the session and key checks, the idempotency keys) is made on the primary.
 */
export function readFromReplicas(): void {
  const scope = storage.getStore();
  if (scope) scope.readsFrom = 'replica';
}

/** Runs `work` outside any request: its statements count against no request's budget (shared caches). */
export const outsideRequest = <T>(work: () => T): T => storage.exit(work);

const WRAPPED = Symbol('scopedQuery');

/**
 * Makes every statement of `ds` count against the current request's scope. TypeORM sends all SQL
 * through a QueryRunner's `query` (finds, query builders, transactions, raw queries), so wrapping
 * the runners the driver hands out covers every path; SQLite's driver hands out one shared runner.
 */
export function meterStatements(ds: DataSource): void {
  const driver = ds.driver as unknown as { createQueryRunner: (mode: string) => QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: string) => {
    const runner = create(mode) as QueryRunner & { [WRAPPED]?: true };
    if (runner[WRAPPED]) return runner;
    runner[WRAPPED] = true;
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
      const scope = storage.getStore();
      if (!scope) return query(...args);
      await scope.acquire();
      try {
        return await query(...args);
      } finally {
        scope.release();
      }
    };
    return runner;
  };
}
