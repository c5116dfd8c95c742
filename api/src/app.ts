import { Scheduler } from './common/scheduler';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger as PinoLogger } from 'pino';
import type { DataSource, Logger } from 'typeorm';
import { loadSeeds, type SeedReport } from '../../seeds/load';
import type { AppContext } from './common/context';
import { databaseOutage, type FormatOptions, formatError, jsonBodyErrors, RETRY_AFTER_SECONDS, unavailablePlugin } from './common/format-error';
import { Loaders } from './common/loaders';
import { ADMIN_LIMITS, admitOperation, limitRules, type QueryLimits } from './common/query-limits';
import { createLogger, factsPlugin, refusalBrake, requestLog, scopeRequests } from './common/request-log';
import { currentScope, meterStatements, type RequestBudget } from './common/request-scope';
import { KnownOperationTypes } from './common/validation-rules';
import { createDataSource } from './config/data-source';
import type { AppConfig } from './config/env';
import { buildAdminSchema, buildPartnerSchema } from './schema';
import { createServices, type Services } from './services';
import { mountPartnerApi } from './modules/partner/partner.endpoint';
import { MODULES } from './modules';
import { officeOf, prepareViewer } from './common/scope';

export interface AppOptions {
  /** A TypeORM logger (tests count statements with one). */
  logger?: Logger;
  /** Where start-up lines go (default: stdout). */
  log?: (line: string) => void;
  /** The request logger (default: pino on stdout; tests pass one writing where they can read it). */
  requestLog?: PinoLogger;
}

export interface App {
  express: Express;
  ds: DataSource;
  services: Services;
  seedReport: SeedReport | null;
  /** The daily jobs (common/scheduler.ts): started when config.scheduler is on; tests call runDue themselves. */
  scheduler: Scheduler;
  close(): Promise<void>;
}

/**
 * Builds the whole application: database (migrated, seeded), services, the admin GraphQL endpoint
 * at /graphql, the partner endpoint at /partner/graphql and /health. Tests call this too, each with its own database.
 */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? ((line: string) => console.log(line));
  const ds = await createDataSource(config.database, options.logger);
  await ds.initialize();
  meterStatements(ds);
  try {
    await ds.runMigrations({ transaction: 'each' });
    const services = createServices(ds, config);
    const seedReport = config.seedOnStart ? await loadSeeds(services.tx, services.audit) : null;
    await services.auth.ensureAdmin(log);
    await services.auth.warnOfficeless(log);
    await services.partnerKey.warnOfficeless(log);

    const logger = options.requestLog ?? createLogger(config.env, config.logLevel);
    const errorOptions: FormatOptions = {
      production: config.env === 'production',
      hideSuggestions: config.env !== 'development',
      report: (err, level = 'error') => logger[level]({ err, requestId: currentScope()?.requestId }, level === 'warn' ? 'database unavailable' : 'unexpected error'),
    };
    const plugins: ApolloServerPlugin<AppContext>[] = [ApolloServerPluginCacheControlDisabled(), gate(ADMIN_LIMITS, services), unavailablePlugin(), factsPlugin()];
    if (config.env === 'production') plugins.push(ApolloServerPluginLandingPageDisabled());
    const apollo = new ApolloServer<AppContext>({
      schema: buildAdminSchema(),
      introspection: config.introspection,
      includeStacktraceInErrorResponses: config.env === 'development',
      formatError: (formatted, error) => formatError(formatted, error, errorOptions),
      validationRules: [KnownOperationTypes, ...limitRules(ADMIN_LIMITS)],
      parseOptions: { maxTokens: ADMIN_LIMITS.tokens },
      plugins,
    });
    await apollo.start();

    const app = express();
    app.disable('x-powered-by');
    // req.ip is the socket's address unless the operator says a proxy in front may be trusted.
    app.set('trust proxy', config.trustProxy);
    app.use(requestLog(logger));
    app.get('/health', async (_req, res) => {
      const down = await databaseDown(ds);
      if (!down) res.json({ status: 'ok', database: config.database.kind });
      else res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable', database: config.database.kind, reason: down });
    });
    const budget: RequestBudget = { ...DEFAULT_BUDGET, ...config.requestBudget };
    app.use(
      '/graphql',
      refusalBrake(services.limits),
      // Anonymous callers can only sign in: their bodies stay small, so refusing them stays cheap.
      (req: Request, res: Response, next: NextFunction) => (req.get('authorization') ? signedInBody : anonymousBody)(req, res, next),
      jsonBodyErrors,
      scopeRequests(budget),
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<AppContext> => ({
          user: null,
          authorization: req.get('authorization'),
          requestId: req.scope!.requestId,
          ip: req.ip ?? null,
          idempotencyKey: idempotencyKeyOf(req.get('idempotency-key')),
          office: req.get('x-office'),
          loaders: new Loaders(ds),
          services,
          facts: req.facts,
        }),
      }),
    );
    const partner = await mountPartnerApi(app, {
      ds,
      schema: buildPartnerSchema(),
      services,
      config,
      formatError: (formatted: GraphQLFormattedError, error: unknown) => formatError(formatted, error, errorOptions),
      budget,
    });
    for (const m of MODULES) m.http?.(app, { ds, services, budget });
    serveConsole(app, config.adminDir);
    const scheduler = new Scheduler(
      ds,
      MODULES.flatMap((m) => m.jobs?.(services) ?? []),
    );
    if (config.scheduler) scheduler.start((config.schedulerIntervalS ?? 300) * 1000, log);
    // background work (the notification outbox) starts once everything above is up, and stops first
    const stops = MODULES.map((m) => m.start?.(services)).filter((stop) => typeof stop === 'function');
    return {
      express: app,
      ds,
      services,
      seedReport,
      scheduler,
      close: async () => {
        await scheduler.stop();
        for (const stop of stops) await stop();
        await apollo.stop();
        await partner.stop();
        await services.limits.close();
        await ds.destroy();
      },
    };
  } catch (err) {
    await ds.destroy();
    throw err;
  }
}

