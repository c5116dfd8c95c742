import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import { assertPeriod, inForceOn, type PeriodRule } from '../../common/periods';
import type { Person } from './person.entity';
import type { Post } from './post.entity';
import { PostHolding } from './post-holding.entity';
import type { PersonFilter, PostFilter, PostHoldingFilter, WorkingGroupFilter } from './working-group.inputs';
import { WorkingGroup } from './working-group.entity';

/** 人员 */
export class PersonService extends CrudService<Person, PersonFilter> {}

/** 职务 */
export class PostService extends CrudService<Post, PostFilter> {}

/** One person holds a post once at a time (succession writes holdings through the same rule). */
export const HOLDING_PERIOD: PeriodRule<PostHolding> = {
  entity: PostHolding,
  from: 'validFrom',
  to: 'validTo',
  scope: ['postId', 'personId'],
  field: 'validFrom',
  overlap: 'This person already holds this post during that period',
};

/** 任职: periods must be well-formed and one person cannot hold the same post twice at once. */
export class PostHoldingService extends CrudService<PostHolding, PostHoldingFilter> {
  protected applyFilter(qb: SelectQueryBuilder<PostHolding>, filter: PostHoldingFilter): void {
    const { asOf, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (asOf) inForceOn(qb, asOf);
  }

  protected async validate(em: EntityManager, next: PostHolding, before: PostHolding | null): Promise<void> {
    await assertPeriod(em, HOLDING_PERIOD, next, before?.id);
  }
}

/** 工作专班: a group, or an office / sub-group under one; no cycles. */
export class WorkingGroupService extends CrudService<WorkingGroup, WorkingGroupFilter> {
  protected async validate(em: EntityManager, next: WorkingGroup, before: WorkingGroup | null): Promise<void> {
    if (before && before.parentId === next.parentId) return;
    let parentId = next.parentId;
    for (let depth = 0; parentId != null; depth++) {
      if ((before && parentId === before.id) || depth > 20) throw badInput('parentId', 'A group cannot sit under itself', 'SELF_REFERENCE');
      const parent = await em.findOneBy(WorkingGroup, { id: parentId });
      parentId = parent?.parentId ?? null;
    }
  }
}
