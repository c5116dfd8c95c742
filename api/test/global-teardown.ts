import fs from 'node:fs';
import { dropMysqlDatabase } from './db';
import { templateSchema, templatesDir, TEMPLATES_ENV, VARIANTS } from './templates';

/** Removes what global-setup.ts and the template builds made: the run's directory and MySQL template schemas. */
export default async function globalTeardown(): Promise<void> {
  const dir = templatesDir();
  if (!dir) return;
  if (process.env.TEST_MYSQL_URL) {
    for (const variant of VARIANTS) await dropMysqlDatabase(templateSchema(dir, variant));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env[TEMPLATES_ENV];
}
