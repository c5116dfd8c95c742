import { GraphQLSchema, isEnumType, lexicographicSortSchema, printSchema, printType } from 'graphql';
import { buildSchemaSync, type ClassType } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import { withIdempotency } from './common/idempotency';
import { ENTITIES } from './entities';
import { SourcedRecord } from './modules/policy/sourced.entity';
import { AuditResolver } from './modules/audit/audit.resolver';
import { LoginResolver, UserResolver } from './modules/auth/auth.resolver';
import {
  CompoundResolver,
  JurisdictionResolver,
  PropertyCompanyResolver,
  UnitResolver,
} from './modules/organization/organization.resolver';
import { ClauseResolver, createSourceResolver, DocumentCitationResolver, PolicyDocumentResolver } from './modules/policy/policy.resolver';
import { RosterResolver } from './modules/working-group/roster.resolver';
import {
  MembershipResolver,
  PersonResolver,
  PostHoldingResolver,
  PostResolver,
  WorkingGroupResolver,
} from './modules/working-group/working-group.resolver';
import {
  AssignmentResolver,
  KeyWorkResolver,
  MilestoneResolver,
  PlanResolver,
  ProgressReportResolver,
  TargetResolver,
  TaskItemResolver,
} from './modules/task/task.resolver';
import { AssignmentStatusResolver, ProgressResolver } from './modules/task/progress.resolver';
import { TaskImportResolver } from './modules/task/task-import.resolver';
import {
  CompoundGovernanceResolver,
  IndicatorMeasurementResolver,
  IndicatorResolver,
  OwnersCommitteeResolver,
  PartyOrganizationResolver,
} from './modules/indicator/indicator.resolver';
import { AwardCaseResolver } from './modules/incentive/award-case.resolver';
import { IncentiveBudgetResolver, IncentiveProgrammeResolver, IncentiveRuleResolver, IncentiveTotalsResolver } from './modules/incentive/incentive.resolver';
import { PayoutResolver } from './modules/incentive/payout.resolver';
import { RatingImportResolver, RatingPeriodResolver, RatingResolver, RatingSchemeResolver } from './modules/rating/rating.resolver';
import { PublishedEntryResolver, RatingPublicationResolver, RectificationResolver } from './modules/publication/publication.resolver';
import { PartnerAccessResolver, PartnerKeyResolver } from './modules/partner/partner-admin.resolver';
import { PartnerAreaResolver, PartnerCompanyResolver, PartnerQueryResolver } from './modules/partner/partner.resolver';
import type { PartnerContext } from './modules/partner/partner.context';
import { unauthenticated } from './common/errors';

/** Every entity that records its source document and clause gets sourceDocument / sourceClause. */
const SOURCED = (ENTITIES as ClassType[]).filter((e): e is ClassType<SourcedRecord> => e.prototype instanceof SourcedRecord);

export const ADMIN_RESOLVERS = [
  LoginResolver,
  UserResolver,
  AuditResolver,
  PolicyDocumentResolver,
  ClauseResolver,
  DocumentCitationResolver,
  JurisdictionResolver,
  UnitResolver,
  PropertyCompanyResolver,
  CompoundResolver,
  PersonResolver,
  PostResolver,
  PostHoldingResolver,
  WorkingGroupResolver,
  MembershipResolver,
  RosterResolver,
  PlanResolver,
  KeyWorkResolver,
  TargetResolver,
  TaskItemResolver,
  MilestoneResolver,
  AssignmentResolver,
  ProgressReportResolver,
  ProgressResolver,
  AssignmentStatusResolver,
  TaskImportResolver,
  IndicatorResolver,
  IndicatorMeasurementResolver,
  OwnersCommitteeResolver,
  PartyOrganizationResolver,
  CompoundGovernanceResolver,
  IncentiveProgrammeResolver,
  IncentiveRuleResolver,
  IncentiveBudgetResolver,
  IncentiveTotalsResolver,
  AwardCaseResolver,
  PayoutResolver,
  RatingSchemeResolver,
  RatingPeriodResolver,
  RatingResolver,
  RatingImportResolver,
  RatingPublicationResolver,
  PublishedEntryResolver,
  RectificationResolver,
  PartnerKeyResolver,
  PartnerAccessResolver,
  ...SOURCED.map(createSourceResolver),
] as const;

let cached: GraphQLSchema | undefined;

/**
 * The admin schema. Validation is on per argument (`validate: true` on inputs), not globally,
 * so reads skip class-validator.
 */
export function buildAdminSchema(): GraphQLSchema {
  cached ??= withIdempotency(
    buildSchemaSync({
      resolvers: ADMIN_RESOLVERS as unknown as [Function, ...Function[]],
      authChecker,
      validate: false,
    }),
  );
  return cached;
}

/** The partner schema: read-only queries over published editions, nothing of the admin schema. */
export const PARTNER_RESOLVERS = [PartnerQueryResolver, PartnerCompanyResolver, PartnerAreaResolver] as const;

let partnerCached: GraphQLSchema | undefined;

export function buildPartnerSchema(): GraphQLSchema {
  partnerCached ??= buildSchemaSync({
    resolvers: PARTNER_RESOLVERS as unknown as [Function, ...Function[]],
    // the endpoint refuses requests without a valid key before resolvers run; this is the second lock
    authChecker: ({ context }: { context: PartnerContext }) => {
      if (!context.key) throw unauthenticated('Send your partner API key in the X-Api-Key header');
      return true;
    },
    validate: false,
  });
  return partnerCached;
}

/**
 * The SDL as committed in schema/: types and fields sorted, so the file diff shows real changes
 * only, but enum values kept in declaration order. That order means something (组长 before 副组长,
 * 未开始 before 已完成), and the console's choice lists are built from the admin file.
 */
export function printSorted(schema: GraphQLSchema): string {
  let sdl = printSchema(lexicographicSortSchema(schema));
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type) && !type.name.startsWith('__')) {
      const sorted = lexicographicSortSchema(new GraphQLSchema({ types: [type] })).getType(type.name)!;
      sdl = sdl.replace(printType(sorted), printType(type));
    }
  }
  return `${sdl}\n`;
}

export const printAdminSchema = (): string => printSorted(buildAdminSchema());
export const printPartnerSchema = (): string => printSorted(buildPartnerSchema());
