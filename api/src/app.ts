import { Scheduler } from './common/scheduler';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger as PinoLogger } from 'pino';
import type { DataSource, Logger } from 'typeorm';
import { loadSeeds, type SeedReport } from '../../seeds/load';
import type { AppContext } from './common/context';
import { databaseOutage, finalErrors, type FormatOptions, formatError, jsonBodyErrors, RETRY_AFTER_SECONDS, unavailablePlugin } from './common/format-error';
import { Loaders } from './common/loaders';
import { ADMIN_LIMITS, admitOperation, limitRules, type QueryLimits } from './common/query-limits';
import { createLogger, factsPlugin, refusalBrake, requestLog, scopeRequests } from './common/request-log';
import { currentScope, meterStatements, readFromReplicas, type RequestBudget } from './common/request-scope';
import { KnownOperationTypes } from './common/validation-rules';
import { createDataSource } from './config/data-source';
import { type AppConfig, showsStackTraces } from './config/env';
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
      // api/src/index.ts stops the server on SIGTERM/SIGINT (requests in flight first, then this): Apollo's own handler
      // racing it left cluster workers waiting out the 10 s grace (api/src/cluster.ts)
      stopOnTerminationSignals: false,
      introspection: config.introspection,
      // stack traces (the server's file paths) stay in the log unless NODE_ENV=development and DEBUG_ERRORS=true
      includeStacktraceInErrorResponses: showsStackTraces(config),
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
    if (config.compression !== false) app.use(compressAnswers());
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
    app.use(finalErrors({ stack: showsStackTraces(config), report: (err) => logger.error({ err, requestId: currentScope()?.requestId }, 'unexpected error') }));
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

/**
 * The built react-admin console at /admin (client-side routes fall back to its index.html). Its
 * scripts and styles are served brotli- or gzip-compressed where the browser accepts it, from the
 * .br/.gz files the build writes beside them (admin/vite.config.mts); the hashed files under assets/
 * never change, so browsers keep them for a year.
 */
function serveConsole(app: Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  app.get('/', (_req, res) => res.redirect('/admin/'));
  if (!fs.existsSync(index)) {
    app.get(/^\/admin(\/.*)?$/, (_req, res) => {
      res.status(503).type('text/plain').send('The console is not built: run npm run build:admin (npm start does it for you).');
    });
    return;
  }
  const immutable = (res: Response, file: string) => {
    if (file.startsWith(path.join(dir, 'assets') + path.sep)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
  };
  app.use('/admin', precompressed(dir, immutable), express.static(dir, { index: false, maxAge: '1h', setHeaders: immutable }));
  // a file of an earlier build (a tab open across a deployment) is gone: 404, not the page in its place
  app.get(/^\/admin\/assets\//, (_req, res) => res.status(404).type('text/plain').send('Not found: the console was updated, reload the page.'));
  app.get(/^\/admin(\/.*)?$/, (_req, res) => res.sendFile(index));
}

/** Files the build compresses (admin/vite.config.mts `precompress`): text, larger than a packet. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const ENCODINGS = { br: '.br', gzip: '.gz' } as const;

/**
 * Serves `<file>.br` or `<file>.gz` in place of `<file>` when the request accepts that encoding and the
 * build wrote it; anything else (no such file, identity only) goes on to express.static.
 */
function precompressed(dir: string, setHeaders: (res: Response, file: string) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !COMPRESSIBLE.test(req.path)) return next();
    res.vary('Accept-Encoding');
    // brotli wherever it is accepted at all (smaller than gzip by a fifth), whatever order the header lists them in
    const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : null;
    if (!encoding) return next();
    res.set('Content-Encoding', encoding).type(path.extname(req.path));
    setHeaders(res, path.join(dir, req.path));
    // root + a relative path: send refuses `..`, decodes the path and fails with 404 for a file that is not there (→ next)
    res.sendFile(`.${req.path}${ENCODINGS[encoding]}`, { root: dir, dotfiles: 'ignore', maxAge: '1h' }, (err) => {
      if (!err) return;
      if (res.headersSent) return next(err);
      for (const header of ['Content-Encoding', 'Content-Type', 'Cache-Control']) res.removeHeader(header);
      next();
    });
  };
}

/** Answers smaller than this go out as they are: they fit one packet either way, and gzip would only cost CPU. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * gzip or brotli (npm `compression`) for answers above COMPRESSION_THRESHOLD to clients whose
 * Accept-Encoding allows it, with Vary: Accept-Encoding. Brotli when the client accepts it, at quality 4
 * (the library's default: on the 225 kB admin schema 6% smaller than gzip in 4 ms against 6 ms; quality 11 takes 330 ms).
 * Only the types mime-db calls compressible (JSON, GraphQL responses, HTML, CSS, text): never PDF,
 * xlsx/docx (zips), images or other attachments; never an answer already carrying a Content-Encoding
 * (the console's precompressed files) or `Cache-Control: no-transform`. Mounted after the request log,
 * so its line keeps the answer's status and time.
 */
function compressAnswers() {
  return compression({ threshold: COMPRESSION_THRESHOLD });
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
          // a query's reads may come from a read replica from here on; a mutation reads the primary throughout
          if (rc.operation?.operation === 'query') readFromReplicas();
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
