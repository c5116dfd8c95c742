import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { RequestBudget } from '../common/request-scope';
import type { RateLimitName, RateLimitRule } from '../common/rate-limit';
import type { WebhookConfig } from '../modules/notification/notification.channels';

/**
 * Database connection settings derived from DATABASE_URL, and DATABASE_REPLICA_URLS: read replicas of
 * that server, which serve the reads of GraphQL queries (config/data-source.ts says which reads go there).
 */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string; poolSize: number; queueLimit: number; replicaUrls?: string[] };

/** Everything the app reads from the environment, parsed and validated once. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /** Stack traces in error answers (GraphQL extensions.stacktrace, HTTP error bodies): only with NODE_ENV=development and DEBUG_ERRORS=true. */
  debugErrors?: boolean;
  port: number;
  host: string;
  database: DatabaseConfig;
  jwtSecret: string;
  jwtTtl: string;
  adminUsername: string;
  adminPassword?: string;
  seedOnStart: boolean;
  introspection: boolean;
  /** The built console (vite build output), served at /admin. */
  adminDir: string;
  /** Express "trust proxy": false (default), true, a hop count or a list of addresses (TRUST_PROXY). */
  trustProxy: boolean | number | string;
  /** gzip/brotli of answers above 1 KB to clients that accept it (COMPRESSION, default on; off behind a proxy that compresses). */
  compression?: boolean;
  /** Shared rate-limit store (REDIS_URL); rate limits are kept in memory when unset. */
  redisUrl?: string;
  /** Rate limits set by RATE_LIMIT_* ("5/15m"); the others keep their defaults (common/rate-limit.ts). */
  rateLimits?: Partial<Record<RateLimitName, RateLimitRule>>;
  /** Prefix of rate-limit keys (RATE_LIMIT_PREFIX): processes sharing a Redis and a prefix share the limits. */
  rateLimitPrefix?: string;
  /** What one request may use of the database (DB_REQUEST_STATEMENTS, DB_REQUEST_CONCURRENCY, REQUEST_TIMEOUT_MS). */
  requestBudget?: Partial<RequestBudget>;
  /** pino level (LOG_LEVEL): info by default, silent in tests. */
  logLevel?: string;
  /** How many days back a progress report may be dated without an ADMIN correction (PROGRESS_BACKDATE_DAYS). */
  progressBackdateDays: number;
  /** 黄灯: an assignment is DUE_SOON this many days before a deadline (REMINDER_DAYS, default 3). */
  reminderDays?: number;
  /** Whether this process runs the daily jobs (SCHEDULER, default on; several processes may: one runs each job a day). */
  scheduler?: boolean;
  /** How often the scheduler looks for a job due (SCHEDULER_INTERVAL_S, default 300). */
  schedulerIntervalS?: number;
  /** Where attachments are stored by content hash (ATTACHMENT_DIR); default `attachments` beside the SQLite file, else data/attachments. */
  attachmentDir?: string;
  /** The largest attachment accepted, in bytes (ATTACHMENT_MAX_MB; default 20 MB). */
  attachmentMaxBytes?: number;
  /** The outgoing notification webhook (NOTIFY_WEBHOOK_*): notifications are also POSTed there, signed; unset: in-app only. */
  notificationWebhook?: WebhookConfig;
}

export class ConfigError extends Error {}

/** Whether error answers may carry stack traces (server file paths): NODE_ENV=development and DEBUG_ERRORS=true, both. */
export const showsStackTraces = (config: Pick<AppConfig, 'env' | 'debugErrors'>): boolean => config.env === 'development' && config.debugErrors === true;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Parses a DATABASE_URL: empty → embedded SQLite; sqlite:<path>; mysql://… or mariadb://… */
export function parseDatabaseUrl(raw: string | undefined, env: NodeJS.ProcessEnv = {}): DatabaseConfig {
  const poolSize = int(env, 'DB_POOL_SIZE', 10, 1, 200);
  const queueLimit = int(env, 'DB_QUEUE_LIMIT', 200, 1, 100000);
  const replicas = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (replicas.length && (!raw || raw.startsWith('sqlite:'))) throw new ConfigError('DATABASE_REPLICA_URLS needs a MySQL/MariaDB DATABASE_URL (the primary the replicas copy)');
  if (!raw) return { kind: 'sqlite', file: path.resolve('data/app.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/app.sqlite');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  const url = mysqlUrlOf('DATABASE_URL', raw);
  return replicas.length ? { kind: 'mysql', url, poolSize, queueLimit, replicaUrls: replicas.map((r) => mysqlUrlOf('DATABASE_REPLICA_URLS', r)) } : { kind: 'mysql', url, poolSize, queueLimit };
}

/** A mysql:// or mariadb:// URL naming a database, as mysql://… */
function mysqlUrlOf(variable: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${variable} is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(`${variable} must start with ${variable === 'DATABASE_URL' ? 'mysql://, mariadb:// or sqlite:' : 'mysql:// or mariadb://'}, got "${url.protocol}"`);
  }
  if (!url.pathname || url.pathname === '/') throw new ConfigError(`${variable} must name a database, e.g. mysql://root@127.0.0.1:3306/test`);
  url.protocol = 'mysql:';
  return url.toString();
}

function trustProxyOf(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  return raw; // a list of addresses or subnets, as Express understands it
}

function logLevelOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${raw}"`);
  }
  return raw;
}

const RATE_LIMIT_VARS: Record<RateLimitName, string> = {
  loginUser: 'RATE_LIMIT_LOGIN_USER',
  loginIp: 'RATE_LIMIT_LOGIN_IP',
  partnerKey: 'RATE_LIMIT_PARTNER_KEY',
  partnerIp: 'RATE_LIMIT_PARTNER_IP',
  user: 'RATE_LIMIT_USER',
  refusedIp: 'RATE_LIMIT_REFUSED_IP',
};