/** The built react-admin console at /admin (client-side routes fall back to its index.html). */
function serveConsole(app: Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  app.get('/', (_req, res) => res.redirect('/admin/'));
  if (!fs.existsSync(index)) {
    app.get(/^\/admin(\/.*)?$/, (_req, res) => {
      res.status(503).type('text/plain').send('The console is not built: run npm run build:admin (npm start does it for you).');
    });
    return;
  }
  app.use('/admin', express.static(dir, { index: false, maxAge: '1h' }));
  app.get(/^\/admin(\/.*)?$/, (_req, res) => res.sendFile(index));
}

/** A client-chosen key for retrying a write safely; anything odd is ignored rather than trusted. */
function idempotencyKeyOf(header: string | undefined): string | null {
  return header && /^[A-Za-z0-9._:-]{8,100}$/.test(header) ? header : null;
}

const signedInBody = express.json({ limit: '2mb' });
const anonymousBody = express.json({ limit: '16kb' });

const DEFAULT_BUDGET: RequestBudget = { statements: 2000, concurrency: 3, timeMs: 20_000 };

/**
 * Runs once the operation is parsed and validated (depth, aliases, directives, tokens): the cost
 * check, the text inputs (control characters, size), then the bearer token. Nothing touches the database before a request passes the limits,
 * and the two run in this order in one hook (Apollo runs different plugins' hooks concurrently).
 */
function gate(limits: QueryLimits, services: Services): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          admitOperation(rc, limits);
          const ctx = rc.contextValue;
          const auth = await services.auth.authenticate(ctx.authorization);
          ctx.user = auth.user;
          ctx.authError = auth.user ? undefined : auth.reason;
          if (auth.user) await prepareViewer(services.ds, { jurisdictionId: officeOf(auth.user.jurisdictionId, ctx.office), role: auth.user.role });
          if (ctx.facts && auth.user) ctx.facts.userId = auth.user.id;
          if (auth.user) await services.limits.enforce('user', String(auth.user.id), 'Too many requests from your account');
        },
      };
    },
  };
}

/** Why the database cannot answer now, or null; bounded so /health answers during an outage too. */
async function databaseDown(ds: DataSource): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([ds.query('SELECT 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 3000)))]);
    return null;
  } catch (err) {
    return databaseOutage(err) ?? (err instanceof Error && err.message === 'timeout' ? 'The database did not answer within 3 s' : 'The database is unavailable');
  } finally {
    clearTimeout(timer);
  }
}
