import 'reflect-metadata';
import { loadSeeds } from '../../../seeds/load';
import { createDataSource } from '../config/data-source';
import { loadConfig, readEnvFile } from '../config/env';
import { createServices } from '../services';

/** Runs migrations, then loads seeds/ (idempotent: a second run inserts nothing). */
async function main(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const ds = await createDataSource(config.database);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const services = createServices(ds, config);
    const report = await loadSeeds(services.tx, services.audit);
    console.log(Object.keys(report).length ? `inserted ${JSON.stringify(report)}` : 'nothing new: every seed record was applied before');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
