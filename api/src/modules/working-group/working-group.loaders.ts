import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupBy, type Loaders } from '../../common/loaders';
import { Membership } from './membership.entity';
import { PostHolding } from './post-holding.entity';
import { ROLE_ORDER_SQL } from './membership.service';
import { inForceOn } from './working-group.service';
import { WorkingGroup } from './working-group.entity';

/** Seats of many groups in one query; `asOf` null = every seat ever, else the roster on that day. */
export const membersByGroup = (l: Loaders, asOf: string | null) =>
  l.named(`membersByGroup:${asOf ?? '*'}`, (ds) =>
    new DataLoader<number, Membership[]>(async (ids) => {
      const qb = ds.getRepository(Membership).createQueryBuilder('e').where('e.groupId IN (:...ids)', { ids: [...ids] });
      if (asOf) inForceOn(qb, asOf);
      qb.orderBy(ROLE_ORDER_SQL, 'ASC').addOrderBy('e.sortOrder', 'ASC').addOrderBy('e.validFrom', 'ASC').addOrderBy('e.id', 'ASC');
      return groupBy(ids, await qb.getMany(), (m) => m.groupId);
    }),
  );

export const membershipsByPerson = (l: Loaders, asOf: string | null) =>
  l.named(`membershipsByPerson:${asOf ?? '*'}`, (ds) =>
    new DataLoader<number, Membership[]>(async (ids) => {
      const qb = ds.getRepository(Membership).createQueryBuilder('e').where('e.personId IN (:...ids)', { ids: [...ids] });
      if (asOf) inForceOn(qb, asOf);
      return groupBy(ids, await qb.orderBy('e.validFrom', 'ASC').addOrderBy('e.id', 'ASC').getMany(), (m) => m.personId);
    }),
  );

export const holdingsByPerson = (l: Loaders, asOf: string | null) =>
  l.named(`holdingsByPerson:${asOf ?? '*'}`, (ds) =>
    new DataLoader<number, PostHolding[]>(async (ids) => {
      const qb = ds.getRepository(PostHolding).createQueryBuilder('e').where('e.personId IN (:...ids)', { ids: [...ids] });
      if (asOf) inForceOn(qb, asOf);
      return groupBy(ids, await qb.orderBy('e.validFrom', 'ASC').addOrderBy('e.id', 'ASC').getMany(), (h) => h.personId);
    }),
  );

export const holdingsByPost = (l: Loaders, asOf: string | null) =>
  l.named(`holdingsByPost:${asOf ?? '*'}`, (ds) =>
    new DataLoader<number, PostHolding[]>(async (ids) => {
      const qb = ds.getRepository(PostHolding).createQueryBuilder('e').where('e.postId IN (:...ids)', { ids: [...ids] });
      if (asOf) inForceOn(qb, asOf);
      return groupBy(ids, await qb.orderBy('e.validFrom', 'ASC').addOrderBy('e.id', 'ASC').getMany(), (h) => h.postId);
    }),
  );

export const subGroups = (l: Loaders) =>
  l.named('subGroups', (ds) =>
    new DataLoader<number, WorkingGroup[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(WorkingGroup).find({ where: { parentId: In([...ids]) }, order: { id: 'ASC' } }), (g) => g.parentId as number),
    ),
  );
