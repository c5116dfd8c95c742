import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Database connection settings derived from DATABASE_URL. */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; url: string; poolSize: number; queueLimit: number };

/** Everything the app reads from the environment, parsed and validated once. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
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
}

export class ConfigError extends Error {}

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
  if (!raw) return { kind: 'sqlite', file: path.resolve('data/app.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/app.sqlite');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(`DATABASE_URL must start with mysql://, mariadb:// or sqlite:, got "${url.protocol}"`);
  }
  if (!url.pathname || url.pathname === '/') throw new ConfigError('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/test');
  url.protocol = 'mysql:';
  return { kind: 'mysql', url: url.toString(), poolSize, queueLimit };
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
  };
}
