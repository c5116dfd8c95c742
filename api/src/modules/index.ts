import { attachmentModule } from './attachment';
import { auditModule } from './audit';
import { authModule } from './auth';
import { complaintModule } from './complaint';
import { practicalMatterModule } from './practical-matter';
import { idempotencyModule } from './idempotency';
import { incentiveModule } from './incentive';
import { indicatorModule } from './indicator';
import { notificationModule } from './notification';
import { organizationModule } from './organization';
import { ownersCommitteeModule } from './owners-committee';
import { partnerModule } from './partner';
import { partyOrganizationModule } from './party-organization';
import { policyModule } from './policy';
import { propertyServiceModule } from './property-service';
import { publicationModule } from './publication';
import { publicNoticeModule } from './public-notice';
import { publicRevenueModule } from './public-revenue';
import { ratingModule } from './rating';
import { seedModule } from './seed';
import { serviceEvaluationModule } from './service-evaluation';
import { taskModule } from './task';
import { workingGroupModule } from './working-group';

/**
 * The API's modules: the one list a new domain is added to (each registers itself in its
 * index.ts: entities, migrations, services, resolvers, refusal reasons; see common/module.ts).
 * Order: a module after those whose services it wires into.
 */
export const MODULES = [
  auditModule,
  idempotencyModule,
  seedModule,
  authModule,
  notificationModule,
  policyModule,
  organizationModule,
  workingGroupModule,
  taskModule,
  ownersCommitteeModule,
  partyOrganizationModule,
  propertyServiceModule,
  publicRevenueModule,
  serviceEvaluationModule,
  indicatorModule,
  incentiveModule,
  ratingModule,
  publicationModule,
  partnerModule,
  publicNoticeModule,
  complaintModule,
  practicalMatterModule,
  attachmentModule,
];
