import DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import { childrenOf, groupBy, type Loaders } from '../../common/loaders';
import { Membership } from './membership.entity';
import { PostHolding } from './post-holding.entity';
import { ROLE_ORDER_SQL } from './membership.service';
import { inForceOn } from '../../common/periods';
import { WorkingGroup } from './working-group.entity';
import { leanMany } from '../../common/lean';

type Dated = ObjectLiteral & { validFrom: string };

/**
 * Rows of a dated table (seats, holdings) for many parents in one query, grouped by `column`;
 * `asOf` null = the whole history, else only rows in force on that day.
 */
function datedBy<T extends Dated>(l: Loaders, entity: new () => T, column: keyof T & string, asOf: string | null, roster = false) {
  return l.named(
    `${entity.name}:${column}:${asOf ?? '*'}`,
    (ds) =>
      new DataLoader<number, T[]>(async (ids) => {
        const qb = ds
          .getRepository(entity)
          .createQueryBuilder('e')
          .where(`e.${column} IN (:...ids)`, { ids: [...ids] });
        if (asOf) inForceOn(qb, asOf);
        if (roster) qb.orderBy(ROLE_ORDER_SQL, 'ASC').addOrderBy('e.sortOrder', 'ASC').addOrderBy('e.validFrom', 'ASC');
        else qb.orderBy('e.validFrom', 'ASC');
        return groupBy(ids, await leanMany(qb.addOrderBy('e.id', 'ASC')), (row) => row[column] as number);
      }),
  );
}

/** A group's seats in roster order: role as printed (组长 first), then published order. */
export const membersByGroup = (l: Loaders, asOf: string | null) => datedBy(l, Membership, 'groupId', asOf, true);
export const membershipsByPerson = (l: Loaders, asOf: string | null) => datedBy(l, Membership, 'personId', asOf);
export const holdingsByPerson = (l: Loaders, asOf: string | null) => datedBy(l, PostHolding, 'personId', asOf);
export const holdingsByPost = (l: Loaders, asOf: string | null) => datedBy(l, PostHolding, 'postId', asOf);

export const subGroups = (l: Loaders) => childrenOf(l, WorkingGroup, 'parentId');
