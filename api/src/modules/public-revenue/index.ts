import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { SheetImporter } from '../../common/sheet-import/sheet-import';
import { disclosureImport } from './disclosure-import.service';
import { DisclosureImportResolver } from './disclosure-import.resolver';
import { defineCompoundFlags } from '../organization/compound-flags';
import { PublicRevenue1764979200000 } from './migrations/1764979200000-PublicRevenue';
import { REVENUE_FLAGS } from './public-revenue.flags';
import { CompoundRevenueResolver, RevenueAuditResolver, RevenueDisclosureResolver } from './public-revenue.resolver';
import { RevenueAuditService, RevenueDisclosureService } from './public-revenue.service';
import { RevenueAudit } from './revenue-audit.entity';
import { RevenueDisclosure } from './revenue-disclosure.entity';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  revenueDisclosure: new RevenueDisclosureService(ds, tx, audit, {
    entity: RevenueDisclosure,
    typeName: 'RevenueDisclosure',
    searchColumns: ['summary', 'evidence'],
    derivedColumns: ['communityId'],
    defaultSort: [
      ['year', 'DESC'],
      ['quarter', 'DESC'],
    ],
  }),
  revenueAudit: new RevenueAuditService(ds, tx, audit, {
    entity: RevenueAudit,
    typeName: 'RevenueAudit',
    searchColumns: ['auditor', 'findings'],
    derivedColumns: ['communityId'],
    defaultSort: [['year', 'DESC']],
  }),
  disclosureImport: new SheetImporter(disclosureImport, ds, tx, audit),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  BEFORE_QUARTER_END: 'A quarter’s public revenue is disclosed once the quarter is over',
  BEFORE_AUDITED_YEAR: 'A yearly audit is dated before the year it audits began',
} as const;

defineCompoundFlags(REVENUE_FLAGS);

/** 公共收益: a compound's public revenue disclosed quarter by quarter (due by the end of the next quarter's first month) and audited yearly. */
export const publicRevenueModule: ApiModule = {
  name: 'public-revenue',
  entities: [RevenueDisclosure, RevenueAudit],
  migrations: [PublicRevenue1764979200000],
  services,
  resolvers: [RevenueDisclosureResolver, RevenueAuditResolver, CompoundRevenueResolver, DisclosureImportResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
