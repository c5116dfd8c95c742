import { Init1763769600000 } from './1763769600000-Init';

/** Every migration, in order (explicit, so the same list runs from ts-jest and from dist). */
export const MIGRATIONS = [Init1763769600000];
