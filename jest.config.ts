import type { Config } from 'jest';

/*
 * One project per database. Every test file runs on SQLite; when TEST_MYSQL_URL is set it runs again
 * on MySQL/MariaDB. Each file builds its own app on its own database (see api/test/harness.ts).
 * ts-jest compiles file by file (isolatedModules): `npm run typecheck` is where types are checked.
 */
const project = (name: string, db: string) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: ['<rootDir>/api/test', '<rootDir>/api/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] as [string, Record<string, unknown>] },
  setupFiles: ['<rootDir>/api/test/setup-env.ts'],
  globals: { __TEST_DB__: db },
});

const projects = [project('sqlite', 'sqlite')];
if (process.env.TEST_MYSQL_URL) projects.push(project('mysql', 'mysql'));

const config: Config = {
  projects,
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/api/test/summary-reporter.cjs'],
};
export default config;
