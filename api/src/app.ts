import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { DataSource, Logger } from 'typeorm';
import { loadSeeds, type SeedReport } from '../../seeds/load';
import type { AppContext } from './common/context';
import { Loaders } from './common/loaders';
import { KnownOperationTypes } from './common/validation-rules';
import { createDataSource } from './config/data-source';
import type { AppConfig } from './config/env';
import { buildAdminSchema } from './schema';
import { createServices, type Services } from './services';
import { mountPartnerApi } from './modules/partner/partner.endpoint';

export interface AppOptions {
  /** A TypeORM logger (tests count statements with one). */
  logger?: Logger;
  /** Where start-up lines go (default: stdout). */
  log?: (line: string) => void;
}

export interface App {
  express: Express;
  ds: DataSource;
  services: Services;
  seedReport: SeedReport | null;
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
  try {
    await ds.runMigrations({ transaction: 'each' });
    const services = createServices(ds, config);
    const seedReport = config.seedOnStart ? await loadSeeds(services.tx, services.audit) : null;
    await services.auth.ensureAdmin(log);

    const plugins: ApolloServerPlugin<AppContext>[] = [ApolloServerPluginCacheControlDisabled()];
    if (config.env === 'production') plugins.push(ApolloServerPluginLandingPageDisabled());
    const apollo = new ApolloServer<AppContext>({
      schema: buildAdminSchema(),
      introspection: config.introspection,
      includeStacktraceInErrorResponses: config.env === 'development',
      formatError: (formatted, error) => formatError(formatted, error, config.env === 'production'),
      validationRules: [KnownOperationTypes],
      plugins,
    });
    await apollo.start();

    const app = express();
    app.disable('x-powered-by');
    app.get('/health', async (_req, res) => {
      try {
        await ds.query('SELECT 1');
        res.json({ status: 'ok', database: config.database.kind });
      } catch {
        res.status(503).json({ status: 'unavailable', database: config.database.kind });
      }
    });
    app.use(
      '/graphql',
      express.json({ limit: '2mb' }),
      expressMiddleware(apollo, {
        context: async ({ req, res }): Promise<AppContext> => {
          const requestId = requestIdOf(req.get('x-request-id'));
          res.setHeader('X-Request-Id', requestId);
          const auth = await services.auth.authenticate(req.get('authorization'));
          return { user: auth.user, authError: auth.user ? undefined : auth.reason, requestId, loaders: new Loaders(ds), services };
        },
      }),
    );
    const partner = await mountPartnerApi(app, { ds, services, config, formatError: (formatted: GraphQLFormattedError, error: unknown) => formatError(formatted, error, config.env === 'production'), requestIdOf });
    serveConsole(app, config.adminDir);
    return {
      express: app,
      ds,
      services,
      seedReport,
      close: async () => {
        await apollo.stop();
        await partner.stop();
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

function requestIdOf(header: string | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * Every error leaves with extensions.code. Validation errors name their field(s); anything
 * unexpected is logged and, in production, masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const fields = flattenValidation(original.extensions.validationErrors as ValidationLike[]);
    const first = fields[0];
    return {
      ...formatted,
      message: first ? first.messages[0] : 'Invalid input',
      extensions: { code: 'BAD_USER_INPUT', field: first?.field, fields },
    };
  }
  const code = formatted.extensions?.code;
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    console.error(original);
    if (production) return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

function flattenValidation(errors: ValidationLike[], prefix = ''): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}
