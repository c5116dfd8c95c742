import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/env';
import { RateLimits } from './common/rate-limit';
import { SheetImporter } from './common/sheet-import/sheet-import';
import { TransactionRunner } from './common/transactions';
import { AuditService } from './modules/audit/audit.service';
import { AuthService, UserService } from './modules/auth/auth.service';
import { User } from './modules/auth/user.entity';
import { Compound } from './modules/organization/compound.entity';
import { Jurisdiction } from './modules/organization/jurisdiction.entity';
import { CompoundService, JurisdictionService, PropertyCompanyService, UnitService } from './modules/organization/organization.service';
import { PropertyCompany } from './modules/organization/property-company.entity';
import { Unit } from './modules/organization/unit.entity';
import { Clause } from './modules/policy/clause.entity';
import { DocumentCitation } from './modules/policy/document-citation.entity';
import { ClauseService, DocumentCitationService, PolicyDocumentService } from './modules/policy/policy.service';
import { PolicyDocument } from './modules/policy/policy-document.entity';
import { MembershipService, rosterOrder } from './modules/working-group/membership.service';
import { Membership } from './modules/working-group/membership.entity';
import { Person } from './modules/working-group/person.entity';
import { Post } from './modules/working-group/post.entity';
import { PostHolding } from './modules/working-group/post-holding.entity';
import { rosterImport } from './modules/working-group/roster-import.service';
import { SuccessionService } from './modules/working-group/succession.service';
import { PersonService, PostHoldingService, PostService, WorkingGroupService } from './modules/working-group/working-group.service';
import { WorkingGroup } from './modules/working-group/working-group.entity';
import { CrudService } from './common/crud.service';
import { Assignment } from './modules/task/assignment.entity';
import { KeyWork } from './modules/task/key-work.entity';
import { Milestone } from './modules/task/milestone.entity';
import { Plan } from './modules/task/plan.entity';
import { ProgressReport } from './modules/task/progress-report.entity';
import { Target } from './modules/task/target.entity';
import { TaskItem } from './modules/task/task-item.entity';
import { ProgressReportService, TaskItemService } from './modules/task/task.service';
import { ProgressService } from './modules/task/progress.service';
import { taskListImport } from './modules/task/task-import.service';
import { Indicator, IndicatorMeasurement } from './modules/indicator/indicator.entities';
import {
  IndicatorMeasurementService,
  IndicatorProgressService,
  IndicatorService,
  OwnersCommitteeService,
  PartyOrganizationService,
} from './modules/indicator/indicator.service';
import { OwnersCommittee, PartyOrganization } from './modules/organization/self-governance.entities';
import { AwardCase } from './modules/incentive/award-case.entity';
import { AwardCaseService } from './modules/incentive/award-case.service';
import { IncentiveBudgetService, IncentiveRuleService } from './modules/incentive/incentive-rule.service';
import { IncentiveTotalsService } from './modules/incentive/incentive-totals.service';
import { IncentiveBudget, IncentiveProgramme, IncentiveRule } from './modules/incentive/incentive.entities';
import { Payout } from './modules/incentive/payout.entity';
import { PayoutService } from './modules/incentive/payout.service';
import { attachWorkflow } from './common/workflow/workflow';
import { AWARD_CASE_WORKFLOW } from './modules/incentive/award-case.workflow';
import { PAYOUT_WORKFLOW } from './modules/incentive/payout.workflow';
import { RECTIFICATION_WORKFLOW } from './modules/publication/rectification.workflow';
import { Rating, RatingPeriod, RatingScheme } from './modules/rating/rating.entities';
import { RatingPeriodService, RatingSchemeService, RatingService } from './modules/rating/rating.service';
import { ratingImport } from './modules/rating/rating-import.service';
import { PublishedEntry, RatingPublication, Rectification } from './modules/publication/publication.entities';
import { PublicationService } from './modules/publication/publication.service';
import { RectificationService } from './modules/publication/rectification.service';
import { PartnerAccess, PartnerKey } from './modules/partner/partner-key.entities';
import { PartnerAccessService, PartnerKeyService } from './modules/partner/partner-key.service';
import { PartnerReadService } from './modules/partner/partner-read.service';

