import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import { AuditResolver } from './modules/audit/audit.resolver';
import { LoginResolver, UserResolver } from './modules/auth/auth.resolver';
import {
  CompoundResolver,
  JurisdictionResolver,
  PropertyCompanyResolver,
  UnitResolver,
} from './modules/organization/organization.resolver';
import { Jurisdiction } from './modules/organization/jurisdiction.entity';
import { Unit } from './modules/organization/unit.entity';
import { ClauseResolver, createSourceResolver, DocumentCitationResolver, PolicyDocumentResolver } from './modules/policy/policy.resolver';
import { RosterResolver } from './modules/working-group/roster.resolver';
import { Membership } from './modules/working-group/membership.entity';
import { Person } from './modules/working-group/person.entity';
import { Post } from './modules/working-group/post.entity';
import { PostHolding } from './modules/working-group/post-holding.entity';
import {
  MembershipResolver,
  PersonResolver,
  PostHoldingResolver,
  PostResolver,
  WorkingGroupResolver,
} from './modules/working-group/working-group.resolver';
import { WorkingGroup } from './modules/working-group/working-group.entity';
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
import { KeyWork } from './modules/task/key-work.entity';
import {
  CompoundGovernanceResolver,
  IndicatorMeasurementResolver,
  IndicatorResolver,
  OwnersCommitteeResolver,
  PartyOrganizationResolver,
} from './modules/indicator/indicator.resolver';
import { Indicator } from './modules/indicator/indicator.entities';
import { AwardCaseResolver } from './modules/incentive/award-case.resolver';
import { IncentiveBudgetResolver, IncentiveProgrammeResolver, IncentiveRuleResolver, IncentiveTotalsResolver } from './modules/incentive/incentive.resolver';
import { IncentiveProgramme, IncentiveRule } from './modules/incentive/incentive.entities';
import { PayoutResolver } from './modules/incentive/payout.resolver';
import { RatingPeriodResolver, RatingResolver, RatingSchemeResolver } from './modules/rating/rating.resolver';
import { RatingCriterion, RatingScheme } from './modules/rating/rating.entities';
import { Milestone } from './modules/task/milestone.entity';
import { Plan } from './modules/task/plan.entity';
import { Target } from './modules/task/target.entity';
import { TaskItem } from './modules/task/task-item.entity';

const SOURCED = [Jurisdiction, Unit, Person, Post, PostHolding, WorkingGroup, Membership, Plan, KeyWork, Target, TaskItem, Milestone, Indicator, IncentiveProgramme, IncentiveRule, RatingScheme, RatingCriterion];

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
  ...SOURCED.map(createSourceResolver),
] as const;

let cached: GraphQLSchema | undefined;

/**
 * The admin schema. Validation is on per argument (`validate: true` on inputs), not globally,
 * so reads skip class-validator.
 */
export function buildAdminSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers: ADMIN_RESOLVERS as unknown as [Function, ...Function[]],
    authChecker,
    validate: false,
  });
  return cached;
}

/** The SDL as committed in schema/admin.graphql (sorted, so the file diff shows real changes only). */
export function printAdminSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildAdminSchema()))}\n`;
}
