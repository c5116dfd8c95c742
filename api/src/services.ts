import type { DataSource } from 'typeorm';
import type { Services } from './common/context';
import { RateLimits } from './common/rate-limit';
import { TransactionRunner } from './common/transactions';
import type { AppConfig } from './config/env';
import { MODULES } from './modules';
import { AuditService } from './modules/audit/audit.service';

export type { Services } from './common/context';

/**
 * The composition root: one instance of each service per app, made by the modules in order
 * (api/src/modules/index.ts), sharing the data source, the transaction runner and the audit trail;
 * then each module's `wire` sets its hooks on the others.
 */
export function createServices(ds: DataSource, config: AppConfig): Services {
  const kit = { ds, tx: new TransactionRunner(ds), audit: new AuditService(ds), config, limits: new RateLimits(config), modules: MODULES };
  const services: Record<string, unknown> = { ds, tx: kit.tx, limits: kit.limits };
  for (const m of MODULES) {
    for (const [name, service] of Object.entries(m.services?.(kit) ?? {})) {
      if (name in services) throw new Error(`Module ${m.name}: a service named "${name}" already exists`);
      services[name] = service;
    }
  }
  for (const m of MODULES) m.wire?.(services as unknown as Services);
  return services as unknown as Services;
}
