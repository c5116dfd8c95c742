import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import type { Workflow } from '../../common/workflow/workflow';
import type { RatingPeriod } from '../rating/rating.entities';
import { ListStatus } from '../rating/rating.enums';
import { RectificationStatus } from './publication.enums';
import { type PublishedEntry, type RatingPublication, Rectification, type RectificationStep } from './publication.entities';
import type { RectificationFilter } from './publication.inputs';

/** Statuses in which a company is still barred (subject to the edition that lists it). */
export const OPEN_RECTIFICATION = [RectificationStatus.REQUIRED, RectificationStatus.INTERVIEWED, RectificationStatus.SUBMITTED];

/**
 * 整改: the office moves rectifications through the workflow engine (rectification.workflow.ts);
 * publication opens, cancels and reopens them here, as the system.
 */
export class RectificationService extends CrudService<Rectification, RectificationFilter> {
  workflow!: Workflow<RectificationStatus, Rectification, RectificationStep>;

  /**
   * After an edition is written: every black-listed property company has an open rectification for
   * the period; one that the edition no longer lists is cancelled. Runs in the publication's transaction.
   */
  async syncWithEdition(em: EntityManager, actor: Actor, period: RatingPeriod, edition: RatingPublication, entries: PublishedEntry[]): Promise<void> {
    const black = new Map(entries.filter((e) => e.listStatus === ListStatus.BLACK && e.propertyCompanyId !== null).map((e) => [e.propertyCompanyId!, e]));
    const existing = new Map((await em.find(Rectification, { where: { periodId: period.id } })).map((r) => [r.propertyCompanyId, r]));
    const listed = `列入${period.code}黑榜（第${edition.revision}版，${edition.publishedOn}公布）`;
    const byEdition = { date: edition.publishedOn, system: true };
    for (const [companyId] of black) {
      const r = existing.get(companyId);
      if (!r) {
        const saved = await em.save(em.create(Rectification, { periodId: period.id, propertyCompanyId: companyId, publicationId: edition.id, status: RectificationStatus.REQUIRED }));
        await this.workflow.open(em, actor, saved.id, edition.publishedOn, listed);
        await this.audit.record(em, actor, { action: 'CREATE', entityType: this.typeName, entityId: saved.id, after: await this.workflow.snapshot(em, saved) });
      } else if (r.status === RectificationStatus.CANCELLED) {
        await this.workflow.move(em, actor, r, RectificationStatus.REQUIRED, { ...byEdition, reason: listed, set: { publicationId: edition.id } });
      }
    }
    for (const r of existing.values()) {
      if (black.has(r.propertyCompanyId) || !OPEN_RECTIFICATION.includes(r.status)) continue;
      await this.workflow.move(em, actor, r, RectificationStatus.CANCELLED, { ...byEdition, reason: `第${edition.revision}版（更正）不再将其列入黑榜` });
    }
  }
}
