import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../../common/context';
import { todayInChina } from '../../common/dates';
import type { Workflow } from '../../common/workflow/workflow';
import { type CrudOptions, CrudService } from '../../common/crud.service';
import { badInput, conflict, dbViolation, toId } from '../../common/errors';
import { yuanToFen } from '../../common/money';
import { type TransactionRunner, writeLock } from '../../common/transactions';
import { JurisdictionLevel } from '../organization/enums';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { AwardCase, type AwardCaseStep } from './award-case.entity';
import type { IncentiveRuleService } from './incentive-rule.service';
import { AwardCaseStatus, PayoutStatus, RecipientRole } from './incentive.enums';
import type { PayoutFilter } from './incentive.inputs';
import { Payout, PayoutTransition } from './payout.entity';

/**
 * 奖励发放: generates payouts from an accepted case and edits them while they are drafts.
 * State changes after that are the workflow engine's (payout.workflow.ts).
 */
export class PayoutService extends CrudService<Payout, PayoutFilter> {
  workflow!: Workflow<PayoutStatus, Payout, PayoutTransition>;
  caseWorkflow!: Workflow<AwardCaseStatus, AwardCase, AwardCaseStep>;

  constructor(
    ds: DataSource,
    tx: TransactionRunner,
    audit: AuditService,
    opts: CrudOptions<Payout>,
    private readonly rules: IncentiveRuleService,
  ) {
    super(ds, tx, audit, opts);
  }

  /**
   * One draft payout per recipient line of the rule in force on the street-acceptance date.
   * Only a case accepted by the superior department and then the street qualifies; a case that
   * already has its payouts gets CONFLICT (UNIQUE (caseId, recipientRole) backs this up).
   */
  async generate(caseId: number, actor: Actor): Promise<Payout[]> {
    try {
      return await this.tx.run(async (em) => {
        const c = await em.findOne(AwardCase, { where: { id: caseId }, ...writeLock(em) });
        if (!c) throw badInput('caseId', `caseId: no AwardCase with id ${caseId}`, 'UNKNOWN_REFERENCE');
        const stages = await this.caseWorkflow.stagesOf(em, caseId);
        const streetAcceptedOn = stages.STREET_ACCEPTED?.stepDate;
        if (c.status !== AwardCaseStatus.STREET_ACCEPTED || !stages.SUPERIOR_ACCEPTED || !streetAcceptedOn) {
          throw conflict(`Case ${caseId} is ${c.status}: payouts come only after acceptance by the superior department and then the street`, 'caseId', 'NOT_ACCEPTED');
        }
        if (await em.exists(Payout, { where: { caseId } })) throw conflict(`Case ${caseId} already has its payouts: one site earns one award`, 'caseId', 'ALREADY_AWARDED');
        const rule = await this.rules.inForce(em, c.programmeId, streetAcceptedOn);
        const lines = await this.rules.linesOf(em, rule.id);
        const made: Payout[] = [];
        for (const line of lines) {
          // a zero line (stored before zero amounts were refused) pays nothing: as good as no amount
          if (line.amountFen === null || line.amountFen <= 0) {
            throw conflict(`Rule “${rule.name}” names no amount for ${line.recipientRole}${line.note ? ` (${line.note})` : ''}: set the amount on the rule first`, 'amount', 'NO_AMOUNT');
          }
          const recipient = await this.recipientOf(em, c, line.recipientRole);
          const payout = await em.save(
            em.create(Payout, {
              caseId,
              programmeId: c.programmeId,
              ruleId: rule.id,
              ruleVersion: rule.version,
              recipientRole: line.recipientRole,
              ...recipient,
              amountFen: line.amountFen,
              budgetYear: c.year,
              status: PayoutStatus.DRAFT,
            }),
          );
          await this.workflow.open(em, actor, payout.id, todayInChina());
          made.push(payout);
        }
        // One mutation, one audit event: the generation is recorded on the case, with every payout it drafted.
        await this.audit.record(em, actor, {
          action: 'GENERATE_PAYOUTS',
          entityType: 'AwardCase',
          entityId: caseId,
          after: { caseId, ruleId: rule.id, ruleVersion: rule.version, payouts: made.map((p) => this.snapshot(p)) },
        });
        return made;
      });
    } catch (err) {
      if (dbViolation(err) === 'unique') throw conflict(`Case ${caseId} already has its payouts: one site earns one award`, 'caseId', 'ALREADY_AWARDED');
      throw err;
    }
  }

