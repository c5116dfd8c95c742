import { childrenOf, type Loaders } from '../../common/loaders';
import { Compound } from './compound.entity';
import { Jurisdiction } from './jurisdiction.entity';
import { Unit } from './unit.entity';

export const jurisdictionChildren = (l: Loaders) => childrenOf(l, Jurisdiction, 'parentId');
export const unitsByJurisdiction = (l: Loaders) => childrenOf(l, Unit, 'jurisdictionId');
export const compoundsByCommunity = (l: Loaders) => childrenOf(l, Compound, 'communityId');
