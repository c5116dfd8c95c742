import { AuditEvent } from './modules/audit/audit-event.entity';
import { User } from './modules/auth/user.entity';
import { Compound } from './modules/organization/compound.entity';
import { Jurisdiction } from './modules/organization/jurisdiction.entity';
import { PropertyCompany } from './modules/organization/property-company.entity';
import { Unit } from './modules/organization/unit.entity';
import { Clause } from './modules/policy/clause.entity';
import { DocumentCitation } from './modules/policy/document-citation.entity';
import { PolicyDocument } from './modules/policy/policy-document.entity';
import { SeedRecord } from './modules/seed/seed-record.entity';
import { Membership } from './modules/working-group/membership.entity';
import { Person } from './modules/working-group/person.entity';
import { PostHolding } from './modules/working-group/post-holding.entity';
import { Post } from './modules/working-group/post.entity';
import { WorkingGroup } from './modules/working-group/working-group.entity';
import { Assignment } from './modules/task/assignment.entity';
import { KeyWork } from './modules/task/key-work.entity';
import { Milestone } from './modules/task/milestone.entity';
import { Plan } from './modules/task/plan.entity';
import { ProgressReport } from './modules/task/progress-report.entity';
import { TaskItem } from './modules/task/task-item.entity';
import { Target } from './modules/task/target.entity';
import { Indicator, IndicatorMeasurement } from './modules/indicator/indicator.entities';
import { OwnersCommittee, PartyOrganization } from './modules/organization/self-governance.entities';
import { IncentiveBudget, IncentiveProgramme, IncentiveRule, IncentiveRuleLine } from './modules/incentive/incentive.entities';
import { AwardCase, AwardCaseStep } from './modules/incentive/award-case.entity';
import { Payout, PayoutTransition } from './modules/incentive/payout.entity';
import { IdempotencyKey } from './common/idempotency';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './modules/rating/rating.entities';
import { PublishedEntry, RatingPublication, Rectification, RectificationStep } from './modules/publication/publication.entities';
import { PartnerAccess, PartnerKey } from './modules/partner/partner-key.entities';

/** Every entity, listed explicitly (no globs: the same list works from ts and from dist). */
export const ENTITIES = [
  PolicyDocument,
  Clause,
  DocumentCitation,
  Jurisdiction,
  Unit,
  PropertyCompany,
  Compound,
  Person,
  Post,
  PostHolding,
  WorkingGroup,
  Membership,
  User,
  AuditEvent,
  SeedRecord,
  Plan,
  KeyWork,
  Target,
  TaskItem,
  Milestone,
  Assignment,
  ProgressReport,
  OwnersCommittee,
  PartyOrganization,
  Indicator,
  IndicatorMeasurement,
  IncentiveProgramme,
  IncentiveRule,
  IncentiveRuleLine,
  IncentiveBudget,
  AwardCase,
  AwardCaseStep,
  Payout,
  PayoutTransition,
  IdempotencyKey,
  RatingScheme,
  RatingCriterion,
  RatingPeriod,
  Rating,
  RatingScore,
  RatingPublication,
  PublishedEntry,
  Rectification,
  RectificationStep,
  PartnerKey,
  PartnerAccess,
];
