import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseDatabaseUrl, readEnvFile, webConcurrency } from '../src/config/env';
import { isValidUscc, usccCheckChar } from '../src/common/uscc';

describe('configuration', () => {
  it('defaults to the embedded SQLite database', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data[\\/]app\.sqlite$/) });
    expect(c.port).toBe(4000);
    expect(c.introspection).toBe(true);
  });

  it('reads a MySQL URL with a bounded pool queue', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/test', { DB_QUEUE_LIMIT: '50' })).toEqual({
      kind: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/test',
      poolSize: 10,
      queueLimit: 50,
    });
  });

  it('reads read replicas beside a MySQL primary, and refuses them beside SQLite', () => {
    expect(parseDatabaseUrl('mysql://app@db-primary:3306/wydj', { DATABASE_REPLICA_URLS: 'mariadb://app@db-ro-1:3306/wydj, mysql://app@db-ro-2:3306/wydj' })).toEqual({
      kind: 'mysql',
      url: 'mysql://app@db-primary:3306/wydj',
      poolSize: 10,
      queueLimit: 200,
      replicaUrls: ['mysql://app@db-ro-1:3306/wydj', 'mysql://app@db-ro-2:3306/wydj'],
    });
    expect(() => parseDatabaseUrl(undefined, { DATABASE_REPLICA_URLS: 'mysql://app@db-ro-1/wydj' })).toThrow(/DATABASE_REPLICA_URLS needs a MySQL/);
    expect(() => parseDatabaseUrl('mysql://app@db-primary/wydj', { DATABASE_REPLICA_URLS: 'postgres://x/y' })).toThrow(/DATABASE_REPLICA_URLS must start with mysql:\/\/ or mariadb:\/\/, got/);
    expect(() => parseDatabaseUrl('mysql://app@db-primary/wydj', { DATABASE_REPLICA_URLS: 'mysql://app@db-ro-1' })).toThrow(/DATABASE_REPLICA_URLS must name a database/);
  });

  it('forks one cluster worker per core unless WEB_CONCURRENCY says', () => {
    expect(webConcurrency({}, 6)).toBe(6);
    expect(webConcurrency({ WEB_CONCURRENCY: '2' }, 6)).toBe(2);
    expect(() => webConcurrency({ WEB_CONCURRENCY: '0' }, 6)).toThrow(/WEB_CONCURRENCY must be an integer between 1 and 256/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'postgres://x/y' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'mysql://root@host' }, /database/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required/],
    [{ JWT_SECRET: 'short' }, /at least 32/],
    [{ ADMIN_PASSWORD: 'x' }, /ADMIN_PASSWORD/],
    [{ SEED_ON_START: 'maybe' }, /SEED_ON_START/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('turns introspection off in production unless asked', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes and rejects a changed check character', () => {
    // Codes widely cited as valid examples of the standard.
    for (const code of ['91350100M000100Y43', '91110000600037341L']) expect(isValidUscc(code)).toBe(true);
    const base = '91350582MA2XY1234';
    const good = base + usccCheckChar(base);
    expect(isValidUscc(good)).toBe(true);
    expect(isValidUscc(good.toLowerCase())).toBe(true);
    expect(isValidUscc(base + (good[17] === 'A' ? 'B' : 'A'))).toBe(false);
  });

  it('rejects wrong length and characters outside the code alphabet (I, O, S, V, Z)', () => {
    expect(isValidUscc('91350582MA2XY123')).toBe(false);
    expect(isValidUscc('91350582MA2XYI234X')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('reads a .env file as .env.example says, the real environment winning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, '# copied from .env.example\nPORT=4100\nLOG_LEVEL=warn\nDB_REQUEST_CONCURRENCY=2\n');
    const env: NodeJS.ProcessEnv = { ENV_FILE: file, PORT: '4200' };
    expect(readEnvFile(env)).toBe(file);
    const c = loadConfig(env);
    expect(c.port).toBe(4200);
    expect(c.logLevel).toBe('warn');
    expect(c.requestBudget?.concurrency).toBe(2);
    expect(() => readEnvFile({ ENV_FILE: path.join(dir, 'missing.env') })).toThrow(ConfigError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
