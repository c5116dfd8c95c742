import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { PartnerAccessResolver, PartnerKeyResolver } from './partner-admin.resolver';
import { PartnerAccess, PartnerKey } from './partner-key.entities';
import { PartnerAccessService, PartnerKeyService } from './partner-key.service';
import { PartnerReadService } from './partner-read.service';
import { PartnerAreaResolver, PartnerEditionResolver, PartnerCompanyResolver, PartnerQueryResolver } from './partner.resolver';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  partnerKey: new PartnerKeyService(ds, tx, audit, { entity: PartnerKey, typeName: 'PartnerKey', auditOmit: ['secretHash'], defaultSort: [['id', 'DESC']] }),
  partnerAccess: new PartnerAccessService(ds, tx, audit, { entity: PartnerAccess, typeName: 'PartnerAccess', searchColumns: ['companiesJson', 'queries'], defaultSort: [['id', 'DESC']] }),
  partnerRead: new PartnerReadService(ds),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  NOT_PUBLISHED: 'Nothing is published for what was asked (partner schema; code NOT_FOUND)',
  ALREADY_REVOKED: 'The partner key was already revoked',
  UNISSUED_ID: 'An id this API did not issue for that type (ids are opaque: take them from answers, do not build them)',
  UNISSUED_CURSOR: 'A cursor this API did not issue: pass pageInfo.endCursor of the previous page as `after`',
  AMBIGUOUS_PERIOD: 'The period code exists in several schemes: pass scheme',
} as const;

/** 数据共享: partner keys and their access log (admin schema), and the read-only partner schema itself. */
export const partnerModule: ApiModule = {
  name: 'partner',
  entities: [PartnerKey, PartnerAccess],
  services,
  resolvers: [PartnerKeyResolver, PartnerAccessResolver],
  partnerResolvers: [PartnerQueryResolver, PartnerCompanyResolver, PartnerAreaResolver, PartnerEditionResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
