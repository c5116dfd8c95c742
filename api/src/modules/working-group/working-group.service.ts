import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CrudService, notBefore } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import type { Person } from './person.entity';
import type { Post } from './post.entity';
import { PostHolding } from './post-holding.entity';
import type { PersonFilter, PostFilter, PostHoldingFilter, WorkingGroupFilter } from './working-group.inputs';
import { WorkingGroup } from './working-group.entity';

/** `validFrom <= d AND (validTo IS NULL OR validTo >= d)`: in force on day d (both ends inclusive). */
export function inForceOn<T extends object>(qb: SelectQueryBuilder<T>, day: string, alias = 'e'): void {
  qb.andWhere(`${alias}.validFrom <= :asOf AND (${alias}.validTo IS NULL OR ${alias}.validTo >= :asOf)`, { asOf: day });
}

/** 人员 */
export class PersonService extends CrudService<Person, PersonFilter> {}

/** 职务 */
export class PostService extends CrudService<Post, PostFilter> {}

/** 任职: periods must be well-formed and one person cannot hold the same post twice at once. */
export class PostHoldingService extends CrudService<PostHolding, PostHoldingFilter> {
  protected applyFilter(qb: SelectQueryBuilder<PostHolding>, filter: PostHoldingFilter): void {
    const { asOf, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (asOf) inForceOn(qb, asOf);
  }

  protected async validate(em: EntityManager, next: PostHolding, before: PostHolding | null): Promise<void> {
    if (!notBefore(next.validTo, next.validFrom)) throw badInput('validTo', 'validTo cannot be before validFrom');
    const qb = em
      .createQueryBuilder(PostHolding, 'e')
      .where('e.postId = :postId AND e.personId = :personId', { postId: next.postId, personId: next.personId })
      .andWhere('(e.validTo IS NULL OR e.validTo >= :from)', { from: next.validFrom });
    if (next.validTo) qb.andWhere('e.validFrom <= :to', { to: next.validTo });
    if (before) qb.andWhere('e.id <> :id', { id: before.id });
    if (await qb.getExists()) throw badInput('validFrom', 'This person already holds this post during that period');
  }
}

/** 工作专班: a group, or an office / sub-group under one; no cycles. */
export class WorkingGroupService extends CrudService<WorkingGroup, WorkingGroupFilter> {
  protected async validate(em: EntityManager, next: WorkingGroup, before: WorkingGroup | null): Promise<void> {
    let parentId = next.parentId;
    for (let depth = 0; parentId != null; depth++) {
      if ((before && parentId === before.id) || depth > 20) throw badInput('parentId', 'A group cannot sit under itself');
      const parent = await em.findOneBy(WorkingGroup, { id: parentId });
      parentId = parent?.parentId ?? null;
    }
  }
}