/** RATE_LIMIT_*=<points>/<window>, e.g. 5/15m (s, m or h); unset variables are left out. */
function rateLimitsOf(env: NodeJS.ProcessEnv): Partial<Record<RateLimitName, RateLimitRule>> {
  const out: Partial<Record<RateLimitName, RateLimitRule>> = {};
  for (const [name, variable] of Object.entries(RATE_LIMIT_VARS) as Array<[RateLimitName, string]>) {
    const raw = env[variable];
    if (!raw) continue;
    const m = /^(\d{1,7})\/(\d{1,5})([smh])$/.exec(raw);
    const seconds = m ? Number(m[2]) * { s: 1, m: 60, h: 3600 }[m[3] as 's' | 'm' | 'h'] : 0;
    if (!m || Number(m[1]) < 1 || seconds < 1) throw new ConfigError(`${variable} must look like 5/15m (at most 5 per 15 minutes), got "${raw}"`);
    out[name] = { points: Number(m[1]), seconds };
  }
  return out;
}

function redisUrlOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^rediss?:\/\//.test(raw)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${raw}"`);
  return raw;
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must start with http:// or https://, got "${url.protocol}"`);
  return raw;
}

/** NOTIFY_WEBHOOK_URL and its secret and retry settings; undefined when no URL is set. */
function webhookOf(env: NodeJS.ProcessEnv): WebhookConfig | undefined {
  const url = httpUrl(env, 'NOTIFY_WEBHOOK_URL');
  if (!url) return undefined;
  const secret = env.NOTIFY_WEBHOOK_SECRET ?? '';
  if (secret.length < 32) throw new ConfigError('NOTIFY_WEBHOOK_SECRET must be at least 32 characters when NOTIFY_WEBHOOK_URL is set (the receiver checks the signature with it)');
  return {
    url,
    secret,
    maxAttempts: int(env, 'NOTIFY_WEBHOOK_MAX_ATTEMPTS', 8, 1, 50),
    retrySeconds: int(env, 'NOTIFY_WEBHOOK_RETRY_SECONDS', 30, 1, 86_400),
    timeoutMs: int(env, 'NOTIFY_WEBHOOK_TIMEOUT_MS', 5000, 100, 60_000),
    pollSeconds: int(env, 'NOTIFY_WEBHOOK_POLL_SECONDS', 15, 0, 3600),
    consoleUrl: httpUrl(env, 'NOTIFY_CONSOLE_URL'),
  };
}

/**
 * Fills `env` from a .env file (ENV_FILE, else .env in the working directory) as .env.example says;
 * variables already set win, so the real environment overrides the file. Returns the file read.
 */
export function readEnvFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = path.resolve(env.ENV_FILE || '.env');
  if (!fs.existsSync(file)) {
    if (env.ENV_FILE) throw new ConfigError(`ENV_FILE names a file that does not exist: ${file}`);
    return null;
  }
  for (const [name, value] of Object.entries(parseEnv(fs.readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return file;
}

/** How many API workers `npm run start:cluster` forks (WEB_CONCURRENCY): one per core unless set. */
export function webConcurrency(env: NodeJS.ProcessEnv = process.env, cores: number = os.availableParallelism()): number {
  return int(env, 'WEB_CONCURRENCY', cores, 1, 256);
}

/** Reads and validates the configuration; throws ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV || 'development') as AppConfig['env'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${env.NODE_ENV}"`);
  }
  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
    // Development only: tokens stop working when the process restarts.
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  const jwtTtl = env.JWT_TTL || '8h';
  if (!/^\d+[smhd]$/.test(jwtTtl)) throw new ConfigError(`JWT_TTL must look like 30m, 8h or 7d, got "${jwtTtl}"`);
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters');
  }
  return {
    env: nodeEnv,
    debugErrors: bool(env, 'DEBUG_ERRORS', false),
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    database: parseDatabaseUrl(env.DATABASE_URL, env),
    jwtSecret,
    jwtTtl,
    adminUsername: env.ADMIN_USERNAME || 'admin',
    adminPassword,
    seedOnStart: bool(env, 'SEED_ON_START', true),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    adminDir: path.resolve(env.ADMIN_DIR || 'admin/dist'),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    compression: bool(env, 'COMPRESSION', true),
    redisUrl: redisUrlOf(env.REDIS_URL),
    rateLimits: rateLimitsOf(env),
    rateLimitPrefix: env.RATE_LIMIT_PREFIX || undefined,
    requestBudget: {
      statements: int(env, 'DB_REQUEST_STATEMENTS', 2000, 10, 1_000_000),
      concurrency: int(env, 'DB_REQUEST_CONCURRENCY', 3, 1, 100),
      timeMs: int(env, 'REQUEST_TIMEOUT_MS', 20_000, 100, 600_000),
    },
    logLevel: logLevelOf(env.LOG_LEVEL),
    progressBackdateDays: int(env, 'PROGRESS_BACKDATE_DAYS', 31, 0, 3650),
    reminderDays: int(env, 'REMINDER_DAYS', 3, 0, 60),
    scheduler: bool(env, 'SCHEDULER', true),
    schedulerIntervalS: int(env, 'SCHEDULER_INTERVAL_S', 300, 5, 86_400),
    attachmentDir: env.ATTACHMENT_DIR ? path.resolve(env.ATTACHMENT_DIR) : undefined,
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    notificationWebhook: webhookOf(env),
  };
}
