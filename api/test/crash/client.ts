import { randomUUID } from 'node:crypto';
import { sleep } from './mariadb';

/** One intended write, and how to count its effect in the database afterwards. */
export interface WriteSpec {
  kind: string;
  token: string;
  /** The user the token belongs to: their keys and audit rows are matched up afterwards. */
  actorId: number;
  query: string;
  variables: Record<string, unknown>;
  /** The mutation's root field in `data`. */
  field: string;
  /** Counts the rows this write leaves behind: `expect` when applied once, 0 when never applied. */
  check: { sql: string; params: unknown[]; expect: number };
}

export interface Outcome {
  spec: WriteSpec;
  key: string;
  acknowledged: boolean;
  /** The answer's data for the root field, when acknowledged. */
  data?: any;
  attempts: number;
  sentAt: number;
  answeredAt?: number;
  /** A refusal the client cannot retry its way out of (code/reason): a write that should have worked. */
  refusal?: string;
}

/** An attempt that did not get an answer the client could use, when, and why (extensions.code, or how it failed). */
export interface FailedAttempt {
  at: number;
  code: string;
  kind: string;
}

/** The client hung up on purpose before the answer came (see `dropRate`). */
export const DROPPED = 'DROPPED';

/** Codes a client retries, with the same key: the write may or may not have been applied. */
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'NO_ANSWER', 'BAD_ANSWER', 'RATE_LIMITED', 'TOO_MANY_REQUESTS', DROPPED]);
const retryable = (code: string) => RETRYABLE.has(code) || /^HTTP_5/.test(code);

/**
 * A client that retries like a careful one: each intended write gets one Idempotency-Key and is sent
 * again with it whenever no usable answer came back (no answer, a 5xx, SERVICE_UNAVAILABLE), until
 * it is answered or the deadline passes.
 */
export class RetryingClient {
  readonly outcomes: Outcome[] = [];
  readonly failures: FailedAttempt[] = [];
  /** Attempts whose answers nobody listens to (see `dropRate`); awaited before the database is checked. */
  readonly unheard: Array<Promise<unknown>> = [];

  constructor(
    private readonly url: string,
    private readonly giveUpAt: () => number,
    /** Share of writes whose first answer the client never hears (a dropped connection) and retries at once. */
    private readonly dropRate = 0,
    private readonly requestTimeoutMs = 30_000,
  ) {}

  async write(spec: WriteSpec): Promise<Outcome> {
    const outcome: Outcome = { spec, key: randomUUID(), acknowledged: false, attempts: 0, sentAt: Date.now() };
    this.outcomes.push(outcome);
    let backoff = 100;
    for (;;) {
      outcome.attempts++;
      if (outcome.attempts === 1 && Math.random() < this.dropRate) {
        // The answer to this attempt will be "lost": it runs on, unheard, while the retry goes out after
        // 0–150 ms, so the retry meets either the finished write's key or the write still in progress.
        this.unheard.push(this.attempt(spec, { ...outcome }, this.requestTimeoutMs).catch(() => null));
        await sleep(Math.random() * 150);
        this.failures.push({ at: Date.now(), code: DROPPED, kind: spec.kind });
        continue;
      }
      const code = await this.attempt(spec, outcome, this.requestTimeoutMs);
      if (code === null) return outcome;
      this.failures.push({ at: Date.now(), code, kind: spec.kind });
      if (!retryable(code)) {
        outcome.refusal = code;
        return outcome;
      }
      if (Date.now() + backoff > this.giveUpAt()) return outcome;
      // Polls faster than the server's Retry-After (5 s) so the test can time the recovery to the second.
      await sleep(backoff + Math.random() * 100);
      backoff = Math.min(1000, backoff * 2);
    }
  }

  /** null when answered; otherwise why not. */
  private async attempt(spec: WriteSpec, outcome: Outcome, timeoutMs: number): Promise<string | null> {
    let status: number;
    let body: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: { code?: string; reason?: string } }> };
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        // Each attempt has its own request id: the audit row's tells which attempt applied the write.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}`, 'idempotency-key': outcome.key, 'x-request-id': `${outcome.key}.${outcome.attempts}` },
        body: JSON.stringify({ query: spec.query, variables: spec.variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      try {
        body = (await res.json()) as typeof body;
      } catch {
        return status >= 500 ? `HTTP_${status}` : 'BAD_ANSWER';
      }
    } catch {
      return 'NO_ANSWER';
    }
    const value = body.data?.[spec.field];
    if (!body.errors?.length && value !== undefined && value !== null) {
      outcome.acknowledged = true;
      outcome.data = value;
      outcome.answeredAt = Date.now();
      return null;
    }
    const ext = body.errors?.[0]?.extensions;
    const code = ext?.code ?? `HTTP_${status}`;
    if (retryable(code)) return code;
    return ext?.reason ? `${code}/${ext.reason}` : code;
  }
}
