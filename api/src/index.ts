import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig, readEnvFile } from './config/env';

/** Start-up only: configuration → app → listen. */
async function main(): Promise<void> {
  let config;
  try {
    readEnvFile();
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(config);
  if (app.seedReport && Object.keys(app.seedReport).length) console.log(`Seeded: ${JSON.stringify(app.seedReport)}`);
  const server = app.express.listen(config.port, config.host, () => {
    const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'MySQL/MariaDB';
    const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    console.log(`物业党建联建 API on ${where}`);
    console.log(`  GraphQL  ${base}/graphql`);
    console.log(`  Health   ${base}/health`);
  });
  const stop = () => server.close(() => void app.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
