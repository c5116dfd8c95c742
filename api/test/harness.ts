import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'typeorm';
import pino, { type Logger as PinoLogger } from 'pino';
import request from 'supertest';
import { type App, createApp } from '../src/app';
import type { AppConfig, DatabaseConfig } from '../src/config/env';
import { Role } from '../src/common/roles';
import { freshDatabase } from './db';
import { templateCopy, templatesDir, type Variant } from './templates';

/** Counts the SQL statements TypeORM sends (for N+1 checks). */
export class CountingLogger implements Logger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string): void {
    this.count++;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
    this.statements = [];
  }
}

export const ADMIN_PASSWORD = 'admin-pass-123';
/** The password users made by `createUser` / `userWithRole` chose for themselves. */
export const USER_PASSWORD = 'password-123';

export interface GqlResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }>;
}

export interface TestApp {
  app: App;
  sql: CountingLogger;
  config: AppConfig;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** A request to the partner endpoint with an API key (X-Api-Key); returns the HTTP status too. */
  partner<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GqlResponse<T> & { status: number }>;
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** A user of that role (UNIT_STAFF gets a unit), signed in; returns its token and id. */
  userWithRole(role: Role, unitId?: string): Promise<{ token: string; id: string }>;
  /**
   * A user created by the admin who then chose USER_PASSWORD themselves (an admin-set password must be
   * changed at the first sign-in), signed in; returns its token and id.
   */
  createUser(u: { username: string; displayName?: string; role: Role; unitId?: string | null; jurisdictionId?: string | null }): Promise<{ token: string; id: string }>;
  close(): Promise<void>;
}

/**
 * With GRAPHQL_MEASURE_FILE set, every request's log line (operation, cost, depth, aliases,
 * directives, tokens; never bodies) is appended there: `npm run measure:operations` reads the
 * file after the browser tests to show what the console really sends (README, query limits).
 */
function measuringLog(): PinoLogger | undefined {
  const file = process.env.GRAPHQL_MEASURE_FILE;
  return file ? pino({ level: 'info', base: undefined }, pino.destination({ dest: file, append: true, sync: true })) : undefined;
}

export interface StartOptions {
  seed?: boolean;
  introspection?: boolean;
  config?: Partial<AppConfig>;
  requestLog?: PinoLogger;
  /**
   * Migrate and seed an empty database at start-up instead of starting on a copy of the run's
   * template (api/test/templates.ts): for a test of start-up itself (what it migrates, seeds, reports).
   */
  fresh?: boolean;
}

/** The settings every test app starts with; `options` override them. */
function testConfig(db: DatabaseConfig, options: StartOptions): AppConfig {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    database: db,
    jwtSecret: 'test-secret-that-is-at-least-32-characters-long',
    jwtTtl: '1h',
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    seedOnStart: options.seed ?? true,
    introspection: options.introspection ?? true,
    adminDir: path.resolve(__dirname, '../../admin/dist'),
    trustProxy: false,
    progressBackdateDays: 31,
    reminderDays: 3,
    // tests run the daily jobs themselves (app.scheduler.runDue), at the day they choose
    scheduler: false,
    ...options.config,
    // Tests send far more requests (and refused ones) per minute than a person: the per-user, per-key and
    // refused-request limits are raised here, and a test's own limits apply on top (rate-limit.test.ts,
    // the brake in query-limits.test.ts). Sign-in and partner per-address limits stay as in production.
    rateLimits: { user: { points: 1_000_000, seconds: 60 }, partnerKey: { points: 1_000_000, seconds: 60 }, refusedIp: { points: 1_000_000, seconds: 60 }, ...options.config?.rateLimits },
  };
}

/** Makes a template the way a test app used to make its own database: the real start-up on an empty one. */
async function buildTemplate(db: DatabaseConfig, variant: Variant): Promise<void> {
  const app = await createApp(testConfig(db, { seed: variant === 'seeded' }), { log: () => undefined, requestLog: pino({ level: 'silent' }) });
  await app.close();
}

/**
 * The real app on the test's own database, migrated and (by default) seeded; `config` overrides settings
 * (e.g. rate limits). The database is a copy of a template that the run migrated and seeded once with this
 * same createApp, so start-up finds nothing to do: the migrations are recorded, loadSeeds knows every seed
 * key (its report is {}), the admin exists. `fresh: true`, or settings that change what start-up writes
 * (the admin's name or password), start from an empty database instead.
 */
export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const variant: Variant = (options.config?.seedOnStart ?? options.seed ?? true) ? 'seeded' : 'migrated';
  // The templates are made with the default admin; other start-up settings do not write to the database.
  const onTemplate = !options.fresh && templatesDir() !== null && !['database', 'adminUsername', 'adminPassword'].some((k) => options.config && k in options.config);
  const { db, drop } = onTemplate ? await templateCopy(variant, (empty) => buildTemplate(empty, variant)) : await freshDatabase();
  const sql = new CountingLogger();
  // every test app keeps its attachments in a directory of its own, removed with its database
  const files = options.config?.attachmentDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-files-'));
  const config = testConfig(db, { ...options, config: { ...(files ? { attachmentDir: files } : {}), ...options.config } });
  const app = await createApp(config, { logger: sql, log: () => undefined, requestLog: options.requestLog ?? measuringLog() }).catch(async (err: unknown) => {
    await drop();
    throw err;
  });
  let admin: string | undefined;
  let users = 0;
  const t: TestApp = {
    app,
    sql,
    config,
    async gql(query, variables, token) {
      const req = request(app.express).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body as GqlResponse;
    },
    async partner(query, variables, key) {
      const req = request(app.express).post('/partner/graphql').set('content-type', 'application/json');
      if (key) req.set('x-api-key', key);
      const res = await req.send({ query, variables });
      return { ...(res.body as GqlResponse), status: res.status };
    },
    async login(username, password) {
      const res = await t.gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async adminToken() {
      admin ??= await t.login('admin', ADMIN_PASSWORD);
      return admin;
    },
    async userWithRole(role, unitId) {
      let unit = unitId;
      if (role === Role.UNIT_STAFF && !unit) {
        const units = await t.gql('{ allUnits(perPage: 1) { id } }', {}, await t.adminToken());
        unit = units.data.allUnits[0].id;
      }
      return t.createUser({ username: `${role.toLowerCase()}${++users}`, role, unitId: unit });
    },
    async createUser({ username, displayName, role, unitId, jurisdictionId }) {
      const res = await t.gql(
        `mutation($u: String!, $d: String!, $r: Role!, $unit: ID, $j: ID) {
          createUser(username: $u, displayName: $d, password: "set-by-admin-123", role: $r, unitId: $unit, jurisdictionId: $j) { id }
        }`,
        { u: username, d: displayName ?? username, r: role, unit: unitId ?? null, j: jurisdictionId ?? undefined },
        await t.adminToken(),
      );
      if (!res.data?.createUser) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
      const changed = await t.gql(
        'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { token } }',
        { c: 'set-by-admin-123', n: USER_PASSWORD },
        await t.login(username, 'set-by-admin-123'),
      );
      if (!changed.data?.changePassword) throw new Error(`changePassword failed: ${JSON.stringify(changed.errors)}`);
      return { token: changed.data.changePassword.token, id: res.data.createUser.id };
    },
    async close() {
      await app.close();
      await drop();
      if (files) fs.rmSync(files, { recursive: true, force: true });
    },
  };
  return t;
}

/** The error code of the first error, for terse assertions. */
export const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;
export const fieldOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.field;
