import path from 'node:path';
import type { Logger } from 'typeorm';
import pino, { type Logger as PinoLogger } from 'pino';
import request from 'supertest';
import { type App, createApp } from '../src/app';
import type { AppConfig } from '../src/config/env';
import { Role } from '../src/common/roles';
import { freshDatabase } from './db';

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
  createUser(u: { username: string; displayName?: string; role: Role; unitId?: string | null }): Promise<{ token: string; id: string }>;
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

/** A fresh database, migrated and (by default) seeded, with the real app on it; `config` overrides settings (e.g. rate limits). */
export async function startTestApp(options: { seed?: boolean; introspection?: boolean; config?: Partial<AppConfig>; requestLog?: PinoLogger } = {}): Promise<TestApp> {
  const { db, drop } = await freshDatabase();
  const sql = new CountingLogger();
  const config: AppConfig = {
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
    ...options.config,
    // Tests send far more requests (and refused ones) per minute than a person: the per-user, per-key and
    // refused-request limits are raised here, and a test's own limits apply on top (rate-limit.test.ts,
    // the brake in query-limits.test.ts). Sign-in and partner per-address limits stay as in production.
    rateLimits: { user: { points: 1_000_000, seconds: 60 }, partnerKey: { points: 1_000_000, seconds: 60 }, refusedIp: { points: 1_000_000, seconds: 60 }, ...options.config?.rateLimits },
  };
  const app = await createApp(config, { logger: sql, log: () => undefined, requestLog: options.requestLog ?? measuringLog() });
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
      const res = await t.gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
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
    async createUser({ username, displayName, role, unitId }) {
      const res = await t.gql(
        `mutation($u: String!, $d: String!, $r: Role!, $unit: ID) {
          createUser(username: $u, displayName: $d, password: "set-by-admin-123", role: $r, unitId: $unit) { id }
        }`,
        { u: username, d: displayName ?? username, r: role, unit: unitId ?? null },
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
    },
  };
  return t;
}

/** The error code of the first error, for terse assertions. */
export const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;
export const fieldOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.field;
