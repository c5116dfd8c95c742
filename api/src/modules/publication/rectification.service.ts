import type { EntityManager } from 'typeorm';
import { type Actor, signedBy } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { assertPastDate } from '../../common/dates';
import { badInput } from '../../common/errors';
import { assertTransition, type TransitionTable } from '../../common/workflow';
import type { RatingPeriod } from '../rating/rating.entities';
import { ListStatus } from '../rating/rating.enums';
import { RECTIFICATION_BY_PUBLICATION, RECTIFICATION_FLOW, RectificationStatus } from './publication.enums';
import { type PublishedEntry, type RatingPublication, Rectification, RectificationStep } from './publication.entities';
import type { RectificationFilter } from './publication.inputs';

/** Statuses in which a company is still barred (subject to the edition that lists it). */
export const OPEN_RECTIFICATION = [RectificationStatus.REQUIRED, RectificationStatus.INTERVIEWED, RectificationStatus.SUBMITTED];

/**
 * 整改: opened by publication for each black-listed property company, then moved by the office
 * through 约谈 → 提交整改 → 验收, each step dated and signed. A corrected edition that no longer
 * lists the company cancels it; one that lists it again reopens it.
 */
export class RectificationService extends CrudService<Rectification, RectificationFilter> {
  /** Records the next step along RECTIFICATION_FLOW; a returned report (SUBMITTED → INTERVIEWED) needs a reason. */
  async advance(id: number, to: RectificationStatus, date: string, reason: string | null | undefined, actor: Actor): Promise<Rectification> {
    const day = assertPastDate(date, 'date');
    const why = reason?.trim() || null;
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      assertTransition(RECTIFICATION_FLOW, this.typeName, id, current.status, to);
      const returned = current.status === RectificationStatus.SUBMITTED && to === RectificationStatus.INTERVIEWED;
      if (returned && !why) throw badInput('reason', 'Say why the rectification report is returned');
      const last = await em.findOne(RectificationStep, { where: { rectificationId: id }, order: { id: 'DESC' } });
      if (last && day < last.stepDate) throw badInput('date', `date ${day} is before the previous step (${last.stepDate})`);
      const set: Partial<Rectification> = { status: to };
      if (to === RectificationStatus.INTERVIEWED && !returned) set.interviewedOn = day;
      if (returned) set.submittedOn = null;
      if (to === RectificationStatus.SUBMITTED) set.submittedOn = day;
      if (to === RectificationStatus.ACCEPTED) set.acceptedOn = day;
      return this.move(em, actor, current, to, day, why, set, RECTIFICATION_FLOW);
    });
  }

  /**
   * After an edition is written: every black-listed property company has an open rectification for
   * the period; one that the edition no longer lists is cancelled. Runs in the publication's transaction.
   */
  async syncWithEdition(em: EntityManager, actor: Actor, period: RatingPeriod, edition: RatingPublication, entries: PublishedEntry[]): Promise<void> {
    const black = new Map(entries.filter((e) => e.listStatus === ListStatus.BLACK && e.propertyCompanyId !== null).map((e) => [e.propertyCompanyId!, e]));
    const existing = new Map((await em.find(Rectification, { where: { periodId: period.id } })).map((r) => [r.propertyCompanyId, r]));
    const listed = `列入${period.code}黑榜（第${edition.revision}版，${edition.publishedOn}公布）`;
    for (const [companyId] of black) {
      const r = existing.get(companyId);
      if (!r) {
        const saved = await em.save(
          em.create(Rectification, { periodId: period.id, propertyCompanyId: companyId, publicationId: edition.id, status: RectificationStatus.REQUIRED, requiredOn: edition.publishedOn }),
        );
        await em.insert(RectificationStep, { rectificationId: saved.id, fromStatus: null, toStatus: RectificationStatus.REQUIRED, stepDate: edition.publishedOn, reason: listed, ...signedBy(actor) });
        await this.audit.record(em, actor, { action: 'CREATE', entityType: this.typeName, entityId: saved.id, after: this.snapshot(saved) });
      } else if (r.status === RectificationStatus.CANCELLED) {
        await this.move(em, actor, r, RectificationStatus.REQUIRED, edition.publishedOn, listed, {
          status: RectificationStatus.REQUIRED,
          publicationId: edition.id,
          requiredOn: edition.publishedOn,
          interviewedOn: null,
          submittedOn: null,
          acceptedOn: null,
          cancelledOn: null,
        }, RECTIFICATION_BY_PUBLICATION);
      }
    }
    for (const r of existing.values()) {
      if (black.has(r.propertyCompanyId) || !OPEN_RECTIFICATION.includes(r.status)) continue;
      await this.move(em, actor, r, RectificationStatus.CANCELLED, edition.publishedOn, `第${edition.revision}版（更正）不再将其列入黑榜`, { status: RectificationStatus.CANCELLED, cancelledOn: edition.publishedOn }, RECTIFICATION_BY_PUBLICATION);
    }
  }

  private move(em: EntityManager, actor: Actor, current: Rectification, to: RectificationStatus, day: string, why: string | null, set: Partial<Rectification>, table: TransitionTable<RectificationStatus>) {
    assertTransition(table, this.typeName, current.id, current.status, to);
    return this.writeChange(em, actor, current, set, {
      action: `RECTIFICATION_${to}`,
      step: { entity: RectificationStep, values: { rectificationId: current.id, fromStatus: current.status, toStatus: to, stepDate: day, reason: why } },
      auditExtra: { reason: why },
    });
  }
}
