/*
 * One API process of several (api/test/supervision.test.ts): starts the app on the database it is
 * given (SCHEDULER_TEST_CONFIG, the test app's config as JSON), says "ready", waits until the file
 * GO_FILE exists (the test makes it once every process is ready, so they reach the scheduler together),
 * runs the day's jobs as at NOW, and prints what happened to each.
 */
import fs from 'node:fs';
import 'reflect-metadata';
import { createApp } from '../../src/app';
import type { AppConfig } from '../../src/config/env';

async function main(): Promise<void> {
  const config = JSON.parse(process.env.SCHEDULER_TEST_CONFIG ?? '{}') as AppConfig;
  const app = await createApp({ ...config, seedOnStart: false, scheduler: false }, { log: () => undefined });
  try {
    process.stdout.write('ready\n');
    while (!fs.existsSync(process.env.GO_FILE ?? '')) await new Promise((r) => setTimeout(r, 10));
    const outcomes = await app.scheduler.runDue(new Date(process.env.NOW ?? Date.now()));
    process.stdout.write(`${JSON.stringify({ holder: app.scheduler.holder, outcomes })}\n`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
