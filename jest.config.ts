import type { Config } from 'jest';

/*
 * One project per database. Every test file runs on SQLite; when TEST_MYSQL_URL is set it runs again
 * on MySQL/MariaDB. Each file builds its own app on its own database (see api/test/harness.ts): a copy
 * of a template migrated and seeded once per run (api/test/templates.ts; global-setup.ts makes the
 * run's directory, global-teardown.ts removes it and the MySQL template schemas).
 * ts-jest compiles file by file (isolatedModules): `npm run typecheck` is where types are checked.
 */
const project = (name: string, db: string, roots: string[]) => ({
  displayName: name,
  testEnvironment: 'node',
  roots,
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] as [string, Record<string, unknown>] },
  setupFiles: ['<rootDir>/api/test/setup-env.ts'],
  globals: { __TEST_DB__: db },
});

// Browser tests (admin/test) run once, on SQLite: what they check is the console, not the database.
const projects = [project('sqlite', 'sqlite', ['<rootDir>/api/test', '<rootDir>/api/src', '<rootDir>/admin/test'])];
if (process.env.TEST_MYSQL_URL) projects.push(project('mysql', 'mysql', ['<rootDir>/api/test', '<rootDir>/api/src']));

const config: Config = {
  projects,
  globalSetup: '<rootDir>/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/api/test/global-teardown.ts',
  testTimeout: 60_000,
  // Every core (jest's default leaves one free: one worker on a two-core machine). Test files spend most
  // of their time waiting on a database or the browser, and each has its own database copy (templates.ts),
  // so they run side by side safely: the suite takes 256 s instead of 554 s on two cores.
  maxWorkers: '100%',
  reporters: ['default', '<rootDir>/api/test/summary-reporter.cjs'],
};
export default config;
