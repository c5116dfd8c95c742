import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { likePattern } from '../../common/query';
import { badInput, conflict, dbViolation, toId, toOptionalId } from '../../common/errors';
import { assertPastDate } from '../../common/dates';
import type { Workflow } from '../../common/workflow/workflow';
import { Compound } from '../organization/compound.entity';
import { AwardCase, AwardCaseStep } from './award-case.entity';
import { AwardCaseStatus } from './incentive.enums';
import type { AwardCaseFilter } from './incentive.inputs';

/**
 * 示范点创建验收: opens a case for a site and refuses a second case for the same site in the same
 * programme; its steps are moved by the workflow engine (award-case.workflow.ts).
 */
export class AwardCaseService extends CrudService<AwardCase, AwardCaseFilter> {
  workflow!: Workflow<AwardCaseStatus, AwardCase, AwardCaseStep>;

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
        note: input.note?.trim() || null,
      });
      const saved = await em.save(row).catch((err) => {
        // a concurrent request opened a case for the site between the check and the insert
        throw dbViolation(err) === 'unique' ? conflict(`${compound.name} already has a case in this programme: one site earns one award`, 'compoundId', 'ALREADY_AWARDED') : err;
      });
      await this.workflow.open(em, actor, saved.id, appliedOn);
      await this.audit.record(em, actor, { action: 'CREATE', entityType: this.typeName, entityId: saved.id, after: await this.workflow.snapshot(em, saved) });
      return saved;
    });
  }

  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<AwardCase> {
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      const changesRecipients = input.propertyCompanyId !== undefined || input.year !== undefined;
      if (changesRecipients && current.status === AwardCaseStatus.STREET_ACCEPTED) {
        throw conflict(
          'The site is accepted: its property company and year are fixed (payouts are generated from them)',
          input.propertyCompanyId !== undefined ? 'propertyCompanyId' : 'year',
          'FROZEN',
          { entity: 'AwardCase' },
        );
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

  protected applyFilter(qb: SelectQueryBuilder<AwardCase>, filter: AwardCaseFilter): void {
    const { q, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (q?.trim()) {
      qb.andWhere("e.compoundId IN (SELECT c.id FROM compound c WHERE c.name LIKE :q ESCAPE '!')", { q: likePattern(q) });
    }
  }

  private stepDate(value: unknown, field: string): string {
    if (typeof value !== 'string') throw badInput(field, `${field} is required`, 'REQUIRED');
    return assertPastDate(value, field);
  }
}
