import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATE_DIR_PREFIX, TEMPLATES_ENV } from './templates';

/**
 * Once per jest run, before any worker starts: a new directory for this run's template databases
 * (api/test/templates.ts). Workers inherit the variable; the first file that needs a template builds
 * it there, so every run builds from the migrations and seeds as they are now, never from a cache.
 */
export default function globalSetup(): void {
  const dir = path.join(os.tmpdir(), `${TEMPLATE_DIR_PREFIX}${randomBytes(4).toString('hex')}${process.pid}`);
  fs.mkdirSync(dir);
  process.env[TEMPLATES_ENV] = dir;
}