  /** Amount, recipient and note of a draft; anything submitted or later is frozen. */
  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<Payout> {
    const set: Partial<Payout> = {};
    if (input.amount !== undefined && input.amount !== null) set.amountFen = yuanToFen(String(input.amount), 'amount');
    if (input.note !== undefined) set.note = typeof input.note === 'string' ? input.note.trim() || null : null;
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      if (current.status !== PayoutStatus.DRAFT) {
        throw conflict(`Payout ${id} is ${current.status}: amount and recipient are frozen once submitted`, Object.keys(input)[0], 'FROZEN', { entity: 'Payout' });
      }
      if (input.recipientCompanyId != null) {
        if (current.recipientRole !== RecipientRole.PROPERTY_COMPANY) throw badInput('recipientCompanyId', 'This payout goes to a community, not a company', 'NOT_APPLICABLE');
        const company = await em.findOneBy(PropertyCompany, { id: toId(input.recipientCompanyId, 'recipientCompanyId') });
        if (!company) throw badInput('recipientCompanyId', `recipientCompanyId: no PropertyCompany with id ${String(input.recipientCompanyId)}`, 'UNKNOWN_REFERENCE');
        Object.assign(set, { recipientCompanyId: company.id, recipientName: company.name });
      }
      if (input.recipientJurisdictionId != null) {
        if (current.recipientRole !== RecipientRole.COMMUNITY) throw badInput('recipientJurisdictionId', 'This payout goes to a company, not a community', 'NOT_APPLICABLE');
        const community = await em.findOneBy(Jurisdiction, { id: toId(input.recipientJurisdictionId, 'recipientJurisdictionId') });
        if (!community || community.level !== JurisdictionLevel.COMMUNITY) {
          throw badInput('recipientJurisdictionId', `recipientJurisdictionId: no community (社区·村) with id ${String(input.recipientJurisdictionId)}`, 'UNKNOWN_REFERENCE');
        }
        Object.assign(set, { recipientJurisdictionId: community.id, recipientName: community.name });
      }
      return this.writeChange(em, actor, current, set, { action: 'UPDATE' });
    });
  }

  protected applyFilter(qb: SelectQueryBuilder<Payout>, filter: PayoutFilter): void {
    const { paidFrom, paidTo, submittedById, notSubmittedById, ...rest } = filter;
    super.applyFilter(qb, rest); // q searches recipientName and paymentReference (see services.ts)
    if (submittedById) qb.andWhere(this.workflow.stageActorCondition(PayoutStatus.SUBMITTED, 'submittedBy'), { submittedBy: toId(submittedById, 'filter.submittedById') });
    if (notSubmittedById) qb.andWhere(`NOT ${this.workflow.stageActorCondition(PayoutStatus.SUBMITTED, 'notSubmittedBy')}`, { notSubmittedBy: toId(notSubmittedById, 'filter.notSubmittedById') });
    if (paidFrom) qb.andWhere('e.paidOn >= :paidFrom', { paidFrom });
    if (paidTo) qb.andWhere('e.paidOn <= :paidTo', { paidTo });
  }

  private async recipientOf(em: EntityManager, c: AwardCase, role: RecipientRole): Promise<Partial<Payout>> {
    if (role === RecipientRole.PROPERTY_COMPANY) {
      const company = c.propertyCompanyId ? await em.findOneBy(PropertyCompany, { id: c.propertyCompanyId }) : null;
      if (!company) throw conflict(`Case ${c.id} names no property company: set it on the case before generating payouts`, 'propertyCompanyId', 'NO_COMPANY');
      return { recipientCompanyId: company.id, recipientJurisdictionId: null, recipientName: company.name };
    }
    const community = await em.findOneByOrFail(Jurisdiction, { id: c.communityId });
    return { recipientCompanyId: null, recipientJurisdictionId: community.id, recipientName: community.name };
  }
}
