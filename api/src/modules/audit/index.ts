import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { AuditEvent } from './audit-event.entity';
import { AuditResolver } from './audit.resolver';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ audit }: ModuleKit) => ({ audit });

/** 审计: every write's event, signed and immutable. Its service is made first: every other module's services write through it. */
export const auditModule: ApiModule = {
  name: 'audit',
  entities: [AuditEvent],
  services,
  resolvers: [AuditResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
