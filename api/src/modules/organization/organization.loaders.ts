import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupBy, type Loaders } from '../../common/loaders';
import { Compound } from './compound.entity';
import { Jurisdiction } from './jurisdiction.entity';
import { Unit } from './unit.entity';

export const jurisdictionChildren = (l: Loaders) =>
  l.named('jurisdictionChildren', (ds) =>
    new DataLoader<number, Jurisdiction[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Jurisdiction).find({ where: { parentId: In([...ids]) }, order: { id: 'ASC' } }), (j) => j.parentId as number),
    ),
  );

export const unitsByJurisdiction = (l: Loaders) =>
  l.named('unitsByJurisdiction', (ds) =>
    new DataLoader<number, Unit[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Unit).find({ where: { jurisdictionId: In([...ids]) }, order: { id: 'ASC' } }), (u) => u.jurisdictionId),
    ),
  );

export const compoundsByCommunity = (l: Loaders) =>
  l.named('compoundsByCommunity', (ds) =>
    new DataLoader<number, Compound[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Compound).find({ where: { communityId: In([...ids]) }, order: { id: 'ASC' } }), (c) => c.communityId),
    ),
  );
