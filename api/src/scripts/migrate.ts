import 'reflect-metadata';
import { createDataSource } from '../config/data-source';
import { loadConfig, readEnvFile } from '../config/env';

/** `migrate.ts` runs pending migrations; `migrate.ts --revert` undoes the last one. */
async function main(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const ds = await createDataSource(config.database);
  await ds.initialize();
  try {
    if (process.argv[2] === '--revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      const ran = await ds.runMigrations({ transaction: 'each' });
      console.log(ran.length ? `ran ${ran.map((m) => m.name).join(', ')}` : 'no pending migrations');
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
