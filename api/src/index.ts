import 'reflect-metadata';
import { createApp } from './app';
import { DatabaseUnreachable } from './config/data-source';
import { ConfigError, loadConfig, readEnvFile } from './config/env';

/** How long a stop waits for requests in flight before the process exits anyway. */
const STOP_GRACE_MS = 10_000;

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
  // Express 5 calls this with the error too when listening fails (the 'error' handler below says why)
  const server = app.express.listen(config.port, config.host, (err?: Error) => {
    if (err) return;
    const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'MySQL/MariaDB';
    const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    console.log(`物业党建联建 API on ${where}`);
    console.log(`  控制台 / console  ${base}/admin/`);
    console.log(`  GraphQL           ${base}/graphql`);
    console.log(`  Partner API       ${base}/partner/graphql`);
    console.log(`  Health            ${base}/health`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') console.error(`Port ${config.port} on ${config.host} is in use: another server (an earlier npm start?) is listening there; stop it or set PORT`);
    else console.error(err);
    void app.close().finally(() => process.exit(1));
  });
  // SIGINT/SIGTERM: no new connections, the app closes once the requests in flight are answered (STOP_GRACE_MS at most).
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
    server.close(() => void app.close().then(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  // what the operator can fix (the database missing or unreachable) is one line, not a stack trace
  if (err instanceof DatabaseUnreachable) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
