import type { Express } from 'express';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { AppConfig } from '../config/env';
import type { AuditService } from '../modules/audit/audit.service';
import type { NotificationKindDecls } from '../modules/notification/notification.kinds';
import type { Services } from './context';
import type { RateLimits } from './rate-limit';
import type { RequestBudget } from './request-scope';
import type { DailyJob } from './scheduler';
import type { TransactionRunner } from './transactions';

/** What every module's services are made with: the data source, the transaction runner, the audit trail, the config. */
export interface ModuleKit {
  ds: DataSource;
  tx: TransactionRunner;
  audit: AuditService;
  config: AppConfig;
  limits: RateLimits;
  /** Every module of the app, for a module that reads what the others declare (the notification centre: their kinds). */
  modules: readonly ApiModule[];
}

/**
 * A domain of the API, registering itself: everything it adds, in its own `index.ts`. The app is
 * the list of modules in `api/src/modules/index.ts` (MODULES); entities, migrations, services and
 * both schemas are read from that list, so adding a domain edits no central file but that list.
 *
 * A module's services join `Services` (what resolvers find on `ctx.services`) by declaration merging
 * in its index.ts, so `common/context.ts` imports no module:
 *
 *   const services = ({ ds, tx, audit }: ModuleKit) => ({ complaint: new ComplaintService(…) });
 *   declare module '../../common/context' { interface Services extends ModuleServices<typeof services> {} }
 *
 * (the factory stands alone, not inside the module object: the module names its resolvers, whose
 * types read `Services`, so typing Services from the whole module would be circular).
 *
 * DataLoaders need no registration: the request's `Loaders` (common/loaders.ts) makes `byId` loaders
 * for any entity and keeps a module's own by name (`ctx.loaders.named(key, factory)`); a module's
 * loader functions live in its `<name>.loaders.ts` and are imported where they are used.
 */
export interface ApiModule {
  /** The folder's name (api/src/modules/<name>). */
  name: string;
  /** Its TypeORM entities (explicit, no globs: the same list works from ts and from dist). */
  entities?: Function[];
  /** TypeORM entity subscribers it adds: what must follow every write of its entities, in the writer's transaction. */
  subscribers?: Function[];
  /**
   * Migrations the module added (class names end in their timestamp); they run after the platform's
   * history in `api/src/migrations/` (tables created before modules carried their own), by timestamp.
   */
  migrations?: Array<new () => MigrationInterface>;
  /** Its services, by the name resolvers use (`ctx.services.<name>`): one instance per app. */
  services?: (kit: ModuleKit) => object;
  /** Hooks it sets on other modules' services once all exist (e.g. publication freezing published rating periods). */
  wire?: (services: Services) => void;
  /** Resolvers of the admin schema (console and staff). */
  resolvers?: Function[];
  /** Resolvers of the read-only partner schema. */
  partnerResolvers?: Function[];
  /** The refusal reasons (extensions.reason) it throws, for the ErrorReason enum the console translates. */
  reasons?: Readonly<Record<string, string>>;
  /** Jobs it runs once a day in the API process (common/scheduler.ts: one process of several runs each, once a day). */
  jobs?: (services: Services) => DailyJob[];
  /** Plain HTTP routes it serves besides GraphQL (public notices, file uploads), mounted before the console; `budget` is what one request may use of the database. */
  http?: (app: Express, kit: { ds: DataSource; services: Services; budget: RequestBudget }) => void;
  /**
   * The kinds of notification it sends (`notify`, modules/notification): code → description, parameters
   * and the plain Chinese line; the console translates each (`notifications.kinds.<KIND>` in its messages).
   */
  notificationKinds?: NotificationKindDecls;
  /** Work it runs in the background of the API process once the app is up (the notification outbox); returns how to stop it. */
  start?: (services: Services) => (() => Promise<void>) | void;
}

/** The services a module's factory makes, for `interface Services extends ModuleServices<typeof services>`. */
export type ModuleServices<F extends (kit: ModuleKit) => object> = ReturnType<F>;