/** The composition root: one instance of each service per app, sharing the data source and audit. */
export function createServices(ds: DataSource, config: AppConfig) {
  const tx = new TransactionRunner(ds);
  const limits = new RateLimits(config);
  const audit = new AuditService(ds);
  const deps = [ds, tx, audit] as const;
  const incentiveRule = new IncentiveRuleService(...deps, { entity: IncentiveRule, typeName: 'IncentiveRule', searchColumns: ['name', 'printed'], childKeys: ['lines'], defaultSort: [['programmeId', 'ASC'], ['validFrom', 'ASC']] });
  const rectification = new RectificationService(...deps, { entity: Rectification, typeName: 'Rectification', searchColumns: [], defaultSort: [['id', 'DESC']] });
  const payout = new PayoutService(...deps, { entity: Payout, typeName: 'Payout', searchColumns: ['recipientName', 'paymentReference'], defaultSort: [['id', 'DESC']] }, incentiveRule);
  const awardCase = new AwardCaseService(...deps, { entity: AwardCase, typeName: 'AwardCase', searchColumns: [], defaultSort: [['id', 'DESC']] });
  attachWorkflow(rectification, RECTIFICATION_WORKFLOW, { ds, tx, audit });
  payout.caseWorkflow = attachWorkflow(awardCase, AWARD_CASE_WORKFLOW, { ds, tx, audit });
  const payoutWorkflow = attachWorkflow(payout, PAYOUT_WORKFLOW, { ds, tx, audit });
  return {
    ds,
    tx,
    audit,
    limits,
    auth: new AuthService(ds, tx, audit, config, limits),
    user: new UserService(...deps, { entity: User, typeName: 'User', searchColumns: ['username', 'displayName'], auditOmit: ['passwordHash'] }),
    policyDocument: new PolicyDocumentService(...deps, {
      entity: PolicyDocument,
      typeName: 'PolicyDocument',
      searchColumns: ['title', 'docNumber', 'indexNumber', 'issuer'],
    }),
    clause: new ClauseService(...deps, { entity: Clause, typeName: 'Clause', searchColumns: ['number', 'title', 'text'], defaultSort: [['documentId', 'ASC'], ['sortOrder', 'ASC']] }),
    documentCitation: new DocumentCitationService(...deps, { entity: DocumentCitation, typeName: 'DocumentCitation', searchColumns: ['citedTitle', 'citedDocNumber'] }),
    jurisdiction: new JurisdictionService(...deps, { entity: Jurisdiction, typeName: 'Jurisdiction' }),
    unit: new UnitService(...deps, { entity: Unit, typeName: 'Unit', searchColumns: ['name', 'aliases'] }),
    propertyCompany: new PropertyCompanyService(...deps, { entity: PropertyCompany, typeName: 'PropertyCompany', searchColumns: ['name', 'uscc'] }),
    compound: new CompoundService(...deps, { entity: Compound, typeName: 'Compound' }),
    person: new PersonService(...deps, { entity: Person, typeName: 'Person' }),
    post: new PostService(...deps, { entity: Post, typeName: 'Post', searchColumns: ['title'] }),
    postHolding: new PostHoldingService(...deps, { entity: PostHolding, typeName: 'PostHolding', searchColumns: [] }),
    workingGroup: new WorkingGroupService(...deps, { entity: WorkingGroup, typeName: 'WorkingGroup' }),
    membership: new MembershipService(...deps, { entity: Membership, typeName: 'Membership', searchColumns: [], defaultSort: rosterOrder }),
    succession: new SuccessionService(ds, tx, audit),
    rosterImport: new SheetImporter(rosterImport, ds, tx, audit),
    plan: new CrudService(...deps, { entity: Plan, typeName: 'Plan' }),
    keyWork: new CrudService(...deps, { entity: KeyWork, typeName: 'KeyWork', searchColumns: ['title'], defaultSort: [['planId', 'ASC'], ['sortOrder', 'ASC']] }),
    target: new CrudService(...deps, { entity: Target, typeName: 'Target', searchColumns: ['title'], defaultSort: [['keyWorkId', 'ASC'], ['sortOrder', 'ASC']] }),
    taskItem: new TaskItemService(...deps, { entity: TaskItem, typeName: 'TaskItem', searchColumns: ['content', 'title'], defaultSort: [['keyWorkId', 'ASC'], ['sortOrder', 'ASC']] }),
    milestone: new CrudService(...deps, { entity: Milestone, typeName: 'Milestone', searchColumns: ['text'], defaultSort: [['dueDate', 'ASC'], ['id', 'ASC']] }),
    assignment: new CrudService(...deps, { entity: Assignment, typeName: 'Assignment', searchColumns: [], defaultSort: [['taskItemId', 'ASC'], ['sortOrder', 'ASC']] }),
    progress: new ProgressService(ds),
    taskImport: new SheetImporter(taskListImport, ds, tx, audit),
    indicator: new IndicatorService(...deps, { entity: Indicator, typeName: 'Indicator', searchColumns: ['name', 'printed'] }),
    indicatorMeasurement: new IndicatorMeasurementService(...deps, { entity: IndicatorMeasurement, typeName: 'IndicatorMeasurement', searchColumns: ['note'] }),
    indicatorProgress: new IndicatorProgressService(ds),
    ownersCommittee: new OwnersCommitteeService(...deps, { entity: OwnersCommittee, typeName: 'OwnersCommittee', searchColumns: [] }),
    partyOrganization: new PartyOrganizationService(...deps, { entity: PartyOrganization, typeName: 'PartyOrganization' }),
    incentiveProgramme: new CrudService(...deps, { entity: IncentiveProgramme, typeName: 'IncentiveProgramme', searchColumns: ['name', 'description'] }),
    incentiveRule,
    incentiveBudget: new IncentiveBudgetService(...deps, { entity: IncentiveBudget, typeName: 'IncentiveBudget', searchColumns: ['note'], defaultSort: [['year', 'DESC'], ['programmeId', 'ASC']] }),
    incentiveTotals: new IncentiveTotalsService(ds),
    awardCase,
    payout,
    payoutWorkflow,
    ratingScheme: new RatingSchemeService(...deps, { entity: RatingScheme, typeName: 'RatingScheme', childKeys: ['criteria'] }),
    ratingPeriod: new RatingPeriodService(...deps, { entity: RatingPeriod, typeName: 'RatingPeriod', searchColumns: ['code'], defaultSort: [['startDate', 'DESC'], ['id', 'ASC']] }),
    rating: new RatingService(...deps, { entity: Rating, typeName: 'Rating', searchColumns: ['subjectName'], childKeys: ['scores'], derivedColumns: ['subjectKey', 'subjectName'], defaultSort: [['periodId', 'DESC'], ['subjectName', 'ASC']] }),
    ratingPublication: new CrudService(...deps, { entity: RatingPublication, typeName: 'RatingPublication', searchColumns: [], defaultSort: [['publishedOn', 'DESC'], ['id', 'DESC']] }),
    publishedEntry: new CrudService(...deps, { entity: PublishedEntry, typeName: 'PublishedEntry', searchColumns: ['subjectName', 'uscc'], defaultSort: [['publicationId', 'DESC'], ['rank', 'ASC'], ['id', 'ASC']] }),
    rectification,
    ratingImport: new SheetImporter(ratingImport, ds, tx, audit),
    publication: new PublicationService(ds, tx, audit, rectification),
    partnerKey: new PartnerKeyService(...deps, { entity: PartnerKey, typeName: 'PartnerKey', auditOmit: ['secretHash'], defaultSort: [['id', 'DESC']] }),
    partnerAccess: new PartnerAccessService(...deps, { entity: PartnerAccess, typeName: 'PartnerAccess', searchColumns: ['companiesJson', 'queries'], defaultSort: [['id', 'DESC']] }),
    partnerRead: new PartnerReadService(ds),
    progressReport: new ProgressReportService(...deps, { entity: ProgressReport, typeName: 'ProgressReport', searchColumns: ['note'], defaultSort: [['reportDate', 'DESC'], ['id', 'DESC']] }, config.progressBackdateDays),
  };
}

export type Services = ReturnType<typeof createServices>;
