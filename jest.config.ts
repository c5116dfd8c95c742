import type { Config } from 'jest';

/*
 * One project per database. Every test file runs on SQLite; when TEST_MYSQL_URL is set it runs again
 * on MySQL/MariaDB. Each file builds its own app on its own database (see api/test/harness.ts).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
] as const;

const project = (name: string, db: string) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: ['<rootDir>/api/test', '<rootDir>/api/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': swc as unknown as [string, Record<string, unknown>],
    // jose 6 ships ESM only; Node runs it through require(esm), Jest's module runtime needs it compiled.
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }] as [string, Record<string, unknown>],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['<rootDir>/api/test/setup-env.ts'],
  globals: { __TEST_DB__: db },
});

const projects = [project('sqlite', 'sqlite')];
if (process.env.TEST_MYSQL_URL) projects.push(project('mysql', 'mysql'));

const config: Config = {
  projects,
  testTimeout: 60_000,
};
export default config;
