import { HeaderMap } from '@apollo/server';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from './errors';
import type { Reason } from './reasons';

/** The limits the API keeps, each counted per key (a username, an address, a partner key, a user id). */
export type RateLimitName = 'loginUser' | 'loginIp' | 'partnerKey' | 'partnerIp' | 'user' | 'refusedIp';

/** At most `points` in a window of `seconds`. */
export interface RateLimitRule {
  points: number;
  seconds: number;
}

/**
 * What production gets unless RATE_LIMIT_* says otherwise (README, "Reliability and security").
 * Sign-in limits count failures only, so a street office behind one address can still sign in its
 * whole staff in the morning; a guesser gets 5 tries per account and 20 per address per 15 minutes.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitName, RateLimitRule>> = {
  loginUser: { points: 5, seconds: 15 * 60 },
  loginIp: { points: 20, seconds: 15 * 60 },
  partnerKey: { points: 600, seconds: 60 },
  partnerIp: { points: 30, seconds: 60 },
  user: { points: 300, seconds: 60 },
  // Requests refused as malformed or too large (HTTP 400/413) per address: the console sends none, a
  // client looping on refused queries is then turned away before its body is even read.
  refusedIp: { points: 60, seconds: 60 },
};

/** The outcome of counting one event: allowed, or refused with the time until the window frees up. */
export type Taken = { ok: true; remaining: number } | { ok: false; retryAfterMs: number; firstRefusal: boolean };

/**
 * 限流: the app's named limiters. In memory by default (one process); with REDIS_URL every limiter
 * counts in Redis through one shared client, so several API processes share one limit. Should Redis
 * be unreachable, each limiter falls back to counting in memory rather than refusing everybody.
 */
export class RateLimits {
  readonly rules: Readonly<Record<RateLimitName, RateLimitRule>>;
  private readonly redis: Redis | null;
  private readonly limiters: Record<RateLimitName, RateLimiterAbstract>;

  constructor(config: { redisUrl?: string; rateLimits?: Partial<Record<RateLimitName, RateLimitRule>>; rateLimitPrefix?: string }, onStoreError: (err: Error) => void = logOnce()) {
    this.rules = { ...DEFAULT_RATE_LIMITS, ...config.rateLimits };
    const prefix = config.rateLimitPrefix || 'wydj:rl';
    // lazyConnect: scripts that build the services but never count anything never open a connection.
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 }) : null;
    this.redis?.on('error', onStoreError);
    const make = (name: RateLimitName): RateLimiterAbstract => {
      const opts = { points: this.rules[name].points, duration: this.rules[name].seconds, keyPrefix: `${prefix}:${name}` };
      const memory = new RateLimiterMemory(opts);
      return this.redis ? new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: memory }) : memory;
    };
    this.limiters = { loginUser: make('loginUser'), loginIp: make('loginIp'), partnerKey: make('partnerKey'), partnerIp: make('partnerIp'), user: make('user'), refusedIp: make('refusedIp') };
  }

  /** Counts one event for the key. The first refusal of a window is marked, so callers can log it once. */
  async take(name: RateLimitName, key: string): Promise<Taken> {
    try {
      const res = await this.limiters[name].consume(key);
      return { ok: true, remaining: res.remainingPoints };
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return { ok: false, retryAfterMs: err.msBeforeNext, firstRefusal: err.consumedPoints === this.rules[name].points + 1 };
    }
  }

  /** Counts one request for the key, or refuses it with RATE_LIMITED (HTTP 429) once over the limit. */
  async enforce(name: RateLimitName, key: string, message: string): Promise<void> {
    const taken = await this.take(name, key);
    if (!taken.ok) throw rateLimited(message, taken.retryAfterMs, 'TOO_MANY_REQUESTS');
  }

  /** How long the key is still refused (ms), without counting anything; 0 when it is not (its points are not all used). */
  async refusedFor(name: RateLimitName, key: string): Promise<number> {
    const res = await this.limiters[name].get(key).catch(() => null);
    return res && res.consumedPoints >= this.rules[name].points ? res.msBeforeNext : 0;
  }

  /** Gives back an event counted by `take` that turned out not to count (a successful sign-in). */
  async giveBack(name: RateLimitName, key: string): Promise<void> {
    await this.limiters[name].reward(key, 1);
  }

  /** Forgets the key's count (a successful sign-in clears the account's failures). */
  async reset(name: RateLimitName, key: string): Promise<void> {
    await this.limiters[name].delete(key);
  }

  /** Refuses the key for a whole window from now (the lock-out after the last allowed failure). */
  async lock(name: RateLimitName, key: string): Promise<void> {
    await this.limiters[name].block(key, this.rules[name].seconds);
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}

/**
 * A refusal as the API gives it: code RATE_LIMITED, the seconds to wait in extensions.retryAfter,
 * and HTTP 429 with Retry-After (Apollo Server takes extensions.http from errors thrown by the
 * context function and by resolvers alike, and strips it from the response body).
 */
export function rateLimited(message: string, retryAfterMs: number, reason: Reason): AppError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(ErrorCode.RATE_LIMITED, `${message}; try again in ${retryAfter} seconds`, {
    reason,
    retryAfter,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
  });
}

/** Logs a store error once until a different one occurs (a Redis outage would otherwise log every retry). */
function logOnce(): (err: Error) => void {
  let last = '';
  return (err) => {
    if (err.message === last) return;
    last = err.message;
    console.error(`rate limits: Redis unavailable, counting in memory meanwhile (${err.message})`);
  };
}
