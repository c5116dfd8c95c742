import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type Actor, signedBy } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { likePattern } from '../../common/query';
import { badInput, conflict, dbViolation, toId, toOptionalId } from '../../common/errors';
import { assertPastDate } from '../../common/dates';
import { assertTransition } from '../../common/workflow';
import { Compound } from '../organization/compound.entity';
import { AwardCase, AwardCaseStep } from './award-case.entity';
import { AWARD_CASE_FLOW, AwardCaseStatus } from './incentive.enums';
import type { AwardCaseFilter } from './incentive.inputs';

/** The date column each stage writes. */
const DATE_OF: Record<AwardCaseStatus, keyof AwardCase> = {
  APPLIED: 'appliedOn',
  INSPECTED: 'inspectedOn',
  SUPERIOR_ACCEPTED: 'superiorAcceptedOn',
  STREET_ACCEPTED: 'streetAcceptedOn',
  REJECTED: 'rejectedOn',
};

/**
 * 示范点创建验收: opens a case for a site, records each dated, signed step through the transition
 * table, and refuses a second case for the same site in the same programme.
 */
export class AwardCaseService extends CrudService<AwardCase, AwardCaseFilter> {
  async create(input: ObjectLiteral, actor: Actor): Promise<AwardCase> {
    const programmeId = toId(input.programmeId, 'programmeId');
    const compoundId = toId(input.compoundId, 'compoundId');
    const appliedOn = this.stepDate(input.appliedOn, 'appliedOn');
    const propertyCompanyId = toOptionalId(input.propertyCompanyId, 'propertyCompanyId');
    return this.tx.run(async (em) => {
      await this.checkReferences(em, { programmeId, compoundId, propertyCompanyId });
      const compound = await em.findOneByOrFail(Compound, { id: compoundId });
      const existing = await em.findOneBy(AwardCase, { programmeId, compoundId });
      if (existing) {
        throw conflict(`${compound.name} already has case ${existing.id} (${existing.status}) in this programme: one site earns one award`, 'compoundId', 'ALREADY_AWARDED');
      }
      const row = em.create(AwardCase, {
        programmeId,
        compoundId,
        communityId: compound.communityId,
        propertyCompanyId: propertyCompanyId === undefined ? compound.propertyCompanyId : propertyCompanyId,
        year: input.year ?? Number(appliedOn.slice(0, 4)),
        status: AwardCaseStatus.APPLIED,
        appliedOn,
        note: input.note?.trim() || null,
      });
      const saved = await em.save(row).catch((err) => {
        // a concurrent request opened a case for the site between the check and the insert
        throw dbViolation(err) === 'unique' ? conflict(`${compound.name} already has a case in this programme: one site earns one award`, 'compoundId', 'ALREADY_AWARDED') : err;
      });
      await em.insert(AwardCaseStep, { caseId: saved.id, fromStatus: null, toStatus: AwardCaseStatus.APPLIED, stepDate: appliedOn, reason: null, ...signedBy(actor) });
      await this.audit.record(em, actor, { action: 'CREATE', entityType: this.typeName, entityId: saved.id, after: this.snapshot(saved) });
      return saved;
    });
  }

  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<AwardCase> {
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      const changesRecipients = input.propertyCompanyId !== undefined || input.year !== undefined;
      if (changesRecipients && current.status === AwardCaseStatus.STREET_ACCEPTED) {
        throw conflict('The site is accepted: its property company and year are fixed (payouts are generated from them)', input.propertyCompanyId !== undefined ? 'propertyCompanyId' : 'year', 'FROZEN');
      }
      const set: Partial<AwardCase> = {};
      if (input.propertyCompanyId !== undefined) {
        set.propertyCompanyId = toOptionalId(input.propertyCompanyId, 'propertyCompanyId') ?? null;
        await this.checkReferences(em, set);
      }
      if (input.year !== undefined && input.year !== null) set.year = input.year;
      if (input.note !== undefined) set.note = input.note?.trim() || null;
      return this.writeChange(em, actor, current, set, { action: 'UPDATE' });
    });
  }

  /** Moves the case one step along AWARD_CASE_FLOW, dated and signed; rejection needs a reason. */
  async advance(id: number, to: AwardCaseStatus, date: string, reason: string | null | undefined, actor: Actor): Promise<AwardCase> {
    const day = this.stepDate(date, 'date');
    const why = reason?.trim() || null;
    if (to === AwardCaseStatus.REJECTED && !why) throw badInput('reason', 'Say why the site is rejected');
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      assertTransition(AWARD_CASE_FLOW, this.typeName, id, current.status, to);
      const previous = this.latestDate(current);
      if (day < previous) throw badInput('date', `date ${day} is before the previous step (${previous})`);
      const set: Partial<AwardCase> = { status: to, [DATE_OF[to]]: day };
      if (to === AwardCaseStatus.APPLIED) Object.assign(set, { inspectedOn: null, superiorAcceptedOn: null, streetAcceptedOn: null, rejectedOn: null });
      return this.writeChange(em, actor, current, set, {
        action: `CASE_${to}`,
        step: { entity: AwardCaseStep, values: { caseId: id, fromStatus: current.status, toStatus: to, stepDate: day, reason: why } },
        auditExtra: { reason: why },
      });
    });
  }

  protected applyFilter(qb: SelectQueryBuilder<AwardCase>, filter: AwardCaseFilter): void {
    const { q, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (q?.trim()) {
      qb.andWhere("e.compoundId IN (SELECT c.id FROM compound c WHERE c.name LIKE :q ESCAPE '!')", { q: likePattern(q) });
    }
  }

  private stepDate(value: unknown, field: string): string {
    if (typeof value !== 'string') throw badInput(field, `${field} is required`);
    return assertPastDate(value, field);
  }

  private latestDate(c: AwardCase): string {
    return [c.appliedOn, c.inspectedOn, c.superiorAcceptedOn, c.streetAcceptedOn, c.rejectedOn].filter((d): d is string => !!d).sort().at(-1)!;
  }
}
