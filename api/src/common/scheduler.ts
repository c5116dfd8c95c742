import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import { todayInChina } from './dates';

/*
 * 定时任务: jobs that run once a day (the task reminders of issue 16), inside the API process. Several
 * API processes may run against one database; one of them runs a day's job:
 * - a lease row per job (scheduler_lease): a process runs a job only while it holds the lease, taken by
 *   one conditional UPDATE (or the INSERT of the first row) that succeeds for one process only;
 * - a run row per job and day (scheduler_run, UNIQUE name+day), inserted before the job runs: a day's
 *   run exists once, whoever gets there (a lease that expired mid-run cannot make it twice).
 * Each run is logged in its row: when, by which process, what it did (the job's answer) or its error.
 * A job must itself be idempotent for its day (the reminders are: one per assignment, deadline and day).
 */

export interface DailyJob {
  name: string;
  /** Does the day's work; what it returns is kept in the run's row. */
  run(day: string): Promise<Record<string, unknown>>;
}

export type RunOutcome = { job: string; day: string; ran: boolean; why?: 'DONE_TODAY' | 'LEASED_ELSEWHERE'; result?: Record<string, unknown>; error?: string };

export interface SchedulerOptions {
  /** How long a lease lasts (it is released when the job ends). */
  leaseMs?: number;
  /** Who this process is, in the lease and run rows. */
  holder?: string;
}

const sqlTime = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');

export class Scheduler {
  readonly holder: string;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: DailyJob[],
    opts: SchedulerOptions = {},
  ) {
    this.holder = opts.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
  }

  /** Runs every job not yet run today (China), each under its lease; returns what happened to each. */
  async runDue(now = new Date()): Promise<RunOutcome[]> {
    const day = todayInChina(now);
    const out: RunOutcome[] = [];
    for (const job of this.jobs) out.push(await this.runOne(job, day, now));
    return out;
  }

  /** Checks every `intervalMs` (and once at once); never two passes of this process at a time. */
  start(intervalMs: number, log: (line: string) => void = () => undefined): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.runDue()
        .then((outcomes) => outcomes.filter((o) => o.ran).forEach((o) => log(`scheduler: ${o.job} ${o.day} ${o.error ? `failed: ${o.error}` : JSON.stringify(o.result)}`)))
        .catch((err) => log(`scheduler: ${(err as Error).message}`))
        .finally(() => (this.running = null));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runOne(job: DailyJob, day: string, now: Date): Promise<RunOutcome> {
    const done = await this.ds.query('SELECT 1 FROM scheduler_run WHERE name = ? AND day = ?', [job.name, day]);
    if (done.length) return { job: job.name, day, ran: false, why: 'DONE_TODAY' };
    if (!(await this.lease(job.name, now))) return { job: job.name, day, ran: false, why: 'LEASED_ELSEWHERE' };
    try {
      try {
        await this.ds.query('INSERT INTO scheduler_run (name, day, holder, startedAt) VALUES (?, ?, ?, ?)', [job.name, day, this.holder, sqlTime(now)]);
      } catch {
        // another process wrote the day's run between our check and our insert
        return { job: job.name, day, ran: false, why: 'DONE_TODAY' };
      }
      try {
        const result = await job.run(day);
        await this.ds.query('UPDATE scheduler_run SET finishedAt = ?, result = ? WHERE name = ? AND day = ?', [sqlTime(new Date()), JSON.stringify(result), job.name, day]);
        return { job: job.name, day, ran: true, result };
      } catch (err) {
        const error = (err as Error).message;
        await this.ds.query('UPDATE scheduler_run SET finishedAt = ?, error = ? WHERE name = ? AND day = ?', [sqlTime(new Date()), error.slice(0, 2000), job.name, day]);
        return { job: job.name, day, ran: true, error };
      }
    } finally {
      await this.ds.query('UPDATE scheduler_lease SET expiresAt = ? WHERE name = ? AND holder = ?', [sqlTime(new Date(0)), job.name, this.holder]);
    }
  }

  /** Takes the job's lease if it is free (expired) or already ours: exactly one process gets it. */
  private async lease(name: string, now: Date): Promise<boolean> {
    const until = sqlTime(new Date(now.getTime() + this.leaseMs));
    const taken = await this.ds
      .createQueryBuilder()
      .update('scheduler_lease')
      .set({ holder: this.holder, expiresAt: until })
      .where('name = :name AND (expiresAt < :now OR holder = :holder)', { name, now: sqlTime(now), holder: this.holder })
      .execute();
    if (taken.affected === 1) return true;
    const exists = await this.ds.query('SELECT 1 FROM scheduler_lease WHERE name = ?', [name]);
    if (exists.length) return false;
    try {
      await this.ds.query('INSERT INTO scheduler_lease (name, holder, expiresAt) VALUES (?, ?, ?)', [name, this.holder, until]);
      return true;
    } catch {
      return false; // another process inserted it first
    }
  }
}
