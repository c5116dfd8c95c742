import { attachmentModule } from './resources/attachment';
import { auditModule } from './resources/audit';
import { authModule } from './resources/auth';
import { budgetModule } from './resources/budget';
import { complaintModule } from './resources/complaint';
import { practicalMatterModule } from './resources/practical-matter';
import type { ConsoleModule } from './resources/common/module';
import { incentiveModule } from './resources/incentive';
import { indicatorModule } from './resources/indicator';
import { notificationModule } from './resources/notification';
import { organizationModule } from './resources/organization';
import { ownersCommitteeModule } from './resources/owners-committee';
import { partnerModule } from './resources/partner';
import { partyOrganizationModule } from './resources/party-organization';
import { policyModule } from './resources/policy';
import { propertyServiceModule } from './resources/property-service';
import { publicationModule } from './resources/publication';
import { publicNoticeModule } from './resources/public-notice';
import { publicRevenueModule } from './resources/public-revenue';
import { ratingModule } from './resources/rating';
import { serviceEvaluationModule } from './resources/service-evaluation';
import { taskModule } from './resources/task';
import { workingGroupModule } from './resources/working-group';

/**
 * The console's modules, in menu order: the one list a new domain is added to (each registers
 * itself in admin/src/resources/<name>/index.ts: resources, pages, menu entries, messages, selections).
 */
export const MODULES: ConsoleModule[] = [
  taskModule,
  indicatorModule,
  complaintModule,
  practicalMatterModule,
  incentiveModule,
  budgetModule,
  workingGroupModule,
  policyModule,
  organizationModule,
  ownersCommitteeModule,
  partyOrganizationModule,
  serviceEvaluationModule,
  propertyServiceModule,
  publicRevenueModule,
  ratingModule,
  publicationModule,
  partnerModule,
  publicNoticeModule,
  auditModule,
  attachmentModule,
  authModule,
  notificationModule,
];
